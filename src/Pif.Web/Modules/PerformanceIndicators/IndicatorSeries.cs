using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// One council's figures for an indicator over time, with Scotland's and its family group's average for each
/// period, and where the latest figure stands among the councils: context for questions, never a league table.
/// </summary>
public sealed record IndicatorSeries(PerformanceIndicator Indicator, Guid CouncilId, string Council, int? FamilyGroup, IReadOnlyList<IndicatorSeries.Point> Points)
{
    public sealed record Point(string Period, int FromYear, int ToYear, double? Council, double? FamilyGroup, double? Scotland)
    {
        /// <summary>The council's numerator and denominator, where the file gave them.</summary>
        public double? Numerator { get; init; }

        public double? Denominator { get; init; }
    }

    /// <summary>Where a figure stands: 1 is the best with the indicator's polarity applied; null when polarity says neither.</summary>
    public sealed record Standing(int Position, int Of);

    public Point? Latest => Points.LastOrDefault(p => p.Council is not null);

    /// <summary>The period before the latest one, and the period five years before it, when the council has a figure for each.</summary>
    public Point? YearBefore => Latest is { } latest ? Points.LastOrDefault(p => p.Council is not null && p.FromYear == latest.FromYear - 1 && p.ToYear - p.FromYear == latest.ToYear - latest.FromYear) : null;

    public Point? FiveYearsBefore => Latest is { } latest ? Points.LastOrDefault(p => p.Council is not null && p.FromYear == latest.FromYear - 5 && p.ToYear - p.FromYear == latest.ToYear - latest.FromYear) : null;

    public Standing? InScotland { get; init; }

    public Standing? InFamilyGroup { get; init; }

    public static async Task<IndicatorSeries?> LoadAsync(AppDbContext db, PerformanceIndicator indicator, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        var council = await db.Organisations.Where(o => o.Id == councilId && o.Kind == OrganisationKind.Council).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (council is null)
        {
            return null;
        }

        var families = await db.FamilyGroupMemberships.Where(m => m.Grouping == indicator.Grouping)
            .Select(m => new { m.OrganisationId, m.Group, m.FromYear }).ToListAsync(cancellationToken);
        var group = families.Where(m => m.OrganisationId == councilId).OrderByDescending(m => m.FromYear).Select(m => (int?)m.Group).FirstOrDefault();
        var values = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current
                && ((v.Area == ValueArea.Council) || v.Area == ValueArea.Scotland || (v.Area == ValueArea.FamilyGroup && v.FamilyGroup == group)))
            .Select(v => new { v.Area, v.OrganisationId, v.Period, v.FromYear, v.ToYear, v.Value, v.Numerator, v.Denominator })
            .ToListAsync(cancellationToken);
        var points = values.Where(v => v.Area != ValueArea.Council || v.OrganisationId == councilId)
            .GroupBy(v => (v.Period, v.FromYear, v.ToYear))
            .OrderBy(g => g.Key.FromYear).ThenBy(g => g.Key.ToYear)
            .Select(g => new Point(g.Key.Period, g.Key.FromYear, g.Key.ToYear,
                g.FirstOrDefault(v => v.Area == ValueArea.Council)?.Value,
                g.FirstOrDefault(v => v.Area == ValueArea.FamilyGroup)?.Value,
                g.FirstOrDefault(v => v.Area == ValueArea.Scotland)?.Value)
            {
                Numerator = g.FirstOrDefault(v => v.Area == ValueArea.Council)?.Numerator,
                Denominator = g.FirstOrDefault(v => v.Area == ValueArea.Council)?.Denominator,
            })
            .ToList();
        var series = new IndicatorSeries(indicator, councilId, council, group, points);
        if (series.Latest is not { } latest || indicator.Polarity == Polarity.Neither)
        {
            return series;
        }

        var peers = values.Where(v => v.Area == ValueArea.Council && v.Period == latest.Period && v.Value is not null)
            .Select(v => (Council: v.OrganisationId!.Value, Value: v.Value!.Value)).ToList();
        var inGroup = families.Where(m => m.Group == group).Select(m => m.OrganisationId).ToHashSet();
        return series with
        {
            InScotland = Place(peers, latest.Council!.Value, indicator.Polarity),
            InFamilyGroup = group is null ? null : Place(peers.Where(p => inGroup.Contains(p.Council)).ToList(), latest.Council!.Value, indicator.Polarity),
        };
    }

    private static Standing Place(List<(Guid Council, double Value)> peers, double value, Polarity polarity) =>
        new(1 + peers.Count(p => polarity == Polarity.HigherIsBetter ? p.Value > value : p.Value < value), peers.Count);

    /// <summary>A value as the indicator writes it: a percentage held as a fraction as a percentage, a cost in pounds.</summary>
    public static string Format(PerformanceIndicator indicator, double value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var british = CultureInfo.GetCultureInfo("en-GB");
        var format = indicator.NumberFormat ?? "";
        // Held as a fraction unless the publisher's format says otherwise (a council's own indicators have no format).
        if (indicator.MeasureType == MeasureType.Percentage && (format.Length == 0 || format.Contains('%', StringComparison.Ordinal)))
        {
            return (value * 100).ToString(format.Contains("0.00", StringComparison.Ordinal) ? "0.00" : "0.0", british) + "%";
        }

        if (indicator.MeasureType == MeasureType.Cost)
        {
            return "£" + value.ToString(format.Contains("0.00", StringComparison.Ordinal) ? "#,##0.00" : "#,##0", british);
        }

        return value.ToString(Math.Abs(value) >= 100 ? "#,##0" : "#,##0.##", british);
    }
}
