using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// The periods a council has a current figure for on one indicator, so other modules can check a period typed by a
/// person (a case study's before and after, an outcome's baseline) and say what the council has when it is not there.
/// </summary>
public sealed class CouncilPeriods
{
    private readonly List<(string Period, int FromYear)> periods;

    private CouncilPeriods(List<(string Period, int FromYear)> periods) => this.periods = periods;

    public static async Task<CouncilPeriods> LoadAsync(AppDbContext db, Guid indicatorId, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.IndicatorValues.Where(v => v.IndicatorId == indicatorId && v.OrganisationId == councilId && v.Current && v.Value != null)
            .Select(v => new { v.Period, v.FromYear }).Distinct().ToListAsync(cancellationToken);
        return new([.. found.OrderBy(p => p.FromYear).Select(p => (p.Period, p.FromYear))]);
    }

    /// <summary>The period as the figures name it (ignoring case, and a slash for the hyphen), with its first year; null when the council has no figure for it.</summary>
    public (string Period, int FromYear)? Find(string period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var typed = period.Replace('/', '-');
        return periods.FindIndex(p => p.Period.Equals(typed, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? periods[i] : null;
    }

    /// <summary>Why a period was not found, saying what the council has; <paramref name="instead"/> says what to give when it has nothing.</summary>
    public string Missing(string code, string period, string instead) =>
        periods.Count == 0
            ? $"The council has no figures for {code} yet, so {instead}"
            : $"The council has no {code} figure for {period}: its figures run from {periods[0].Period} to {periods[^1].Period}";
}
