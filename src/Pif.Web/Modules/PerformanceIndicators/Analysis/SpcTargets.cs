using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Targets;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>The target a control chart's assurance is judged against: the council's target for its latest period with one.</summary>
public static class SpcTargets
{
    /// <summary>The council's latest target, if the user sees the council's targets; otherwise null.</summary>
    public static async Task<double?> LatestAsync(AppDbContext db, UserAccess access, PerformanceIndicator indicator, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Latest(await PerformanceIndicatorAccess.CouncilYearsAsync(db, access, indicator.Id, councilId, cancellationToken));
    }

    /// <summary>The latest target among a council's targets and commentary, as the user sees them.</summary>
    public static double? Latest(IReadOnlyList<CouncilIndicatorYear> years) =>
        years.Where(y => y.Target is not null).OrderBy(y => y.FromYear).ThenBy(y => y.ToYear).LastOrDefault()?.Target;
}
