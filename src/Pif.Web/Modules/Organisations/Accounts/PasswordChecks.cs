using Microsoft.AspNetCore.Identity;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Checks a signed-in person's current password where it is asked again (changing it, turning off
/// two-step verification). Failures count with sign-in's and lock the account alike.
/// </summary>
public sealed class PasswordChecks(UserManager<PifUser> users, AuditLog audit, AppDbContext db)
{
    public async Task<PasswordCheck> CheckAsync(PifUser user, string? password, string where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await users.IsLockedOutAsync(user))
        {
            return PasswordCheck.LockedOut;
        }

        if (!string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return PasswordCheck.Correct;
        }

        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        audit.Record(new AuditActor(user.Id, user.Email ?? ""), "password.check-failed", "user", user.Id, null,
            after: new { where, lockedUntil = locked ? user.LockoutEnd?.UtcDateTime : null });
        await db.SaveChangesAsync(cancellationToken);
        return locked ? PasswordCheck.LockedOut : PasswordCheck.Wrong;
    }
}

public enum PasswordCheck
{
    Correct,
    Wrong,
    LockedOut,
}
