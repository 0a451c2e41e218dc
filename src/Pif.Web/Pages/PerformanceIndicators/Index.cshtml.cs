using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>The catalogue of performance indicators by service area, and for national administrators, the files imported.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser current) : PageModel
{
    public sealed record Row(string Code, string Title, MeasureType Measure, Polarity Polarity, int Periods);

    public IReadOnlyList<IGrouping<string, Row>> Categories { get; private set; } = [];

    public bool Imports { get; private set; }

    public sealed record ImportRow(Guid Id, string FileName, ImportState State, DateTime CreatedAt, int Rows);

    public IReadOnlyList<ImportRow> RecentImports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicators = await PerformanceIndicatorAccess.Indicators(db, access)
            .Select(i => new
            {
                i.Code,
                i.Title,
                i.Category,
                i.MeasureType,
                i.Polarity,
                Owner = db.Organisations.Where(o => o.Id == i.OwnerOrganisationId).Select(o => o.Name).FirstOrDefault(),

                // A national indicator's periods are those with Scotland's figure; a council's own, those with its figure.
                Periods = db.IndicatorValues.Where(v => v.IndicatorId == i.Id && v.Current
                    && (i.OwnerOrganisationId == null ? v.Area == ValueArea.Scotland : v.OrganisationId == i.OwnerOrganisationId)).Count(),
            })
            .ToListAsync(cancellationToken);

        // A council's own indicators come after the national service areas, under the council's name.
        Categories = indicators
            .OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => (Category: i.Owner is { } owner ? $"{owner}'s own indicators" : i.Category ?? "Other indicators", Local: i.Owner is not null, Row: new Row(i.Code, i.Title, i.MeasureType, i.Polarity, i.Periods)))
            .GroupBy(i => (i.Local, i.Category), i => i.Row)
            .OrderBy(g => g.Key.Local).ThenBy(g => g.Key.Category, StringComparer.Ordinal)
            .Select(g => (IGrouping<string, Row>)new Category(g.Key.Category, [.. g]))
            .ToList();
        Imports = PerformanceIndicatorPermissions.ImportsAny(access);
        if (Imports)
        {
            RecentImports = await PerformanceIndicatorAccess.Imports(db, access).OrderByDescending(i => i.CreatedAt).Take(10)
                .Select(i => new ImportRow(i.Id, i.FileName, i.State, i.CreatedAt, i.Rows))
                .ToListAsync(cancellationToken);
        }

        return Page();
    }

    private sealed class Category(string key, IReadOnlyList<Row> rows) : IGrouping<string, Row>
    {
        public string Key => key;

        public IEnumerator<Row> GetEnumerator() => rows.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
