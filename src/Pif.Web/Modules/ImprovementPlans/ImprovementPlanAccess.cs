using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// Who sees a council's improvement plans (what they may do is <see cref="ImprovementPlanPermissions"/>): its
/// administrators and evaluation leads see every plan; an action's owner sees the plan it is in; the council's
/// other members and its link inspector see approved and closed plans. Anyone else: the plan does not exist (404).
/// </summary>
public static class ImprovementPlanAccess
{
    public static IQueryable<ImprovementPlan> Visible(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var managed = ImprovementPlanPermissions.ManagedCouncils(access);
        var member = access.Memberships.Select(m => m.OrganisationId).Concat(access.AssignedCouncils.Select(c => c.CouncilId)).Distinct().ToList();
        var user = access.UserId;
        return db.ImprovementPlans.Where(p =>
            managed.Contains(p.OrganisationId)
            || (member.Contains(p.OrganisationId) && p.State != PlanState.Draft)
            || (member.Contains(p.OrganisationId) && p.Actions.Any(a => a.OwnerId == user)));
    }

    /// <summary>The actions of the council's plans that the user sees: what other modules offer, and accept, as links to actions.</summary>
    public static IQueryable<PlanAction> CouncilActions(AppDbContext db, UserAccess access, Guid councilId) =>
        from p in Visible(db, access)
        where p.OrganisationId == councilId
        join a in db.PlanActions on p.Id equals a.PlanId
        select a;
}
