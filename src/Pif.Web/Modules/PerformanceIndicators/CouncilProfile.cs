using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// Every national indicator of one service area for one council at once, each at the latest period the council has a
/// figure for, set within the range of every council's figure for that period with the polarity applied: where to
/// look first. A position is context for a question, never a rank to publish.
/// </summary>
public sealed record CouncilProfile(Guid CouncilId, string Council, string Category, IReadOnlyList<CouncilProfile.Row> Rows)
{
    /// <summary>
    /// One indicator: the council's figure, the family group's average, Scotland's, the worst and best council's, and
    /// where the figure sits between them (0 the worst, 1 the best; null where neither way is better).
    /// </summary>
    public sealed record Row(PerformanceIndicator Indicator, string Period, double Value, double? FamilyGroup, double? Scotland, double Worst, double Best, int Councils, int Better)
    {
        public double? Position => PositionOf(Value);

        /// <summary>Where the middle half of the councils' figures lies (from the quarter-way figure to the three-quarter-way one).</summary>
        public (double From, double To)? MiddleHalf { get; init; }

        /// <summary>Where a figure sits between the worst council's (0) and the best's (1); null where neither way is better.</summary>
        public double? PositionOf(double value) => Indicator.Polarity == Polarity.Neither ? null
            : Best == Worst ? 0.5
            : Math.Clamp((value - Worst) / (Best - Worst), 0, 1);

        /// <summary>The quarter of councils the figure falls in, counted by how many have a better one.</summary>
        public Quarter? Quarter => Indicator.Polarity == Polarity.Neither || Councils < 4 ? null
            : Better < Councils / 4.0 ? PerformanceIndicators.Quarter.Best
            : Better >= Councils * 3 / 4.0 ? PerformanceIndicators.Quarter.Worst
            : PerformanceIndicators.Quarter.Middle;
    }

    /// <summary>The service areas (categories) of the national catalogue, in order.</summary>
    public static async Task<IReadOnlyList<string>> CategoriesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null && i.Category != null).Select(i => i.Category!).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.Ordinal).ToList();

    public static async Task<CouncilProfile?> LoadAsync(AppDbContext db, Guid councilId, string category, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var council = await db.Organisations.Where(o => o.Id == councilId && o.Kind == OrganisationKind.Council).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (council is null)
        {
            return null;
        }

        var indicators = await db.PerformanceIndicators.AsNoTracking().Where(i => i.OwnerOrganisationId == null && i.Category == category).ToListAsync(cancellationToken);
        var ids = indicators.Select(i => i.Id).ToList();
        var groups = (await db.FamilyGroupMemberships.Where(m => m.OrganisationId == councilId).Select(m => new { m.Grouping, m.Group, m.FromYear }).ToListAsync(cancellationToken))
            .GroupBy(m => m.Grouping).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.FromYear).First().Group);

        // The council's own figures first (a few per indicator), then only the periods its latest ones are for.
        var owned = await db.IndicatorValues.Where(v => ids.Contains(v.IndicatorId) && v.Current && v.Area == ValueArea.Council && v.OrganisationId == councilId && v.Value != null)
            .Select(v => new { v.IndicatorId, v.Period, v.FromYear, v.ToYear, Value = v.Value!.Value })
            .ToListAsync(cancellationToken);
        var latest = owned.GroupBy(v => v.IndicatorId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.FromYear).ThenBy(v => v.ToYear).Last());
        var periods = latest.Values.Select(v => v.Period).Distinct().ToList();
        var values = await db.IndicatorValues.Where(v => ids.Contains(v.IndicatorId) && periods.Contains(v.Period) && v.Current && v.Value != null)
            .Select(v => new { v.IndicatorId, v.Area, v.FamilyGroup, v.Period, Value = v.Value!.Value })
            .ToListAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var indicator in indicators.OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            if (!latest.TryGetValue(indicator.Id, out var own))
            {
                continue;
            }

            var period = values.Where(v => v.IndicatorId == indicator.Id && v.Period == own.Period).ToList();
            var councils = period.Where(v => v.Area == ValueArea.Council).Select(v => v.Value).ToList();
            var higher = indicator.Polarity != Polarity.LowerIsBetter;
            var group = groups.TryGetValue(indicator.Grouping, out var g) ? g : (int?)null;
            var row = new Row(indicator, own.Period, own.Value,
                period.FirstOrDefault(v => v.Area == ValueArea.FamilyGroup && v.FamilyGroup == group)?.Value,
                period.FirstOrDefault(v => v.Area == ValueArea.Scotland)?.Value,
                higher ? councils.Min() : councils.Max(), higher ? councils.Max() : councils.Min(), councils.Count,
                councils.Count(c => indicator.Polarity == Polarity.LowerIsBetter ? c < own.Value : c > own.Value));
            var positions = councils.Select(c => row.PositionOf(c)).OfType<double>().Order().ToList();
            rows.Add(positions.Count == 0 ? row : row with { MiddleHalf = (Percentile(positions, 0.25), Percentile(positions, 0.75)) });
        }

        return new CouncilProfile(councilId, council, category, rows);
    }

    /// <summary>The value a share of the way through sorted values, between neighbours where it falls between two.</summary>
    private static double Percentile(List<double> sorted, double share)
    {
        var at = share * (sorted.Count - 1);
        var below = (int)Math.Floor(at);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (at - below));
    }
}

public enum Quarter
{
    Best,
    Middle,
    Worst,
}
