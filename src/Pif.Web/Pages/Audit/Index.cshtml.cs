using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Pages.Audit;

/// <summary>
/// The audit log, read-only: national administrators see rows about what they manage; an
/// organisation administrator sees the rows about their own council.
/// </summary>
public sealed class IndexModel(AppDbContext db, CurrentUser current) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public bool More { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null || !access.AllowsAnywhere(OrganisationsPermissions.ViewAuditLog))
        {
            return Forbid();
        }

        if (From is { } from && To is { } to && from > to)
        {
            ModelState.AddModelError(nameof(To), "Enter a date on or after the 'from' date");
            return Page();
        }

        var councils = access.Memberships.Where(m => m.Role == OrganisationRole.OrganisationAdministrator).Select(m => m.OrganisationId).ToList();
        var national = access.IsNationalAdministrator();
        var query = db.AuditEntries.Where(a =>
            (national && AuditScopes.NationalEntityTypes.Contains(a.EntityType))
            || (a.OrganisationId != null && councils.Contains(a.OrganisationId.Value)));
        if (!string.IsNullOrWhiteSpace(Who))
        {
            var who = Who.Trim().ToLower(CultureInfo.InvariantCulture);
            // Translated to SQL lower(...) on both databases; the culture-aware overloads are not.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(a => a.ActorName.ToLower().Contains(who));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (From is { } start)
        {
            var since = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At >= since);
        }

        if (To is { } end)
        {
            var until = end.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.At < until);
        }

        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(PageSize + 1)
            .Select(a => new { a.At, a.ActorName, a.Action, a.Before, a.After })
            .ToListAsync(cancellationToken);
        More = rows.Count > PageSize;
        Rows = rows.Take(PageSize).Select(a => new AuditRow(a.At, a.ActorName, AuditDescriptions.What(a.Action, a.Before, a.After), AuditDescriptions.Changes(a.Before, a.After))).ToList();
        return Page();
    }

    /// <summary>An entry in words: what happened, and what changed.</summary>
    public sealed record AuditRow(DateTime At, string Who, string What, string Changes);
}
