using Microsoft.EntityFrameworkCore;
using Pif.Statistics.Spc;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;
using StatisticsPolarity = Pif.Statistics.Spc.Polarity;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>Which chart to draw: the one that fits the measure, or one asked for.</summary>
public enum SpcChart
{
    Auto,
    XmR,
    P,
    U,
    Run,
}

/// <summary>A period of a council's series as the chart uses it.</summary>
/// <param name="Value">The figure on the indicator's own scale.</param>
public sealed record SpcPeriod(string Period, int FromYear, int ToYear, double Value, double? Numerator, double? Denominator);

/// <summary>
/// Statistical process control for one council's figures of one indicator (DOMAIN.md 9.5): with 10 or more periods
/// the control chart that fits the measure (a P chart for a proportion with its counts, a U chart for events per
/// population, XmR for everything else), its signals and Making Data Count's two summaries; with fewer, a run chart
/// and why. Rebasings the council recorded start new limits.
/// </summary>
/// <param name="Chart">The chart drawn: XmR, P, U or Run.</param>
/// <param name="Scale">What a P or U chart's proportion or rate is multiplied by to be shown on the indicator's scale.</param>
/// <param name="Note">Why a run chart was drawn instead of a control chart, when it was.</param>
/// <param name="Target">The council's target for the latest period, on the indicator's scale, when the user may see it.</param>
public sealed record IndicatorSpc(
    PerformanceIndicator Indicator,
    Guid CouncilId,
    string Council,
    IReadOnlyList<SpcPeriod> Periods,
    SpcChart Chart,
    double Scale,
    ControlChartResult? Control,
    RunChartResult? Run,
    VariationSummary? Variation,
    Assurance? Assurance,
    double? Target,
    IReadOnlyList<SpcRebase> Rebases,
    string? Note)
{
    /// <summary>The fewest periods a control chart is drawn from; below it the limits would mislead.</summary>
    public const int MinimumForControl = 10;

    public static StatisticsPolarity PolarityOf(PerformanceIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Polarity switch
        {
            Polarity.HigherIsBetter => StatisticsPolarity.HigherIsBetter,
            Polarity.LowerIsBetter => StatisticsPolarity.LowerIsBetter,
            _ => StatisticsPolarity.Neither,
        };
    }

    /// <summary>
    /// The chart of the council's figures whose first years fall between <paramref name="from"/> and
    /// <paramref name="to"/>. Only periods as long as the latest are used (a multi-year aggregate among yearly figures
    /// would double count). Returns the chart, or why the chart asked for cannot be drawn.
    /// </summary>
    public static async Task<(IndicatorSpc? Spc, string? Refusal)> LoadAsync(
        AppDbContext db, PerformanceIndicator indicator, Guid councilId, int? from, int? to, SpcChart chart, double? target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        var council = await db.Organisations.Where(o => o.Id == councilId && o.Kind == OrganisationKind.Council).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (council is null)
        {
            return (null, null);
        }

        var figures = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Council && v.OrganisationId == councilId && v.Value != null)
            .Select(v => new SpcPeriod(v.Period, v.FromYear, v.ToYear, v.Value!.Value, v.Numerator, v.Denominator))
            .ToListAsync(cancellationToken);
        var rebases = await db.SpcRebases.Where(r => r.IndicatorId == indicator.Id && r.OrganisationId == councilId).OrderBy(r => r.FromYear).ToListAsync(cancellationToken);
        return Compute(indicator, councilId, council, figures, rebases, from, to, chart, target);
    }

    /// <summary>
    /// The chart from figures already read (every current figure of the council, any order) and the council's rebases
    /// of the indicator: what <see cref="LoadAsync"/> draws, for pages that read many indicators' figures at once.
    /// </summary>
    public static (IndicatorSpc? Spc, string? Refusal) Compute(
        PerformanceIndicator indicator, Guid councilId, string council, IReadOnlyList<SpcPeriod> figures, IReadOnlyList<SpcRebase> rebases,
        int? from, int? to, SpcChart chart, double? target)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(rebases);
        var latest = figures.OrderBy(f => f.FromYear).ThenBy(f => f.ToYear).LastOrDefault();
        var periods = figures.Where(f => latest is not null && f.ToYear - f.FromYear == latest.ToYear - latest.FromYear)
            .Where(f => (from is null || f.FromYear >= from) && (to is null || f.FromYear <= to))
            .OrderBy(f => f.FromYear)
            .ToList();
        if (periods.Count == 0)
        {
            return (null, $"{council} has no figures of {indicator.Code} {(from is null && to is null ? "" : "in those years ")}to chart.");
        }

        var counted = periods.All(p => p.Numerator is { } n && p.Denominator is { } d && d > 0 && n >= 0 && n == Math.Floor(n) && d == Math.Floor(d));
        var proportion = counted && indicator.MeasureType == MeasureType.Percentage && periods.All(p => p.Numerator <= p.Denominator);
        var rate = counted && indicator.MeasureType is not (MeasureType.Percentage or MeasureType.Cost) && periods.Any(p => p.Numerator > 0);
        var tooFew = periods.Count < MinimumForControl;
        string? note = null;
        switch (chart)
        {
            case SpcChart.Auto:
                chart = tooFew ? SpcChart.Run : proportion ? SpcChart.P : rate ? SpcChart.U : SpcChart.XmR;
                note = tooFew ? $"There are {periods.Count} figures, fewer than the {MinimumForControl} a control chart's limits need, so this is a run chart: its median and run rules can show a change, but it has no limits." : null;
                break;
            case SpcChart.P when !proportion:
                return (null, $"A P chart needs each period's numerator and denominator as whole numbers of a proportion, and Pif does not hold them for {council}'s {indicator.Code}.");
            case SpcChart.U when !rate:
                return (null, $"A U chart needs each period's count of events and the population they come from, and Pif does not hold them for {council}'s {indicator.Code}.");
            case SpcChart.XmR or SpcChart.P or SpcChart.U when tooFew:
                return (null, $"A control chart needs at least {MinimumForControl} figures; {council} has {periods.Count} of {indicator.Code}. Ask for a run chart instead.");
        }

        var starts = rebases.Select(r => periods.FindIndex(p => p.Period == r.Period)).Where(i => i > 0).Distinct().ToList();
        var scale = chart == SpcChart.U ? RateScale(periods) : 1;
        var polarity = PolarityOf(indicator);
        ControlChartResult? control = null;
        RunChartResult? run = null;
        switch (chart)
        {
            case SpcChart.P:
                control = ControlChart.P(periods.Select(p => (p.Numerator!.Value, p.Denominator!.Value)).ToList(), new ControlChartOptions(RebaseAt: starts));
                break;
            case SpcChart.U:
                control = ControlChart.U(periods.Select(p => (p.Numerator!.Value, p.Denominator!.Value)).ToList(), new ControlChartOptions(RebaseAt: starts));
                break;
            case SpcChart.XmR:
                control = ControlChart.XmR(periods.Select(p => p.Value).ToList(), new ControlChartOptions(RebaseAt: starts, ExcludeLargeMovingRanges: true));
                break;
            default:
                run = RunChart.Analyse(periods.Select(p => p.Value).ToList());
                break;
        }

        var variation = control is null ? null : MakingDataCount.Variation(control, polarity);
        var assurance = control is null || target is null ? null : MakingDataCount.Assurance(control, target.Value / scale, polarity);
        return (new IndicatorSpc(indicator, councilId, council, periods, chart, scale, control, run, variation, assurance, target, [.. rebases.OrderBy(r => r.FromYear)], note), null);
    }

    /// <summary>The power of ten a rate's count over population is multiplied by to give its published figure.</summary>
    private static double RateScale(IReadOnlyList<SpcPeriod> periods)
    {
        var ratios = periods.Where(p => p.Numerator > 0 && p.Value > 0).Select(p => p.Value * p.Denominator!.Value / p.Numerator!.Value).Order().ToList();
        return Math.Pow(10, Math.Round(Math.Log10(ratios[ratios.Count / 2])));
    }
}
