using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Outcomes;

/// <summary>
/// What a user may do with outcomes: a council's administrators and evaluation leads write its outcome agreements,
/// agree them and record progress.
/// </summary>
public static class OutcomePermissions
{
    private static readonly OrganisationRole[] Writers = [OrganisationRole.OrganisationAdministrator, OrganisationRole.EvaluationLead];

    public static bool Writes(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => m.OrganisationId == organisationId && Writers.Contains(m.Role));
    }

    /// <summary>The councils whose outcome agreements the user writes.</summary>
    public static List<Guid> WritingCouncils(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Where(m => Writers.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();
    }
}
