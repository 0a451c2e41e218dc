using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>Starts, checks and ends the server-side record behind each sign-in cookie (ADR 5).</summary>
public sealed class UserSessions(AppDbContext db, TimeProvider clock)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string Claim = "pif:session";

    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(Claim), out var id) ? id : null;

    /// <summary>Records a new session for the user, and forgets their sessions that ended over a day ago.</summary>
    public async Task<Guid> StartAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var old = now.AddDays(-1);
        await db.UserSessions.Where(s => s.UserId == userId && (s.EndedAt < old || s.ExpiresAt < old)).ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession { UserId = userId, StartedAt = now, ExpiresAt = now + UserSession.MaximumLifetime };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>The session's user, when the session is theirs, has not ended and has not expired; otherwise null.</summary>
    public Task<SessionUser?> FindActiveAsync(Guid sessionId, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionUser(u.Id, u.DisplayName, u.Email ?? "", u.MustChangePassword))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public Task<int> EndAsync(Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
    }

    /// <summary>Ends every open session of the user: every browser they are signed in on is signed out at its next request.</summary>
    public Task<int> EndAllAsync(Guid userId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndReason, reason), cancellationToken);
    }
}

/// <summary>What the session check already read of the user, so the request need not read it again.</summary>
public sealed record SessionUser(Guid Id, string DisplayName, string Email, bool MustChangePassword);
