using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>Starts, checks and ends the server-side record behind each sign-in cookie (ADR 5).</summary>
public sealed class UserSessions(AppDbContext db, DataCache cache, TimeProvider clock, IOptions<SessionTimeouts> timeouts)
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
        var session = new UserSession { UserId = userId, StartedAt = now, LastSeenAt = now, ExpiresAt = now + UserSession.MaximumLifetime };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Checks the session: its user and when it ends, when it is the user's, has not ended and has not
    /// timed out; otherwise null, and <paramref name="timedOut"/> says whose it was when it has just timed
    /// out (it is ended here). Activity moves its idle timeout on, written at most once a minute.
    /// </summary>
    public async Task<(SessionUser User, SessionTimes Times)?> CheckAsync(Guid sessionId, Guid userId, bool activity, Action<TimedOutSession> timedOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timedOut);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await Find(db, sessionId, userId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        cache.Knows(found.Stamp);

        var idle = timeouts.Value.Idle;
        if (now >= found.ExpiresAt || now - found.LastSeenAt >= idle)
        {
            var reason = now >= found.ExpiresAt ? SessionEnd.Lifetime : SessionEnd.Idle;
            await EndAsync(sessionId, reason == SessionEnd.Idle ? "timed-out" : "lifetime", cancellationToken);
            timedOut(new TimedOutSession(userId, reason));
            return null;
        }

        var lastSeen = found.LastSeenAt;
        if (activity && now - lastSeen >= SessionTimeouts.ActivityResolution)
        {
            lastSeen = now;
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
        }

        var memberships = found.Memberships.OrderBy(m => m.OrganisationName, StringComparer.Ordinal).ThenBy(m => m.Role.ToString(), StringComparer.Ordinal).ToList();
        return (found.User with { Memberships = memberships }, new SessionTimes(lastSeen + idle, found.ExpiresAt));
    }

    /// <summary>What a session check reads: the session's times, its user with their memberships, and the data's stamp.</summary>
    private sealed record Found(SessionUser User, DateTime LastSeenAt, DateTime ExpiresAt, List<MembershipView> Memberships, Guid Stamp);

    /// <summary>
    /// The session and its user, read on every signed-in request, so compiled once rather than translated each time.
    /// The memberships come in the same query: every request needs them next (CurrentUser), and a round trip costs
    /// more than the rows; so does the data's stamp, which <see cref="DataCache"/> then need not read. Each
    /// organisation's name and kind are scalar subqueries, not a join: SQLite cannot push the user's id into a joined
    /// subquery on the right of a LEFT JOIN, so a join there read every membership of every user on every request
    /// (0.21 ms against 0.017 ms at national size; <c>QueryPlanTests</c> holds it).
    /// </summary>
    private static readonly Func<AppDbContext, Guid, Guid, CancellationToken, Task<Found?>> Find = EF.CompileAsyncQuery(
        (AppDbContext db, Guid sessionId, Guid userId, CancellationToken cancellationToken) =>
            db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new Found(
                    new SessionUser(u.Id, u.DisplayName, u.Email ?? "", u.MustChangePassword),
                    s.LastSeenAt,
                    s.ExpiresAt,
                    db.Memberships.Where(m => m.UserId == u.Id)
                        .Select(m => new MembershipView(
                            m.OrganisationId,
                            db.Organisations.Where(o => o.Id == m.OrganisationId).Select(o => o.Name).First(),
                            db.Organisations.Where(o => o.Id == m.OrganisationId).Select(o => o.Kind).First(),
                            m.Role)).ToList(),
                    db.Set<DataVersion>().Where(v => v.Id == DataVersion.TheOne).Select(v => v.Stamp).First()))
                .SingleOrDefault());

    /// <summary>Moves the session's idle timeout on now, when the person asks to stay signed in.</summary>
    public Task<int> KeepAliveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), cancellationToken);
    }

    /// <summary>Sessions open at <paramref name="now"/>: not ended, not expired, not idle too long.</summary>
    public static IQueryable<UserSession> Open(IQueryable<UserSession> sessions, DateTime now, TimeSpan idle)
    {
        var idleSince = now - idle;
        return sessions.Where(s => s.EndedAt == null && s.ExpiresAt > now && s.LastSeenAt > idleSince);
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
public sealed record SessionUser(Guid Id, string DisplayName, string Email, bool MustChangePassword)
{
    /// <summary>The user's memberships, when read with the session (in the same query), so the request need not read them again.</summary>
    public IReadOnlyList<MembershipView>? Memberships { get; init; }
}
