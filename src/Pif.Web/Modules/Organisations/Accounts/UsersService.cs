using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>Adding users and setting their roles. Callers have already checked permission.</summary>
public sealed class UsersService(AppDbContext db, UserManager<PifUser> users, AuditLog audit)
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

        audit.Record(new AuditActor(actor.UserId, actor.Email), "user.added", "user", user.Id, organisation.Id,
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

        audit.Record(new AuditActor(actor.UserId, actor.Email), "membership.changed", "user", userId, organisationId,
            before: new { roles = before.Select(r => r.ToString()) }, after: new { roles = after.Select(r => r.ToString()) });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Replaces a user's password with a new one-time password, which the caller shows once.</summary>
    public async Task<string> ResetPasswordAsync(UserAccess actor, Guid userId, Guid organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException("No such user.");
        var password = OneTimePassword();
        user.MustChangePassword = true;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        audit.Record(new AuditActor(actor.UserId, actor.Email), "password.reset", "user", userId, organisationId, after: new { mustChangePassword = true });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return password;
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
