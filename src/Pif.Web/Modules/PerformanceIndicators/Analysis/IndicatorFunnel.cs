using Microsoft.EntityFrameworkCore;
using Pif.Statistics.Funnels;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>One figure of an indicator for one period, as a funnel reads it: a council's or Scotland's.</summary>
public sealed record FunnelFigure(ValueArea Area, Guid? OrganisationId, double? Value, double? Numerator, double? Denominator);

/// <summary>A council on a funnel plot: who it is, its family group, and the counts its figure comes from.</summary>
public sealed record FunnelCouncil(Guid Id, string Name, string Gss, int? FamilyGroup, double Numerator, double Denominator);

/// <summary>
/// One indicator's funnel plot for one period: every council's figure against the size of the population it comes
/// from, with limits around Scotland's figure that show how far a council could differ by chance alone. A funnel
/// needs counts: a proportion of whole numbers (exact binomial limits) or a rate of events per whole population
/// (Poisson limits). Where the figures are not counts, <see cref="CannotDraw"/> says why instead.
/// </summary>
/// <param name="Scale">What a rate is multiplied by to be shown (1,000 for a rate per 1,000); 1 for a proportion.</param>
/// <param name="Councils">The councils on the plot, in the order of <see cref="FunnelResult.Points"/>.</param>
/// <param name="TargetIsScotland">Whether the limits centre on Scotland's published figure, rather than the councils' pooled one.</param>
public sealed record IndicatorFunnel(
    PerformanceIndicator Indicator,
    string Period,
    IReadOnlyList<string> Periods,
    double Scale,
    IReadOnlyList<FunnelCouncil> Councils,
    FunnelResult? Result,
    bool TargetIsScotland,
    string? CannotDraw)
{
    /// <summary>A figure on the indicator's own scale (a fraction for a percentage, per 1,000 for a rate per 1,000).</summary>
    public double Shown(double rate) => rate * Scale;

    /// <summary>
    /// The funnel for <paramref name="period"/> (the latest with council figures when null); null when the indicator
    /// has no such period.
    /// </summary>
    public static async Task<IndicatorFunnel?> LoadAsync(AppDbContext db, PerformanceIndicator indicator, string? period, OverdispersionAdjustment adjustment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        var periods = (await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Council)
                .Select(v => new { v.Period, v.FromYear, v.ToYear }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(p => p.FromYear).ThenBy(p => p.ToYear).Select(p => p.Period).ToList();
        period ??= periods.Count > 0 ? periods[^1] : null;
        if (period is null || !periods.Contains(period))
        {
            return null;
        }

        var values = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Period == period && v.Area != ValueArea.FamilyGroup)
            .Select(v => new FunnelFigure(v.Area, v.OrganisationId, v.Value, v.Numerator, v.Denominator)).ToListAsync(cancellationToken);
        var (councils, families) = await CouncilsAsync(db, [indicator.Grouping], cancellationToken);
        return Compute(indicator, period, periods, values, councils, families[indicator.Grouping], adjustment);
    }

    /// <summary>
    /// Every council's name and GSS code, by id (what <see cref="Compute"/> places on the plot), and each council's latest
    /// family group in each of <paramref name="groupings"/>, in one query.
    /// </summary>
    public static async Task<(Dictionary<Guid, (string Name, string Code)> Councils, Dictionary<FamilyGrouping, Dictionary<Guid, int>> Families)> CouncilsAsync(
        AppDbContext db, IReadOnlyCollection<FamilyGrouping> groupings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Code,
                Families = db.FamilyGroupMemberships.Where(m => m.OrganisationId == o.Id && groupings.Contains(m.Grouping)).Select(m => new { m.Grouping, m.Group, m.FromYear }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return (rows.ToDictionary(o => o.Id, o => (o.Name, o.Code)),
            groupings.Distinct().ToDictionary(g => g, g => rows.Where(o => o.Families.Any(m => m.Grouping == g))
                .ToDictionary(o => o.Id, o => o.Families.Where(m => m.Grouping == g).OrderByDescending(m => m.FromYear).First().Group)));
    }

    /// <summary>
    /// The funnel of one indicator and period from figures already read (the councils' and Scotland's for that period),
    /// so a page of many indicators reads them all at once and draws each without asking the database again.
    /// </summary>
    public static IndicatorFunnel Compute(PerformanceIndicator indicator, string period, IReadOnlyList<string> periods, IReadOnlyList<FunnelFigure> values,
        IReadOnlyDictionary<Guid, (string Name, string Code)> councils, IReadOnlyDictionary<Guid, int> families, OverdispersionAdjustment adjustment)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(councils);
        ArgumentNullException.ThrowIfNull(families);
        var counted = values.Where(v => v.Area == ValueArea.Council && v.Numerator is not null && v.Denominator is > 0 && councils.ContainsKey(v.OrganisationId!.Value))
            .Select(v => new { v.Value, Id = v.OrganisationId!.Value, Council = councils[v.OrganisationId!.Value], Numerator = v.Numerator!.Value, Denominator = v.Denominator!.Value })
            .OrderBy(v => v.Council.Name, StringComparer.Ordinal).ToList();
        var units = counted.Select(v => new FunnelCouncil(v.Id, v.Council.Name, v.Council.Code, families.TryGetValue(v.Id, out var g) ? g : null, v.Numerator, v.Denominator)).ToList();
        IndicatorFunnel Refuse(string reason) => new(indicator, period, periods, 1, units, null, false, reason);

        if (indicator.OwnerOrganisationId is not null)
        {
            return Refuse($"{indicator.Code} is a council's own indicator: a funnel plot compares councils, and no other council has its figures.");
        }

        if (counted.Count < 2)
        {
            return Refuse($"Pif holds no numerators and denominators of {indicator.Code} for {period}, only the figures. A funnel plot sets each council's count against the population it comes from, so it cannot be drawn without them.");
        }

        if (indicator.MeasureType == MeasureType.Cost)
        {
            return Refuse($"{indicator.Code} is a cost, not a count of people or events, so how far a council could differ by chance alone cannot be worked out.");
        }

        if (counted.Any(v => v.Numerator != Math.Floor(v.Numerator) || v.Denominator != Math.Floor(v.Denominator) || v.Numerator < 0))
        {
            return Refuse($"The numerators and denominators of {indicator.Code} for {period} are not counts of people or events (they have fractions, as sums of money do), so how far a council could differ by chance alone cannot be worked out.");
        }

        var proportion = indicator.MeasureType == MeasureType.Percentage;
        if (proportion && counted.Any(v => v.Numerator > v.Denominator))
        {
            return Refuse($"Some councils' numerators of {indicator.Code} for {period} are larger than their denominators, so the figures are not proportions of whole numbers.");
        }

        // A rate's figure is its count over its population times a power of ten (1,000 for a rate per 1,000): read
        // it from the published figures rather than trust the measure's name.
        var scale = proportion ? 1 : PowerOfTen(counted.Where(v => v.Value > 0 && v.Numerator > 0).Select(v => v.Value!.Value * v.Denominator / v.Numerator));
        var scotland = values.FirstOrDefault(v => v.Area == ValueArea.Scotland && v.Numerator is > 0 && v.Denominator is > 0);
        var target = scotland is null ? (double?)null : scotland.Numerator!.Value / scotland.Denominator!.Value;
        var centre = target ?? counted.Sum(v => v.Numerator) / counted.Sum(v => v.Denominator);
        if (centre <= 0 || (proportion && centre >= 1))
        {
            return Refuse($"Every council's count of {indicator.Code} for {period} is {(centre <= 0 ? "zero" : "the whole of its denominator")}, so there is no spread to compare.");
        }

        var funnelUnits = units.Select(u => new FunnelUnit(u.Gss, u.Numerator, u.Denominator)).ToList();
        var result = proportion
            ? Funnel.Proportions(funnelUnits, new FunnelOptions(FunnelMethod.ExactBinomial, target, adjustment))
            : Funnel.Ratios(funnelUnits, new FunnelOptions(FunnelMethod.Poisson, target, adjustment));
        return new IndicatorFunnel(indicator, period, periods, scale, units, result, target is not null, null);
    }

    /// <summary>The power of ten nearest the median of the figures' ratios to their count over population.</summary>
    private static double PowerOfTen(IEnumerable<double> ratios)
    {
        var sorted = ratios.Where(double.IsFinite).Order().ToList();
        return sorted.Count == 0 ? 1 : Math.Pow(10, Math.Round(Math.Log10(sorted[sorted.Count / 2])));
    }
}
