using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Statistics.Funnels;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure.Charts;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>
/// One indicator's funnel plot for a period: every council's figure against the size of the population it comes
/// from, with the limits chance alone allows around Scotland's figure, so a council is seen as different only when
/// it really is. The council chosen and its family group are marked; the councils outside the limits are named.
/// </summary>
public sealed class IndicatorFunnelModel(AppDbContext db, DataCache cache, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>The council marked: the one asked for, else the user's own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public OverdispersionAdjustment Adjustment { get; set; } = OverdispersionAdjustment.Additive;

    public PerformanceIndicator Indicator { get; private set; } = null!;

    public IndicatorFunnel Funnel { get; private set; } = null!;

    public FunnelCouncil? Chosen => Funnel.Councils.FirstOrDefault(c => c.Id == Council);

    public IReadOnlyList<OverdispersionAdjustment> Adjustments { get; } = Enum.GetValues<OverdispersionAdjustment>().Reverse().ToList();

    public string Format(double value) => IndicatorSeries.Format(Indicator, value);

    public string FormatRate(double rate) => Format(Funnel.Shown(rate));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetChartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Funnel.Result is not { } result)
        {
            return NotFound();
        }

        var chosenGroup = Chosen?.FamilyGroup;
        var points = result.Points.Select((p, i) => (p.Unit.Denominator, Funnel.Shown(p.Value),
            Funnel.Councils[i].Id == Council ? FunnelMark.Chosen : chosenGroup is not null && Funnel.Councils[i].FamilyGroup == chosenGroup ? FunnelMark.FamilyGroup : FunnelMark.Other)).ToList();
        var curve = result.Model.Curve(Math.Max(1, Funnel.Councils.Min(c => c.Denominator) / 2), Funnel.Councils.Max(c => c.Denominator) * 1.05, 80)
            .Select(l => (l.Denominator, Funnel.Shown(l.Lower95), Funnel.Shown(l.Upper95), Funnel.Shown(l.Lower998), Funnel.Shown(l.Upper998))).ToList();
        var svg = FunnelChart.Svg(points, curve, Funnel.Shown(result.Model.Target),
            ("Other councils", chosenGroup is { } g ? $"Family group {g}" : "Family group", Chosen?.Name ?? "Chosen council"),
            Indicator.DenominatorDefinition is { Length: > 0 and <= 60 } denominator ? denominator : "Denominator", IndicatorWording.Measure(Indicator.MeasureType), Format);
        return Content(svg, "image/svg+xml");
    }

    /// <summary>The chart's text alternative: what it shows and its finding.</summary>
    public string Summary()
    {
        var result = Funnel.Result!;
        var outside = result.Points.Count(p => p.Outside998);
        var text = $"Funnel plot of {Indicator.Code} for {result.Points.Count} councils in {Funnel.Period} around Scotland's {FormatRate(result.Model.Target)}: "
            + (outside == 0 ? "no council is outside the 99.8% limits" : $"{outside} {(outside == 1 ? "council is" : "councils are")} outside the 99.8% limits");
        if (Chosen is { } chosen)
        {
            var point = result.Points[Funnel.Councils.ToList().IndexOf(chosen)];
            text += $"; {chosen.Name} ({FormatRate(point.Value)}) is {char.ToLowerInvariant(AnalysisWording.Position(point, Indicator.Polarity)[0])}{AnalysisWording.Position(point, Indicator.Polarity)[1..]}";
        }

        return text + ".";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(cache, db, access, Code, cancellationToken);
        if (indicator is null || indicator.OwnerOrganisationId is not null || !Enum.IsDefined(Adjustment))
        {
            return false;
        }

        Indicator = indicator;
        var (period, adjustment) = (Period, Adjustment);
        var funnel = await cache.GetAsync((typeof(IndicatorFunnel), indicator.Id, period, adjustment), ct => IndicatorFunnel.LoadAsync(db, indicator, period, adjustment, ct), cancellationToken);
        if (funnel is null)
        {
            return false;
        }

        Funnel = funnel;
        Period = funnel.Period;
        Council ??= PerformanceIndicatorAccess.HomeCouncil(access);
        return true;
    }
}
