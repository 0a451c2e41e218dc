using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Importing;
using Pif.Web.Modules.PerformanceIndicators.Targets;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// Who sees what of performance indicators (what they may do is <see cref="PerformanceIndicatorPermissions"/>):
/// the national catalogue and its figures are public data, seen by every signed-in user; a national file's imports
/// are seen by those who import them. A council's targets and commentary are its own: seen by its members and its
/// link inspector. Anyone else: the import, or the council's targets, do not exist (404).
/// </summary>
public static class PerformanceIndicatorAccess
{
    public static IQueryable<PerformanceIndicator> Indicators(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        return db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null);
    }

    /// <summary>The indicator a code names (folded: SW07, SW 7 and sw07 are one), if the user sees it.</summary>
    public static Task<PerformanceIndicator?> FindAsync(AppDbContext db, UserAccess access, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = IndicatorCodes.Normalise(code);
        return Indicators(db, access).AsNoTracking().SingleOrDefaultAsync(i => i.NormalisedCode == normalised, cancellationToken);
    }

    /// <summary>The council a user's figures open on: the council they belong to, else the first they support as link inspector.</summary>
    public static Guid? HomeCouncil(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Where(m => m.Kind == Organisations.OrganisationKind.Council).Select(m => (Guid?)m.OrganisationId).FirstOrDefault()
            ?? access.AssignedCouncils.Select(c => (Guid?)c.CouncilId).FirstOrDefault();
    }

    /// <summary>Whether the user sees the council's targets and commentary: its members and its link inspector do.</summary>
    public static bool SeesCouncilYears(UserAccess access, Guid councilId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => m.OrganisationId == councilId) || access.AssignedCouncils.Any(c => c.CouncilId == councilId);
    }

    /// <summary>The council's targets and commentary on an indicator, by period, if the user sees them; otherwise none.</summary>
    public static async Task<IReadOnlyList<CouncilIndicatorYear>> CouncilYearsAsync(AppDbContext db, UserAccess access, Guid indicatorId, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!SeesCouncilYears(access, councilId))
        {
            return [];
        }

        return await db.CouncilIndicatorYears.AsNoTracking().Where(y => y.IndicatorId == indicatorId && y.OrganisationId == councilId)
            .OrderBy(y => y.FromYear).ThenBy(y => y.ToYear).ToListAsync(cancellationToken);
    }

    public static IQueryable<IndicatorImport> Imports(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var national = PerformanceIndicatorPermissions.ImportsNational(access);
        return db.IndicatorImports.Where(i => national && i.OrganisationId == null);
    }
}
