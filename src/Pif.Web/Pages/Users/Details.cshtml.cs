using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
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
        TempData["Confirmation"] = $"{DisplayName}'s roles have been saved";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        OneTimePassword = await service.ResetPasswordAsync(access, Id, cancellationToken);
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

        DisplayName = user.DisplayName;
        Email = user.Email ?? "";
        return null;
    }
}
