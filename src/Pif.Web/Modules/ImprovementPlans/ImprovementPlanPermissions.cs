using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// What a user may do with a council's improvement plans: its administrators and evaluation leads make and manage
/// them; an action's owner updates that action.
/// </summary>
public static class ImprovementPlanPermissions
{
    private static readonly OrganisationRole[] Managers = [OrganisationRole.OrganisationAdministrator, OrganisationRole.EvaluationLead];

    /// <summary>Whether the user makes and manages the council's plans.</summary>
    public static bool Manages(UserAccess access, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => m.OrganisationId == organisationId && Managers.Contains(m.Role));
    }

    /// <summary>The councils whose plans the user manages.</summary>
    public static List<Guid> ManagedCouncils(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Where(m => Managers.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();
    }

    /// <summary>Whether the user changes the action: its owner, while a member of the council, or the plan's managers.</summary>
    public static bool ChangesAction(UserAccess access, Guid organisationId, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return Manages(access, organisationId) || (ownerId == access.UserId && access.Memberships.Any(m => m.OrganisationId == organisationId));
    }
}
