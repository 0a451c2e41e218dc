using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>
/// Who may export what. Reports add no rule of their own: whoever may see a self-evaluation may export its report,
/// with the same redactions its pages make (a viewer's copy has no contributions and no support and challenge), and
/// anyone else gets a 404, as the pages give. Reports change nothing, so there is no ReportPermissions.
/// </summary>
public static class ReportAccess
{
    public static IQueryable<SelfEvaluation> SelfEvaluations(AppDbContext db, UserAccess access) => SelfEvaluationAccess.Visible(db, access);

    /// <summary>Whether the report shows the working: for those who see it on the pages (<see cref="SelfEvaluationAccess.SeesWorkingAsync"/>).</summary>
    public static Task<bool> IncludesWorkingAsync(AppDbContext db, UserAccess access, Guid id, Guid organisationId, CancellationToken cancellationToken) =>
        SelfEvaluationAccess.SeesWorkingAsync(db, access, id, organisationId, cancellationToken);

    /// <summary>Who opens the national overview: <see cref="SelfEvaluationAccess.SeesNationalPicture"/>; anyone else gets a 403.</summary>
    public static bool SeesNationalOverview(UserAccess access) => SelfEvaluationAccess.SeesNationalPicture(access);

    /// <summary>
    /// Whether the user takes the Chief Social Work Officer's annual pack of a council: its members, its link inspector
    /// and the national administrators. Each part of the pack then shows only what its own pages would show them.
    /// </summary>
    public static bool TakesAnnualPack(UserAccess access, Guid councilId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsNationalAdministrator() || access.Memberships.Any(m => m.OrganisationId == councilId) || SelfEvaluationAccess.IsLinkInspector(access, councilId);
    }

    /// <summary>The councils whose annual pack the user may take, for the page's choice: empty for a national administrator, who may take any.</summary>
    public static IReadOnlyList<Guid> AnnualPackCouncils(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return [.. access.Memberships.Where(m => m.Kind == Organisations.OrganisationKind.Council).Select(m => m.OrganisationId).Concat(access.AssignedCouncils.Select(c => c.CouncilId)).Distinct()];
    }
}
