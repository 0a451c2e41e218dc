using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Users;

/// <summary>The users of the organisations the administrator manages, found by name or e-mail address, a page at a time.</summary>
public sealed class IndexModel(AppDbContext db, DataCache cache, CurrentUser current) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }

    /// <summary>Words of a name or an e-mail address.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The page of the list: read from the query string itself, since Razor Pages' own route value is also called "page".</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<OrganisationChoice> Organisations { get; private set; } = [];

    /// <summary>The page of users shown.</summary>
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>How many users the organisation and the search find, on every page.</summary>
    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

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
        var all = await cache.GetAsync((typeof(UserRow), string.Join(",", shown)), ct => RowsAsync(shown, ct), cancellationToken);
        var found = Q?.Trim() is { Length: > 0 } words ? all.Where(r => Matches(r, words)).ToList() : all;
        Total = found.Count;
        PageNumber = Math.Clamp(int.TryParse(Request.Query["page"], CultureInfo.InvariantCulture, out var number) ? number : 1, 1, Pages);
        Rows = [.. found.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Page();
    }

    /// <summary>Every word of the search is in the name or the e-mail address, in any case.</summary>
    private static bool Matches(UserRow row, string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word =>
            row.DisplayName.Contains(word, StringComparison.CurrentCultureIgnoreCase) || row.Email.Contains(word, StringComparison.OrdinalIgnoreCase));

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
