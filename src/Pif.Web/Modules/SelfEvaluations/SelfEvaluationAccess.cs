using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// Who sees and changes a council's self-evaluations (DOMAIN.md section 2). A self-evaluation a
/// user may not see does not exist for them (404); one they see but may not change is a 403.
/// </summary>
public static class SelfEvaluationAccess
{
    /// <summary>The self-evaluations the user may see. A contributor keeps sight of one they wrote on after being unassigned.</summary>
    public static IQueryable<SelfEvaluation> Visible(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var all = Councils(access, OrganisationRole.OrganisationAdministrator, OrganisationRole.EvaluationLead);
        var assigned = Councils(access, OrganisationRole.Contributor);
        var published = Councils(access, OrganisationRole.Viewer);
        var inspected = access.AssignedCouncils.Select(c => c.CouncilId).ToList();
        var user = access.UserId;
        return db.SelfEvaluations.Where(s =>
            all.Contains(s.OrganisationId)
            || (assigned.Contains(s.OrganisationId) && s.QiEvaluations.Any(q => q.Assignments.Any(a => a.UserId == user) || q.Records.Any(r => r.AuthorId == user)))
            || (published.Contains(s.OrganisationId) && s.State == SelfEvaluationState.Published)
            || (inspected.Contains(s.OrganisationId) && s.FirstSubmittedAt != null));
    }

    /// <summary>Whether the user may start self-evaluations for the council: an evaluation lead there.</summary>
    public static bool CanStart(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Has(OrganisationRole.EvaluationLead, organisationId);
    }

    /// <summary>The councils where the user may start a self-evaluation.</summary>
    public static IReadOnlyList<MembershipView> StartableIn(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Where(m => m.Role == OrganisationRole.EvaluationLead).ToList();
    }

    public static bool IsNamedLead(UserAccess access, SelfEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.LeadUserId == access.UserId && access.Has(OrganisationRole.EvaluationLead, evaluation.OrganisationId);
    }

    public static bool IsOrganisationAdministrator(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Has(OrganisationRole.OrganisationAdministrator, organisationId);
    }

    /// <summary>Whether the user is the council's link inspector now: only they comment, decide, return and validate.</summary>
    public static bool IsLinkInspector(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.AssignedCouncils.Any(c => c.CouncilId == organisationId);
    }

    /// <summary>
    /// Whether the user sees the council's working (contributions, support and challenge, history), not only
    /// what was published: everyone in the council but a viewer, and its link inspector.
    /// </summary>
    public static bool SeesWorking(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return IsLinkInspector(access, organisationId) || access.Memberships.Any(m => m.OrganisationId == organisationId
            && m.Role is OrganisationRole.OrganisationAdministrator or OrganisationRole.EvaluationLead or OrganisationRole.Contributor);
    }

    private static List<Guid> Councils(UserAccess access, params OrganisationRole[] roles) =>
        access.Memberships.Where(m => roles.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();
}
