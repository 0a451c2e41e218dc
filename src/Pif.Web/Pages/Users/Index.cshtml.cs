using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Users;

public sealed class IndexModel(AppDbContext db, DataCache cache, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null || !access.AllowsAnywhere(OrganisationsPermissions.ManageUsers))
        {
            return Forbid();
        }

        Organisations = await ManageableOrganisations.ListAsync(cache, db, access, cancellationToken);
        var allowed = Organisations.Select(o => o.Id).ToList();
        List<Guid> shown = Organisation is { } chosen && allowed.Contains(chosen) ? [chosen] : allowed;

        // The same for every administrator who manages these organisations: kept for them.
        Rows = await cache.GetAsync((typeof(UserRow), string.Join(",", shown)), ct => RowsAsync(shown, ct), cancellationToken);
        return Page();
    }

    private async Task<IReadOnlyList<UserRow>> RowsAsync(List<Guid> shown, CancellationToken cancellationToken)
    {
        var memberships = await db.Memberships
            .Where(m => shown.Contains(m.OrganisationId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email, Organisation = m.Organisation.Name, m.Role })
            .ToListAsync(cancellationToken);
        return memberships
            .GroupBy(m => (m.Id, m.DisplayName, m.Email))
            .Select(g => new UserRow(g.Key.Id, g.Key.DisplayName, g.Key.Email ?? "",
                string.Join("; ", g.GroupBy(m => m.Organisation).OrderBy(o => o.Key)
                    .Select(o => $"{o.Key}: {string.Join(", ", o.Select(m => OrganisationRoles.Label(m.Role)))}"))))
            .OrderBy(r => r.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }

    public sealed record UserRow(Guid Id, string DisplayName, string Email, string Roles);
}

public sealed record OrganisationChoice(Guid Id, string Name, Modules.Organisations.OrganisationKind Kind);

internal static class ManageableOrganisations
{
    /// <summary>The organisations whose users this person may manage: all of them for a national administrator.</summary>
    public static async Task<IReadOnlyList<OrganisationChoice>> ListAsync(AppDbContext db, UserAccess access, CancellationToken cancellationToken)
    {
        var all = await db.Organisations.OrderBy(o => o.Name).Select(o => new OrganisationChoice(o.Id, o.Name, o.Kind)).ToListAsync(cancellationToken);
        return all.Where(o => access.Allows(OrganisationsPermissions.ManageUsers, o.Id)).ToList();
    }

    /// <summary>The same for a page: every organisation is kept, and those the user manages chosen from them.</summary>
    public static async Task<IReadOnlyList<OrganisationChoice>> ListAsync(DataCache cache, AppDbContext db, UserAccess access, CancellationToken cancellationToken)
    {
        var all = await cache.GetAsync(typeof(OrganisationChoice), async ct =>
            (IReadOnlyList<OrganisationChoice>)await db.Organisations.OrderBy(o => o.Name).Select(o => new OrganisationChoice(o.Id, o.Name, o.Kind)).ToListAsync(ct), cancellationToken);
        return all.Where(o => access.Allows(OrganisationsPermissions.ManageUsers, o.Id)).ToList();
    }
}
