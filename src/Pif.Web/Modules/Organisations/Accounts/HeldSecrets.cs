using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Holds a secret, encrypted, between the post that makes it and the one page that shows it, for
/// the user who made it only; reading it removes it. What is not read within ten minutes is dropped.
/// </summary>
public sealed class HeldSecrets(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string ApiKey = "api-key";
    public const string RecoveryCodes = "recovery-codes";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("Pif.HeldSecrets");

    /// <summary>The purpose for a one-time password set for one user.</summary>
    public static string OneTimePassword(Guid userId) => $"one-time-password:{userId}";

    public async Task HoldAsync(Guid userId, string purpose, string secret, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.HeldSecrets.Where(s => s.ExpiresAt < now || (s.UserId == userId && s.Purpose == purpose)).ExecuteDeleteAsync(cancellationToken);
        db.HeldSecrets.Add(new HeldSecret { UserId = userId, Purpose = purpose, Protected = _protector.Protect(secret), ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The secret, once: whoever removes the row reads it; null when there is none, it expired, or it was read.</summary>
    public async Task<string?> TakeAsync(Guid userId, string purpose, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.HeldSecrets.AsNoTracking().Where(s => s.UserId == userId && s.Purpose == purpose && s.ExpiresAt > now)
            .Select(s => new { s.Id, s.Protected }).FirstOrDefaultAsync(cancellationToken);
        if (held is null || await db.HeldSecrets.Where(s => s.Id == held.Id).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return null;
        }

        return _protector.Unprotect(held.Protected);
    }
}
