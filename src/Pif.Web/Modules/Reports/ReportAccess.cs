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
}
