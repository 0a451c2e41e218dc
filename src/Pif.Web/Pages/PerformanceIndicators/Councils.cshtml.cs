using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure.Charts;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>
/// One indicator for every council in one period: a table that sorts by council or by figure, each council's family
/// group, and a dot chart with one family group marked, so the spread is seen without a league table.
/// </summary>
public sealed class CouncilsModel(AppDbContext db, DataCache cache, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>The council whose family group is marked: the one asked for, else the user's own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Council { get; set; }

    /// <summary>"figure" to sort by the figure, best first; otherwise by council.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public sealed record Row(Guid Id, string Council, int? Group, double? Value);

    public PerformanceIndicator Indicator { get; private set; } = null!;

    public IReadOnlyList<string> Periods { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public double? Scotland { get; private set; }

    public int? MarkedGroup { get; private set; }

    public bool ByFigure => Sort == "figure";

    /// <summary>The order of a sort by figure, in words: best first, or lowest first where neither way is better.</summary>
    public string Order => Indicator.Polarity == Polarity.Neither ? "lowest first" : "best first";

    public string Format(double value) => IndicatorSeries.Format(Indicator, value);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetChartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Period is null)
        {
            return NotFound();
        }

        var svg = DotChart.Svg(Rows.Where(r => r.Value is not null).Select(r => (r.Value!.Value, MarkedGroup is not null && r.Group == MarkedGroup)).ToList(),
            Scotland, MarkedGroup is { } group ? $"Family group {group}" : "Marked", "Other councils", "Scotland", IndicatorWording.Measure(Indicator.MeasureType), Format);
        return Content(svg, "image/svg+xml");
    }

    /// <summary>The chart's text alternative: the spread, Scotland, and the marked family group's range.</summary>
    public string Summary()
    {
        var values = Rows.Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
        if (values.Count == 0)
        {
            return $"No council has a figure for {Period}.";
        }

        var text = $"Dot chart of {Indicator.Code} for {values.Count} councils in {Period}: from {Format(values.Min())} to {Format(values.Max())}";
        if (Scotland is { } scotland)
        {
            text += $"; Scotland {Format(scotland)}";
        }

        var marked = Rows.Where(r => MarkedGroup is not null && r.Group == MarkedGroup && r.Value is not null).Select(r => r.Value!.Value).ToList();
        if (marked.Count > 0)
        {
            text += $"; family group {MarkedGroup} from {Format(marked.Min())} to {Format(marked.Max())}";
        }

        return text + ".";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(cache, db, access, Code, cancellationToken);
        if (indicator is null)
        {
            return false;
        }

        Indicator = indicator;
        Periods = await cache.GetAsync((typeof(CouncilsModel), indicator.Id), async ct =>
            (IReadOnlyList<string>)(await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Council)
                    .Select(v => new { v.Period, v.FromYear, v.ToYear }).Distinct().ToListAsync(ct))
                .OrderBy(p => p.FromYear).ThenBy(p => p.ToYear).Select(p => p.Period).ToList(), cancellationToken);
        Period ??= Periods.Count > 0 ? Periods[^1] : null;
        if (Period is not null && !Periods.Contains(Period))
        {
            return false;
        }

        var period = Period;
        var (families, rows, scotland) = await cache.GetAsync((typeof(CouncilsModel), indicator.Id, period), ct => TableAsync(indicator, period, ct), cancellationToken);
        Scotland = scotland;
        Rows = ByFigure
            ? [.. rows.OrderBy(r => r.Value is null).ThenBy(r => indicator.Polarity == Polarity.HigherIsBetter ? -r.Value : r.Value).ThenBy(r => r.Council, StringComparer.Ordinal)]
            : [.. rows.OrderBy(r => r.Council, StringComparer.Ordinal)];
        Council ??= PerformanceIndicatorAccess.HomeCouncil(access);
        MarkedGroup = Council is { } marked && families.TryGetValue(marked, out var markedGroup) ? markedGroup : null;
        return true;
    }

    /// <summary>Each council's figure for the period with its family group, and Scotland's: the same for everyone who sees the indicator.</summary>
    private async Task<(IReadOnlyDictionary<Guid, int> Families, IReadOnlyList<Row> Rows, double? Scotland)> TableAsync(PerformanceIndicator indicator, string? period, CancellationToken cancellationToken)
    {
        var families = (await db.FamilyGroupMemberships.Where(m => m.Grouping == indicator.Grouping)
                .Select(m => new { m.OrganisationId, m.Group, m.FromYear }).ToListAsync(cancellationToken))
            .GroupBy(m => m.OrganisationId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.FromYear).First().Group);
        var values = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Period == period)
            .Select(v => new { v.Area, v.OrganisationId, v.Value }).ToListAsync(cancellationToken);
        var byCouncil = values.Where(v => v.Area == ValueArea.Council).ToDictionary(v => v.OrganisationId!.Value, v => v.Value);
        var councils = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var rows = councils.Select(c => new Row(c.Id, c.Name, families.TryGetValue(c.Id, out var g) ? g : null, byCouncil.GetValueOrDefault(c.Id))).ToList();
        return (families, rows, values.FirstOrDefault(v => v.Area == ValueArea.Scotland)?.Value);
    }
}
