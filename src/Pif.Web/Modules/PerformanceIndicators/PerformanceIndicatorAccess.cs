using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Importing;
using Pif.Web.Modules.PerformanceIndicators.Targets;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// Who sees what of performance indicators (what they may do is <see cref="PerformanceIndicatorPermissions"/>):
/// the national catalogue and its figures are public data, seen by every signed-in user; a national file's imports
/// are seen by those who import them. A council's own (local) indicators, their imports, and its targets and
/// commentary are its own: the indicators and targets are seen by its members and its link inspector, the imports by
/// those who import them. Anyone else: they do not exist (404).
/// </summary>
public static class PerformanceIndicatorAccess
{
    public static IQueryable<PerformanceIndicator> Indicators(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var councils = SeenCouncils(access);
        return councils.Count == 0
            ? db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null)
            : db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null || councils.Contains(i.OwnerOrganisationId.Value));
    }

    /// <summary>
    /// The indicator a code names (folded: SW07, SW 7 and sw07 are one), if the user sees it: a national one first,
    /// since a council may not take a national code for its own.
    /// </summary>
    public static Task<PerformanceIndicator?> FindAsync(AppDbContext db, UserAccess access, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var normalised = IndicatorCodes.Normalise(code);
        return Indicators(db, access).AsNoTracking().Where(i => i.NormalisedCode == normalised)
            .OrderBy(i => i.OwnerOrganisationId == null ? 0 : 1).ThenBy(i => i.OwnerOrganisationId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// <see cref="FindAsync(AppDbContext, UserAccess, string, CancellationToken)"/> for a page: every indicator with
    /// the code is kept in <see cref="DataCache"/>, and the one the user sees is chosen from them.
    /// </summary>
    public static async Task<PerformanceIndicator?> FindAsync(DataCache cache, AppDbContext db, UserAccess access, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(code);
        var normalised = IndicatorCodes.Normalise(code);
        var named = await cache.GetAsync((typeof(PerformanceIndicatorAccess), normalised),
            async ct => (IReadOnlyList<PerformanceIndicator>)await db.PerformanceIndicators.AsNoTracking().Where(i => i.NormalisedCode == normalised).ToListAsync(ct), cancellationToken);
        var seen = SeenCouncils(access);
        return named.Where(i => i.OwnerOrganisationId is not { } owner || seen.Contains(owner))
            .OrderBy(i => i.OwnerOrganisationId == null ? 0 : 1).ThenBy(i => i.OwnerOrganisationId).FirstOrDefault();
    }

    /// <summary>The councils whose own indicators the user sees: those they belong to, and those they support as link inspector.</summary>
    private static List<Guid> SeenCouncils(UserAccess access) =>
        access.Memberships.Where(m => m.Kind == Organisations.OrganisationKind.Council).Select(m => m.OrganisationId)
            .Concat(access.AssignedCouncils.Select(c => c.CouncilId)).Distinct().ToList();

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
        var councils = PerformanceIndicatorPermissions.LocalImportCouncils(access);
        return councils.Count == 0
            ? db.IndicatorImports.Where(i => national && i.OrganisationId == null)
            : db.IndicatorImports.Where(i => (national && i.OrganisationId == null) || (i.OrganisationId != null && councils.Contains(i.OrganisationId.Value)));
    }
}
