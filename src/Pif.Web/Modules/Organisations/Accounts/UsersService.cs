using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.ApiKeys;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Adding users, setting their roles, resetting and locking their accounts. Callers have already
/// checked permission; nobody may do any of it to their own account, whoever calls.
/// </summary>
public sealed class UsersService(AppDbContext db, UserManager<PifUser> users, ApiKeysService keys, UserSessions sessions, AuditLog audit)
{
    /// <summary>
    /// Adds a user with roles in one organisation and a one-time password, which the caller shows
    /// once. The user must choose their own password at first sign-in.
    /// </summary>
    public async Task<AddUserResult> AddAsync(UserAccess actor, NewUser input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == input.OrganisationId, cancellationToken);
        if (input.Roles.Any(r => !OrganisationRoles.IsValidFor(r, organisation.Kind)))
        {
            throw new InvalidOperationException($"A role chosen cannot be held in {organisation.Name}.");
        }

        var email = input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return AddUserResult.EmailTaken;
        }

        var password = OneTimePassword();
        var user = new PifUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName.Trim(), MustChangePassword = true };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        foreach (var role in input.Roles.Distinct())
        {
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisation.Id, Role = role });
        }

        audit.Record(actor, "user.added", "user", user.Id, organisation.Id,
            after: new { user.Email, user.DisplayName, organisation = organisation.Name, roles = input.Roles.Distinct().Select(r => r.ToString()) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AddUserResult(user.Id, password);
    }

    /// <summary>Replaces a user's roles in one organisation, recording before and after.</summary>
    public async Task SetRolesAsync(UserAccess actor, Guid userId, Guid organisationId, IReadOnlyCollection<OrganisationRole> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(roles);
        NotSelf(actor, userId);
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
        if (roles.Any(r => !OrganisationRoles.IsValidFor(r, organisation.Kind)))
        {
            throw new InvalidOperationException($"A role chosen cannot be held in {organisation.Name}.");
        }

        var current = await db.Memberships.Where(m => m.UserId == userId && m.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var before = current.Select(m => m.Role).Order().ToList();
        var after = roles.Distinct().Order().ToList();
        if (before.SequenceEqual(after))
        {
            return;
        }

        db.Memberships.RemoveRange(current.Where(m => !after.Contains(m.Role)));
        foreach (var role in after.Where(r => !before.Contains(r)))
        {
            db.Memberships.Add(new Membership { UserId = userId, OrganisationId = organisationId, Role = role });
        }

        // Someone who leaves an organisation can no longer act for it, by key or otherwise.
        if (after.Count == 0)
        {
            await keys.RevokeAllAsync(Actor(actor), userId, organisationId, "removed from the organisation", cancellationToken);
        }

        audit.Record(actor, "membership.changed", "user", userId, organisationId,
            before: new { roles = before.Select(r => r.ToString()) }, after: new { roles = after.Select(r => r.ToString()) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Replaces a user's password with a new one-time password, which the caller shows once. Whoever
    /// had the old password loses everything it gave: every session ends and every key is revoked.
    /// </summary>
    public Task<string> ResetPasswordAsync(UserAccess actor, Guid userId, Guid organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        NotSelf(actor, userId);
        return ResetAsync(Actor(actor), userId, organisationId, cancellationToken);
    }

    /// <summary>
    /// The first national administrator, made from the command line (<c>create-admin</c>): a user with
    /// the national administrator role in the Care Inspectorate and a one-time password, which the caller
    /// prints once. Null when the address already has an account.
    /// </summary>
    internal async Task<string?> AddNationalAdministratorAsync(AuditActor actor, string email, string displayName, CancellationToken cancellationToken)
    {
        var inspectorate = await db.Organisations.SingleAsync(o => o.Code == OrganisationSeed.CareInspectorateCode, cancellationToken);
        if (await users.FindByEmailAsync(email) is not null)
        {
            return null;
        }

        var password = OneTimePassword();
        var user = new PifUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, MustChangePassword = true };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = inspectorate.Id, Role = OrganisationRole.NationalAdministrator });
        audit.Record(actor, "user.added", "user", user.Id, inspectorate.Id,
            after: new { user.Email, user.DisplayName, organisation = inspectorate.Name, roles = new[] { nameof(OrganisationRole.NationalAdministrator) } });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return password;
    }

    /// <summary>A new one-time password for an existing national administrator, from the command line; null when the address is not one.</summary>
    internal async Task<string?> ResetNationalAdministratorAsync(AuditActor actor, string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        var membership = user is null ? null
            : await db.Memberships.Where(m => m.UserId == user.Id && m.Role == OrganisationRole.NationalAdministrator).FirstOrDefaultAsync(cancellationToken);
        return membership is null ? null : await ResetAsync(actor, user!.Id, membership.OrganisationId, cancellationToken);
    }

    /// <summary>
    /// Replaces a user's password with a new one-time password. Whoever had the old password loses
    /// everything it gave: every session ends and every key is revoked.
    /// </summary>
    private async Task<string> ResetAsync(AuditActor actor, Guid userId, Guid organisationId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        var password = OneTimePassword();
        // Made before the transaction: the first token of a new installation writes a data-protection
        // key, from a context of its own, which SQLite would make wait behind this transaction's lock.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await sessions.EndAllAsync(userId, "password-reset", cancellationToken);
        await keys.RevokeAllAsync(actor, userId, null, "password reset", cancellationToken);
        audit.Record(actor, "password.reset", "user", userId, organisationId, after: new { mustChangePassword = true });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return password;
    }

    /// <summary>Locks an account until an administrator unlocks it: its sessions end and its keys are revoked at once.</summary>
    public async Task LockAsync(UserAccess actor, Guid userId, Guid organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        NotSelf(actor, userId);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await sessions.EndAllAsync(userId, "account-locked", cancellationToken);
        await keys.RevokeAllAsync(Actor(actor), userId, null, "account locked", cancellationToken);
        audit.Record(Actor(actor), "account.locked", "user", userId, organisationId, after: new { lockedBy = "administrator" });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Unlocks an account, whether an administrator or wrong passwords locked it. Revoked keys stay revoked.</summary>
    public async Task UnlockAsync(UserAccess actor, Guid userId, Guid organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        NotSelf(actor, userId);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Record(Actor(actor), "account.unlocked", "user", userId, organisationId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static AuditActor Actor(UserAccess actor) => new(actor.UserId, actor.Email);

    /// <summary>Another administrator must change a person's account: nobody grants themselves access or hides their own trail.</summary>
    private static void NotSelf(UserAccess actor, Guid userId)
    {
        if (actor.UserId == userId)
        {
            throw new InvalidOperationException("Nobody may change their own roles, password reset or lock: another administrator must.");
        }
    }

    /// <summary>Four groups of four lower-case letters and digits: long enough, easy to read out.</summary>
    private static string OneTimePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(alphabet, 4)));
        return string.Join('-', groups);
    }
}

public sealed record NewUser(string DisplayName, string Email, Guid OrganisationId, IReadOnlyCollection<OrganisationRole> Roles);

public sealed record AddUserResult(Guid? UserId, string? OneTimePassword)
{
    public static readonly AddUserResult EmailTaken = new(null, null);
}
