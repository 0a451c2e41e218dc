using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;
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
        return SelfEvaluationPermissions.Leads(access, evaluation.LeadUserId, evaluation.OrganisationId);
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
    /// Whether the user sees a self-evaluation's working (contributions, support and challenge, history), not only
    /// what was published: its link inspector, the council's administrators and evaluation leads, and the
    /// contributors assigned to it or who wrote on it. A viewer reads the published result only.
    /// </summary>
    public static async Task<bool> SeesWorkingAsync(AppDbContext db, UserAccess access, Guid id, Guid organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        if (IsLinkInspector(access, organisationId) || access.Has(OrganisationRole.OrganisationAdministrator, organisationId) || access.Has(OrganisationRole.EvaluationLead, organisationId))
        {
            return true;
        }

        var user = access.UserId;
        return access.Has(OrganisationRole.Contributor, organisationId)
            && await db.QiEvaluations.AnyAsync(q => q.SelfEvaluationId == id && (q.Assignments.Any(a => a.UserId == user) || q.Records.Any(r => r.AuthorId == user)), cancellationToken);
    }

    /// <summary>
    /// Whether the user reads the link inspector's decisions on the submission in hand: the inspector always, everyone
    /// else once it is validated. Decisions on a returned submission are read at once.
    /// </summary>
    public static bool SeesCurrentDecisions(UserAccess access, Guid organisationId, SelfEvaluationState state)
    {
        ArgumentNullException.ThrowIfNull(access);
        return state is SelfEvaluationState.Validated or SelfEvaluationState.Published || IsLinkInspector(access, organisationId);
    }

    /// <summary>Whether the user could see any self-evaluation: a role in a council, or councils to inspect.</summary>
    public static bool SeesAny(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.AssignedCouncils.Count > 0 || access.Memberships.Any(m => m.Kind == OrganisationKind.Council
            && m.Role is OrganisationRole.OrganisationAdministrator or OrganisationRole.EvaluationLead or OrganisationRole.Contributor or OrganisationRole.Viewer);
    }

    /// <summary>
    /// Whether the user reads the national picture of self-evaluation (grades and agreement counted across councils,
    /// no council named): the inspectorate's national administrators and link inspectors.
    /// </summary>
    public static bool SeesNationalPicture(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Has(OrganisationRole.NationalAdministrator) || access.Has(OrganisationRole.LinkInspector);
    }

    private static List<Guid> Councils(UserAccess access, params OrganisationRole[] roles) =>
        access.Memberships.Where(m => roles.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();
}
