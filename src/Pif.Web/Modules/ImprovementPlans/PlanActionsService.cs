using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>An action's details as a form or the API sends them.</summary>
public sealed record ActionInput(
    string? Description, string? Outcome, Guid? OwnerId, DateOnly? StartDate, DateOnly? DueDate,
    ActionPriority? Priority, ActionStatus? Status, string? StatusReason, string? SuccessMeasure);

/// <summary>A progress update as a form or the API sends it.</summary>
public sealed record UpdateInput(string? Narrative, ActionStatus? Status, string? StatusReason, Guid? EvidenceItemId, Guid? CorrectsId);

/// <summary>
/// Changes an action's details: its owner and the plan's managers. A second save from the same starting point is
/// refused, nothing overwritten; a closed plan refuses every change.
/// </summary>
public sealed class PlanActionsService(AppDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public async Task<ServiceResult> UpdateAsync(UserAccess actor, Guid actionId, Guid? stamp, ActionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var (found, refusal) = await ChangeableActions.FindAsync(db, actor, actionId,
            "The plan is approved, so its actions' details are fixed: post an update to record progress or a change of status, or revise the plan", cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        var action = found.Action;

        if (stamp != action.ConcurrencyStamp)
        {
            return ServiceResult.Stale;
        }

        var today = Dates.LondonToday(clock);
        var ownerInCouncil = input.OwnerId is not { } owner || await CouncilMembers.WhoOwnWork(db, found.OrganisationId).AnyAsync(u => u.Id == owner, cancellationToken);
        var problems = Check(input, today, ownerInCouncil);
        if (input.StartDate is { } start && input.DueDate is { } due && due >= start
            && await db.Milestones.Where(m => m.ActionId == actionId && (m.DueDate < start || m.DueDate > due)).OrderBy(m => m.DueDate).FirstOrDefaultAsync(cancellationToken) is { } outside)
        {
            problems.Add(new("DueDate", $"The milestone “{outside.Title}” is due on {Dates.Written(outside.DueDate)}: keep the action's dates around its milestones, or remove it first"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var before = Snapshot(action);
        var ownerBefore = action.OwnerId;
        action.Description = Texts.Clean(input.Description)!;
        action.Outcome = Texts.Clean(input.Outcome);
        action.OwnerId = input.OwnerId!.Value;
        action.StartDate = input.StartDate!.Value;
        action.DueDate = input.DueDate!.Value;
        action.Priority = input.Priority!.Value;
        action.Status = input.Status!.Value;
        action.StatusReason = ReasonNeeded(input, today) ? Texts.Clean(input.StatusReason) : null;
        action.SuccessMeasure = Texts.Clean(input.SuccessMeasure);
        action.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        action.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "improvement-action.changed", "improvement-action", action.Id, found.OrganisationId, before, Snapshot(action));
        if (action.OwnerId != ownerBefore)
        {
            await notifier.NotifyAsync(NotificationKind.ActionAssigned, [action.OwnerId],
                $"You were made the owner of action {action.Number}, \"{Texts.Shortened(action.Description, 200)}\", due on {Dates.Written(action.DueDate)}.",
                $"/improvement-plans/{action.PlanId}/actions/{action.Id}", found.OrganisationId, actor.UserId, cancellationToken);
        }

        return await db.SaveOrStaleAsync(action.Id, cancellationToken);
    }

    /// <summary>
    /// Adds a dated progress update, which may change the action's status (an overdue action said to be on track
    /// needs a reason) and point to an item of the council's evidence library. Updates are never changed: a
    /// correction is a new update that names the one it corrects.
    /// </summary>
    public async Task<ServiceResult> PostUpdateAsync(UserAccess actor, Guid actionId, UpdateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var (found, refusal) = await ChangeableActions.FindAsync(db, actor, actionId, null, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        var action = found.Action;

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Dates.LondonToday(clock);
        var problems = new List<FieldProblem>();
        if (Texts.Clean(input.Narrative) is not { } narrative || Texts.Exceeds(narrative, ActionUpdate.NarrativeMaxLength))
        {
            problems.Add(new("Narrative", $"Write what has happened since the last update, in {ActionUpdate.NarrativeMaxLength:N0} characters or fewer"));
        }

        var changes = input.Status is { } status && status != action.Status;
        if (input.Status is { } given && !Enum.IsDefined(given))
        {
            problems.Add(new("Status", "Choose the action's status, or leave it as it is"));
        }
        else if ((input.Status ?? action.Status) == ActionStatus.OnTrack && ActionRag.IsOverdue(ActionStatus.OnTrack, action.DueDate, today) && Texts.Clean(input.StatusReason) is null)
        {
            problems.Add(new("StatusReason", $"The action was due on {Dates.Written(action.DueDate)}: say why it is still on track"));
        }

        if (Texts.Exceeds(Texts.Clean(input.StatusReason), PlanAction.ReasonMaxLength))
        {
            problems.Add(new("StatusReason", $"Shorten the reason to {PlanAction.ReasonMaxLength:N0} characters or fewer"));
        }

        if (input.EvidenceItemId is { } evidence && !await db.EvidenceItems.AnyAsync(e => e.Id == evidence && e.OrganisationId == found.OrganisationId, cancellationToken))
        {
            problems.Add(new("EvidenceItemId", "Choose evidence from the council's library"));
        }

        if (input.CorrectsId is { } corrects && !await db.ActionUpdates.AnyAsync(u => u.Id == corrects && u.ActionId == actionId, cancellationToken))
        {
            problems.Add(new("CorrectsId", "Choose an earlier update of this action, or none"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var reason = Texts.Clean(input.StatusReason);
        var update = new ActionUpdate
        {
            ActionId = action.Id,
            At = now,
            AuthorId = actor.UserId,
            Narrative = Texts.Clean(input.Narrative)!,
            StatusFrom = changes ? action.Status : null,
            StatusTo = changes ? input.Status : null,
            StatusReason = reason,
            EvidenceItemId = input.EvidenceItemId,
            CorrectsId = input.CorrectsId,
        };
        db.ActionUpdates.Add(update);

        // An update that leaves the status alone does not touch the action, so it never collides with someone
        // changing the action's details at the same moment; one that changes it does, and is refused if it does.
        if (changes || reason is not null)
        {
            action.Status = input.Status ?? action.Status;
            action.StatusReason = reason ?? action.StatusReason;
            action.UpdatedAt = now;
            action.ConcurrencyStamp = Guid.NewGuid();
        }
        audit.Record(actor, "improvement-action.updated", "improvement-action", action.Id, found.OrganisationId, null,
            new { action.Number, status = changes ? action.Status.ToString() : null, corrects = input.CorrectsId is not null ? "yes" : null });
        return await db.SaveOrStaleAsync(update.Id, cancellationToken);
    }

    /// <summary>An owner who says an overdue action is on track must say why.</summary>
    private static bool ReasonNeeded(ActionInput input, DateOnly today) =>
        input.Status == ActionStatus.OnTrack && input.DueDate is { } due && ActionRag.IsOverdue(ActionStatus.OnTrack, due, today);

    /// <summary>What is wrong with the input, in the form's order.</summary>
    private static List<FieldProblem> Check(ActionInput input, DateOnly today, bool ownerInCouncil)
    {
        var problems = new List<FieldProblem>();
        if (Texts.Clean(input.Description) is not { } description || Texts.Exceeds(description, PlanAction.DescriptionMaxLength))
        {
            problems.Add(new("Description", $"Enter what will be done, in {PlanAction.DescriptionMaxLength:N0} characters or fewer"));
        }

        if (Texts.Exceeds(Texts.Clean(input.Outcome), PlanAction.OutcomeMaxLength))
        {
            problems.Add(new("Outcome", $"Shorten the outcome to {PlanAction.OutcomeMaxLength:N0} characters or fewer"));
        }

        if (input.OwnerId is null)
        {
            problems.Add(new("OwnerId", "Choose who owns the action"));
        }
        else if (!ownerInCouncil)
        {
            problems.Add(new("OwnerId", "Choose an owner from the council's users"));
        }

        if (input.StartDate is null)
        {
            problems.Add(new("StartDate", "Enter the day the action starts"));
        }

        if (input.DueDate is null)
        {
            problems.Add(new("DueDate", "Enter the day the action is due"));
        }
        else if (input.StartDate is { } start && input.DueDate < start)
        {
            problems.Add(new("DueDate", "The due date must be on or after the start date"));
        }

        if (input.Priority is not { } priority || !Enum.IsDefined(priority))
        {
            problems.Add(new("Priority", "Choose the action's priority"));
        }

        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            problems.Add(new("Status", "Choose the action's status"));
        }
        else if (ReasonNeeded(input, today) && Texts.Clean(input.StatusReason) is null)
        {
            problems.Add(new("StatusReason", $"The action was due on {Dates.Written(input.DueDate!.Value)}: say why it is still on track"));
        }

        if (Texts.Exceeds(Texts.Clean(input.StatusReason), PlanAction.ReasonMaxLength))
        {
            problems.Add(new("StatusReason", $"Shorten the reason to {PlanAction.ReasonMaxLength:N0} characters or fewer"));
        }

        if (Texts.Exceeds(Texts.Clean(input.SuccessMeasure), PlanAction.MeasureMaxLength))
        {
            problems.Add(new("SuccessMeasure", $"Shorten the measure of success to {PlanAction.MeasureMaxLength:N0} characters or fewer"));
        }

        return problems;
    }

    private static object Snapshot(PlanAction action) => new
    {
        action.Number,
        action.Description,
        action.Outcome,
        action.OwnerId,
        action.StartDate,
        action.DueDate,
        priority = action.Priority.ToString(),
        status = action.Status.ToString(),
        action.StatusReason,
        action.SuccessMeasure,
    };
}
