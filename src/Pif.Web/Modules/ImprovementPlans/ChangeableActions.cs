using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>An action the user may change, tracked, with its plan's council and state.</summary>
public sealed record ChangeableAction(PlanAction Action, Guid OrganisationId, PlanState State);

/// <summary>
/// Finds an action for a change and says why not when it may not be made: not found (another council's, or a draft
/// the user does not manage), forbidden (not its owner nor a manager), or locked (the plan is closed; or, for its
/// details, approved and not being revised).
/// </summary>
public static class ChangeableActions
{
    public const string Closed = "The plan is closed: its actions can no longer change";

    /// <param name="whileApproved">
    /// Why the change waits for a revision while the plan is approved, for a change to the action's details; null
    /// for progress, which carries on while the plan is approved.
    /// </param>
    public static async Task<(ChangeableAction? Found, ServiceResult? Refusal)> FindAsync(AppDbContext db, UserAccess actor, Guid actionId, string? whileApproved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await ImprovementPlanAccess.Visible(db, actor)
            .SelectMany(p => p.Actions.Where(a => a.Id == actionId), (p, a) => new ChangeableAction(a, p.OrganisationId, p.State))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (null, ServiceResult.NotFound);
        }

        if (!ImprovementPlanPermissions.ChangesAction(actor, found.OrganisationId, found.Action.OwnerId))
        {
            return (null, ServiceResult.Forbidden);
        }

        if (found.State == PlanState.Closed)
        {
            return (null, ServiceResult.Locked(Closed));
        }

        return whileApproved is not null && !found.State.DetailsOpen() ? (null, ServiceResult.Locked(whileApproved)) : (found, null);
    }
}
