using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// An action's milestones: added and removed while the plan is a draft, each dated within the action's dates;
/// ticked off by the action's owner or the plan's managers until the plan is closed.
/// </summary>
public sealed class MilestonesService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceResult> AddAsync(UserAccess actor, Guid actionId, string? title, DateOnly? dueDate, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(actor, actionId, draftOnly: true, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        var problems = new List<FieldProblem>();
        if (Texts.Clean(title) is not { } clean || Texts.Exceeds(clean, Milestone.TitleMaxLength))
        {
            problems.Add(new("Title", $"Enter the milestone, in {Milestone.TitleMaxLength} characters or fewer, such as All reviews booked"));
        }

        if (dueDate is not { } due)
        {
            problems.Add(new("DueDate", "Enter the day the milestone is due"));
        }
        else if (due < found.Action.StartDate || due > found.Action.DueDate)
        {
            problems.Add(new("DueDate", $"The milestone must fall within the action's dates: {Dates.Written(found.Action.StartDate)} to {Dates.Written(found.Action.DueDate)}"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var milestone = new Milestone { ActionId = actionId, Title = Texts.Clean(title)!, DueDate = dueDate!.Value };
        db.Milestones.Add(milestone);
        audit.Record(actor, "milestone.added", "improvement-action", actionId, found.OrganisationId, null, new { found.Action.Number, milestone.Title, milestone.DueDate });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(milestone.Id);
    }

    /// <summary>Ticks a milestone off as reached; ticking one already done changes nothing.</summary>
    public async Task<ServiceResult> TickAsync(UserAccess actor, Guid actionId, Guid milestoneId, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(actor, actionId, draftOnly: false, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.ActionId == actionId, cancellationToken);
        if (milestone is null)
        {
            return ServiceResult.NotFound;
        }

        if (milestone.DoneAt is null)
        {
            milestone.DoneAt = clock.GetUtcNow().UtcDateTime;
            milestone.DoneById = actor.UserId;
            audit.Record(actor, "milestone.done", "improvement-action", actionId, found.OrganisationId, null, new { found.Action.Number, milestone.Title });
            await db.SaveChangesAsync(cancellationToken);
        }

        return ServiceResult.Done(milestone.Id);
    }

    public async Task<ServiceResult> RemoveAsync(UserAccess actor, Guid actionId, Guid milestoneId, CancellationToken cancellationToken)
    {
        var (found, refusal) = await FindAsync(actor, actionId, draftOnly: true, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.ActionId == actionId, cancellationToken);
        if (milestone is null)
        {
            return ServiceResult.NotFound;
        }

        db.Milestones.Remove(milestone);
        audit.Record(actor, "milestone.removed", "improvement-action", actionId, found.OrganisationId, new { found.Action.Number, milestone.Title }, null);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(milestone.Id);
    }

    private Task<(ChangeableAction? Found, ServiceResult? Refusal)> FindAsync(UserAccess actor, Guid actionId, bool draftOnly, CancellationToken cancellationToken) =>
        ChangeableActions.FindAsync(db, actor, actionId, draftOnly ? "The plan is approved, so its milestones are fixed: tick them off as they are reached, or revise the plan" : null, cancellationToken);
}
