using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// Who sees what of performance indicators (what they may do is <see cref="PerformanceIndicatorPermissions"/>):
/// the national catalogue and its figures are public data, seen by every signed-in user; a national file's imports
/// are seen by those who import them. Anyone else: the import does not exist (404).
/// </summary>
public static class PerformanceIndicatorAccess
{
    public static IQueryable<PerformanceIndicator> Indicators(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        return db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null);
    }

    public static IQueryable<IndicatorImport> Imports(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var national = PerformanceIndicatorPermissions.ImportsNational(access);
        return db.IndicatorImports.Where(i => national && i.OrganisationId == null);
    }
}
