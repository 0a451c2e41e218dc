using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// What a user may do with case studies: a council's administrators and evaluation leads write its case studies and
/// submit them; a national administrator reviews them (comments, asks for changes, publishes, withdraws).
/// </summary>
public static class CaseStudyPermissions
{
    private static readonly OrganisationRole[] Writers = [OrganisationRole.OrganisationAdministrator, OrganisationRole.EvaluationLead];

    /// <summary>Whether the user writes the council's case studies.</summary>
    public static bool Writes(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => m.OrganisationId == organisationId && Writers.Contains(m.Role));
    }

    /// <summary>The councils whose case studies the user writes.</summary>
    public static List<Guid> WritingCouncils(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Where(m => Writers.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();
    }

    /// <summary>Whether the user changes this case study: its council's writers, except for the Pif team's demonstration examples.</summary>
    public static bool Changes(UserAccess access, Guid organisationId, bool isDemonstration) =>
        !isDemonstration && Writes(access, organisationId);

    /// <summary>Whether the user reviews and publishes case studies.</summary>
    public static bool Reviews(UserAccess access) => access.IsNationalAdministrator();
}
