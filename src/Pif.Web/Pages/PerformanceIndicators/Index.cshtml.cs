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
                Periods = db.IndicatorValues.Where(v => v.IndicatorId == i.Id && v.Current && v.Area == ValueArea.Scotland).Count(),
            })
            .ToListAsync(cancellationToken);
        Categories = indicators
            .OrderBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => (Category: i.Category ?? "Other indicators", Row: new Row(i.Code, i.Title, i.MeasureType, i.Polarity, i.Periods)))
            .GroupBy(i => i.Category, i => i.Row)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        Imports = PerformanceIndicatorPermissions.ImportsNational(access);
        if (Imports)
        {
            RecentImports = await PerformanceIndicatorAccess.Imports(db, access).OrderByDescending(i => i.CreatedAt).Take(10)
                .Select(i => new ImportRow(i.Id, i.FileName, i.State, i.CreatedAt, i.Rows))
                .ToListAsync(cancellationToken);
        }

        return Page();
    }
}
