using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Users;

public sealed class DetailsModel(AppDbContext db, CurrentUser current, UsersService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string DisplayName { get; private set; } = "";

    public string Email { get; private set; } = "";

    /// <summary>The organisations where the viewer may set this user's roles, with the roles held there.</summary>
    public IReadOnlyList<(OrganisationChoice Organisation, IReadOnlyList<OrganisationRole> Roles)> Editable { get; private set; } = [];

    /// <summary>For a national administrator: organisations where the user has no role yet.</summary>
    public IReadOnlyList<OrganisationChoice> Others { get; private set; } = [];

    /// <summary>True when the viewer manages every organisation this user belongs to.</summary>
    public bool CanResetPassword { get; private set; }

    [TempData]
    public string? OneTimePassword { get; set; }

    [TempData]
    public string? AddedEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRolesAsync(Guid organisationId, List<OrganisationRole> roles, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Editable.All(e => e.Organisation.Id != organisationId))
        {
            return Forbid();
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        await service.SetRolesAsync(access, Id, organisationId, roles, cancellationToken);
        if (roles.Count == 0)
        {
            // The user has left that organisation; their details may no longer be this viewer's to see.
            TempData["Confirmation"] = $"{DisplayName} no longer has a role in {Editable.Single(e => e.Organisation.Id == organisationId).Organisation.Name}";
            return RedirectToPage("/Users/Index");
        }

        TempData["Confirmation"] = $"{DisplayName}'s roles have been saved";
        return RedirectToPage(new { Id });
    }

    /// <summary>A national administrator gives the user a first role in another organisation.</summary>
    public async Task<IActionResult> OnPostJoinAsync(Guid? organisationId, OrganisationRole? role, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!access.IsNationalAdministrator())
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

        await service.SetRolesAsync(access, Id, organisation!.Id, [role!.Value], cancellationToken);
        TempData["Confirmation"] = $"{DisplayName} now has a role in {organisation.Name}";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        // Whoever sets a password sees it, so they must manage every organisation the user acts for.
        if (!CanResetPassword)
        {
            return Forbid();
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        OneTimePassword = await service.ResetPasswordAsync(access, Id, Editable[0].Organisation.Id, cancellationToken);
        AddedEmail = Email;
        return RedirectToPage("/Users/Added", new { Id });
    }

    /// <summary>Null when the viewer may manage this user; otherwise 404 (not theirs to know of) or 403.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var user = await db.Users.Where(u => u.Id == Id).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken);
        var memberships = await db.Memberships.Where(m => m.UserId == Id)
            .Select(m => new { m.OrganisationId, m.Organisation.Name, m.Organisation.Kind, m.Role }).ToListAsync(cancellationToken);
        var shared = memberships.Any(m => access?.Memberships.Any(a => a.OrganisationId == m.OrganisationId) == true);
        if (access is null || user is null || !(shared || access.IsNationalAdministrator()))
        {
            return NotFound();
        }

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
        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        return null;
    }
}
