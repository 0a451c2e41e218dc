using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.ApiKeys;

namespace Pif.Web.Pages.Users;

public sealed class DetailsModel(AppDbContext db, CurrentUser current, UsersService service, ApiKeysService keys, HeldSecrets held, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The organisations where the viewer may set this user's roles, with the roles held there.</summary>
    public IReadOnlyList<(OrganisationChoice Organisation, IReadOnlyList<OrganisationRole> Roles)> Editable { get; private set; } = [];

    /// <summary>For a national administrator: organisations where the user has no role yet.</summary>
    public IReadOnlyList<OrganisationChoice> Others { get; private set; } = [];

    /// <summary>True when the viewer manages every organisation this user belongs to, so may set their password or lock them.</summary>
    public bool CanResetPassword { get; private set; }

    /// <summary>True when the viewer is looking at their own account, which another administrator must change.</summary>
    public bool IsSelf { get; private set; }

    /// <summary>When the account is locked: until when (<see cref="DateTimeOffset.MaxValue"/> when an administrator locked it).</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    /// <summary>The user's API keys that act for organisations the viewer manages.</summary>
    public IReadOnlyList<KeyRow> Keys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRolesAsync(Guid organisationId, List<OrganisationRole> roles, CancellationToken cancellationToken)
    {
        if (await ChangeableAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var organisation = Editable.Select(e => e.Organisation).FirstOrDefault(o => o.Id == organisationId);
        if (organisation is null)
        {
            return Forbid();
        }

        if (roles.Any(r => !OrganisationRoles.IsValidFor(r, organisation.Kind)))
        {
            this.AddError($"roles-{organisation.Id:N}", $"Choose roles that {organisation.Name} can grant");
            return Page();
        }

        await service.SetRolesAsync(Access, Id, organisationId, roles, cancellationToken);
        if (roles.Count == 0)
        {
            // The user has left that organisation; their details may no longer be this viewer's to see.
            TempData["Confirmation"] = $"{DisplayName} no longer has a role in {organisation.Name}";
            return RedirectToPage("/Users/Index");
        }

        TempData["Confirmation"] = $"{DisplayName}'s roles have been saved";
        return RedirectToPage(new { Id });
    }

    /// <summary>A national administrator gives the user a first role in another organisation.</summary>
    public async Task<IActionResult> OnPostJoinAsync(Guid? organisationId, OrganisationRole? role, CancellationToken cancellationToken)
    {
        if (await ChangeableAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Access.IsNationalAdministrator())
        {
            return Forbid();
        }

        var organisation = Others.FirstOrDefault(o => o.Id == organisationId);
        if (organisation is null)
        {
            this.AddError("organisationId", "Choose an organisation");
        }
        else if (role is not { } chosen || !OrganisationRoles.IsValidFor(chosen, organisation.Kind))
        {
            this.AddError("role", $"Choose a role that {organisation.Name} can grant");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await service.SetRolesAsync(Access, Id, organisation!.Id, [role!.Value], cancellationToken);
        TempData["Confirmation"] = $"{DisplayName} now has a role in {organisation.Name}";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken cancellationToken)
    {
        // Whoever sets a password sees it, so they must manage every organisation the user acts for.
        if (await AccountChangeableAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var password = await service.ResetPasswordAsync(Access, Id, Editable[0].Organisation.Id, cancellationToken);
        await held.HoldAsync(Access.UserId, HeldSecrets.OneTimePassword(Id), password, cancellationToken);
        return RedirectToPage("/Users/Added", new { Id });
    }

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken)
    {
        if (await AccountChangeableAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await service.LockAsync(Access, Id, Editable[0].Organisation.Id, cancellationToken);
        TempData["Confirmation"] = $"{DisplayName}'s account is locked: they are signed out and their API keys are revoked";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        if (await AccountChangeableAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        await service.UnlockAsync(Access, Id, Editable[0].Organisation.Id, cancellationToken);
        TempData["Confirmation"] = $"{DisplayName}'s account is unlocked: they can sign in again";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid keyId, CancellationToken cancellationToken)
    {
        if (await ChangeableAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await keys.RevokeForUserAsync(Access, Id, keyId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Confirmation"] = "The key has been revoked: it no longer works";
        return RedirectToPage(null, null, new { Id }, "api-keys");
    }

    private UserAccess Access { get; set; } = null!;

    /// <summary>As <see cref="LoadAsync"/>, and 403 for the viewer's own account: another administrator must change it.</summary>
    private async Task<IActionResult?> ChangeableAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? (IsSelf ? Forbid() : null);

    /// <summary>
    /// As <see cref="ChangeableAsync"/>, and 403 unless the viewer manages every organisation the user
    /// belongs to: a password or a lock acts on all of them.
    /// </summary>
    private async Task<IActionResult?> AccountChangeableAsync(CancellationToken cancellationToken) =>
        await ChangeableAsync(cancellationToken) ?? (CanResetPassword ? null : Forbid());

    /// <summary>Null when the viewer may manage this user; otherwise 404 (not theirs to know of) or 403.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var user = await db.Users.Where(u => u.Id == Id).Select(u => new { u.DisplayName, u.Email, u.LockoutEnd }).SingleOrDefaultAsync(cancellationToken);
        var memberships = await db.Memberships.Where(m => m.UserId == Id)
            .Select(m => new { m.OrganisationId, m.Organisation.Name, m.Organisation.Kind, m.Role }).ToListAsync(cancellationToken);
        var shared = memberships.Any(m => access?.Memberships.Any(a => a.OrganisationId == m.OrganisationId) == true);
        if (access is null || user is null || !(shared || access.IsNationalAdministrator()))
        {
            return NotFound();
        }

        Access = access;
        var organisations = await ManageableOrganisations.ListAsync(db, access, cancellationToken);
        Editable = organisations
            .Where(o => memberships.Any(m => m.OrganisationId == o.Id))
            .Select(o => (o, (IReadOnlyList<OrganisationRole>)memberships.Where(m => m.OrganisationId == o.Id).Select(m => m.Role).ToList()))
            .ToList();
        if (Editable.Count == 0)
        {
            return Forbid();
        }

        Others = access.IsNationalAdministrator()
            ? organisations.Where(o => memberships.All(m => m.OrganisationId != o.Id)).ToList()
            : [];
        CanResetPassword = memberships.All(m => access.Allows(OrganisationsPermissions.ManageUsers, m.OrganisationId));
        IsSelf = access.UserId == Id;
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        LockedUntil = user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : null;
        var now = clock.GetUtcNow().UtcDateTime;
        Keys = (await db.ApiKeys.Where(k => k.UserId == Id).OrderByDescending(k => k.CreatedAt)
                .Select(k => new { k.Id, k.Name, k.Prefix, k.OrganisationId, Organisation = k.Organisation.Name, k.ReadOnly, k.ExpiresAt, k.RevokedAt })
                .ToListAsync(cancellationToken))
            .Where(k => access.Allows(OrganisationsPermissions.ManageUsers, k.OrganisationId))
            .Select(k => new KeyRow(k.Id, k.Name, k.Prefix, k.Organisation, k.ReadOnly, k.ExpiresAt, k.RevokedAt is not null ? "Revoked" : k.ExpiresAt <= now ? "Expired" : "Active"))
            .ToList();
        return null;
    }

    public sealed record KeyRow(Guid Id, string Name, string Prefix, string Organisation, bool ReadOnly, DateTime ExpiresAt, string Status);
}
