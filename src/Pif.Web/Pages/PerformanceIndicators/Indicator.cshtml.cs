using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure.Charts;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.PerformanceIndicators.Targets;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>
/// One indicator for one council: its figures over time against its family group's average and Scotland's, as a
/// chart with its summary and the data as a table, the latest figure and how it changed, and where it stands.
/// </summary>
/// <remarks>
/// The figures are the same for everyone who sees the indicator, so they come through <see cref="DataCache"/>; the
/// council's targets and commentary, which only some see, are read for each request.
/// </remarks>
public sealed class IndicatorModel(AppDbContext db, DataCache cache, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    /// <summary>The council shown: the one asked for, else the user's own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Council { get; set; }

    public PerformanceIndicator Indicator { get; private set; } = null!;

    public IndicatorSeries? Series { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    /// <summary>Whether the user sees the council's targets and commentary (its members and link inspector do).</summary>
    public bool SeesYears { get; private set; }

    /// <summary>Whether the user sets the council's targets and writes its commentary.</summary>
    public bool SetsTargets { get; private set; }

    /// <summary>Whether the user adds to the council's evidence library, where these figures can be kept for its QIs.</summary>
    public bool AddsEvidence { get; private set; }

    /// <summary>The council's targets and commentary, by period.</summary>
    public IReadOnlyList<CouncilIndicatorYear> Years { get; private set; } = [];

    /// <summary>The periods a target or commentary can be added for, that have none yet.</summary>
    public IReadOnlyList<string> NewPeriods { get; private set; } = [];

    /// <summary>The council's earlier figures that a later import revised, with the import each came from.</summary>
    public IReadOnlyList<IndicatorRevisions.Revision> Revisions { get; private set; } = [];

    /// <summary>The council's control chart (or run chart, with too few figures) and its signals.</summary>
    public IndicatorSpc? Spc { get; private set; }

    /// <summary>The family group's councils that improved the indicator most, and the case studies linked to it.</summary>
    public Modules.CaseStudies.WhoImprovedThis.Answer? Who { get; private set; }

    public string Format(double value) => IndicatorSeries.Format(Indicator, value);

    public CouncilIndicatorYear? YearOf(string period) => Years.FirstOrDefault(y => y.Period == period);

    /// <summary>The council's figure for a period against the target set for it.</summary>
    public TargetRag? Rag(CouncilIndicatorYear year) =>
        TargetRating.Rate(Indicator.Polarity, Series?.Points.FirstOrDefault(p => p.Period == year.Period)?.Council, year.Target, year.RedThreshold);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Series is { } series)
        {
            var access = (await current.GetAccessAsync(cancellationToken))!;
            SeesYears = PerformanceIndicatorAccess.SeesCouncilYears(access, series.CouncilId);
            SetsTargets = PerformanceIndicatorPermissions.SetsTargets(access, series.CouncilId);
            AddsEvidence = Modules.Evidence.EvidencePermissions.CanAdd(access, series.CouncilId);
            Years = await PerformanceIndicatorAccess.CouncilYearsAsync(db, access, Indicator.Id, series.CouncilId, cancellationToken);
            NewPeriods = SetsTargets
                ? TargetPeriods.Offered(series, Dates.LondonToday(clock)).Where(p => YearOf(p) is null).ToList()
                : [];
            var (indicator, council) = (Indicator, series.CouncilId);
            Revisions = await cache.GetAsync((typeof(IndicatorRevisions), indicator.Id, council), ct => IndicatorRevisions.LoadAsync(db, indicator.Id, council, ct), cancellationToken);
            Spc = await LoadSpcAsync(SpcTargets.Latest(Years), council, cancellationToken);
            Who = await cache.GetAsync((typeof(Modules.CaseStudies.WhoImprovedThis), indicator.Id, council), ct => Modules.CaseStudies.WhoImprovedThis.ForAsync(db, indicator, council, ct), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetChartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Series is null)
        {
            return NotFound();
        }

        var points = Series.Points;
        var svg = LineChart.Svg(points.Select(p => p.Period).ToList(),
            [(Series.Council, points.Select(p => p.Council).ToList()), ("Family group average", points.Select(p => p.FamilyGroup).ToList()), ("Scotland", points.Select(p => p.Scotland).ToList())],
            IndicatorWording.Measure(Indicator.MeasureType), Format);
        return Content(svg, "image/svg+xml");
    }

    public async Task<IActionResult> OnGetVariationChartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Series is null
            || await LoadSpcAsync(await SpcTargets.LatestAsync(db, (await current.GetAccessAsync(cancellationToken))!, Indicator, Series.CouncilId, cancellationToken), Series.CouncilId, cancellationToken) is not { } spc)
        {
            return NotFound();
        }

        var control = spc.Control;
        var run = spc.Run;
        var signalled = run is null ? [] : run.Shifts.Concat(run.Trends).SelectMany(r => r.Points).ToHashSet();
        var svg = ControlChartSvg.Svg(
            spc.Periods.Select(p => p.Period).ToList(),
            control?.Points.Select(p => p.Value * spc.Scale).ToList() ?? spc.Periods.Select(p => p.Value).ToList(),
            control?.Points.Select(p => p.Centre * spc.Scale).ToList() ?? spc.Periods.Select(_ => run!.Median).ToList(),
            control?.Points.Select(p => p.Lower * spc.Scale).ToList(),
            control?.Points.Select(p => p.Upper * spc.Scale).ToList(),
            control?.Points.Select(p => p.Signals.Count > 0).ToList() ?? spc.Periods.Select((_, i) => signalled.Contains(i)).ToList(),
            (spc.Council, control is null ? "Median" : "Centre line"),
            IndicatorWording.Measure(Indicator.MeasureType), Format);
        return Content(svg, "image/svg+xml");
    }

    /// <summary>The chart's text alternative: the latest figure against the family group and Scotland, and which way is better.</summary>
    public string Summary()
    {
        if (Series?.Latest is not { } latest)
        {
            return $"There are no figures for {Series?.Council ?? "this council"} yet.";
        }

        var against = new List<string>();
        if (latest.FamilyGroup is { } family)
        {
            against.Add($"{Format(family)} for its family group");
        }

        if (latest.Scotland is { } scotland)
        {
            against.Add($"{Format(scotland)} for Scotland");
        }

        return $"Line chart of {Indicator.Code} from {Series.Points[0].Period} to {Series.Points[^1].Period}. In {latest.Period} {Series.Council}'s figure was {Format(latest.Council!.Value)}"
            + (against.Count > 0 ? $", against {string.Join(" and ", against)}" : "") + $". {Better()}";
    }

    public string Better() => IndicatorWording.Better(Indicator.Polarity);

    /// <summary>A change in words, with the indicator's polarity applied.</summary>
    public string Change(double from, double to)
    {
        if (from == to)
        {
            return "no change";
        }

        var way = to > from ? "up" : "down";
        var judged = Indicator.Polarity switch
        {
            Polarity.HigherIsBetter => to > from ? ", better" : ", worse",
            Polarity.LowerIsBetter => to < from ? ", better" : ", worse",
            _ => "",
        };
        return $"{way} from {Format(from)}{judged}";
    }

    private async Task<IndicatorSpc?> LoadSpcAsync(double? target, Guid councilId, CancellationToken cancellationToken)
    {
        var indicator = Indicator;
        return await cache.GetAsync((typeof(IndicatorSpc), indicator.Id, councilId, target),
            async ct => (await IndicatorSpc.LoadAsync(db, indicator, councilId, null, null, SpcChart.Auto, target, ct)).Spc, cancellationToken);
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
        Councils = await CouncilNames.AllAsync(cache, db, cancellationToken);
        if (indicator.OwnerOrganisationId is { } owner)
        {
            // A council's own indicator has its figures alone.
            Councils = Councils.Where(c => c.Id == owner).ToList();
            Council ??= owner;
            if (Council != owner)
            {
                return false;
            }
        }

        Council ??= PerformanceIndicatorAccess.HomeCouncil(access);
        if (Council is { } council)
        {
            Series = await cache.GetAsync((typeof(IndicatorSeries), indicator.Id, council), ct => IndicatorSeries.LoadAsync(db, indicator, council, ct), cancellationToken);
            if (Series is null)
            {
                return false;
            }
        }

        return true;
    }
}
