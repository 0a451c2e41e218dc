using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>What a new plan is called and the period it covers.</summary>
public sealed record PlanInput(string? Title, DateOnly? PeriodStart, DateOnly? PeriodEnd);

/// <summary>
/// A council's improvement plans: made from a self-evaluation's findings, one action for each finding ticked, and
/// actions merged where one piece of work answers several findings.
/// </summary>
public sealed class ImprovementPlansService(AppDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    /// <summary>
    /// Makes a draft plan from a submitted, validated or published self-evaluation: one action for each finding
    /// ticked, owned by the person making it and due at the end of the plan's period until they say otherwise.
    /// </summary>
    public async Task<ServiceResult> CreateAsync(UserAccess actor, Guid selfEvaluationId, PlanInput input, IReadOnlyCollection<string> ticked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ticked);
        var source = await PlanSource.LoadAsync(db, actor, selfEvaluationId, cancellationToken);
        if (source is null)
        {
            return ServiceResult.NotFound;
        }

        if (!ImprovementPlanPermissions.Manages(actor, source.OrganisationId))
        {
            return ServiceResult.Forbidden;
        }

        if (source.PlanId is not null)
        {
            return ServiceResult.Invalid("", "This self-evaluation already has an improvement plan: open it from the self-evaluation's page");
        }

        if (!source.Plannable)
        {
            return ServiceResult.Invalid("", "A plan can be made once the self-evaluation has been submitted to the link inspector");
        }

        var problems = Check(input);
        var chosen = source.Candidates.Where(c => ticked.Contains(c.Key)).ToList();
        if (chosen.Count == 0)
        {
            problems.Add(new("Candidates", "Tick at least one area for improvement for the plan to answer"));
        }
        else if (chosen.Count != ticked.Distinct().Count())
        {
            problems.Add(new("Candidates", "Tick only areas for improvement of this self-evaluation"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new ImprovementPlan
        {
            OrganisationId = source.OrganisationId,
            Title = input.Title!.Trim(),
            PeriodStart = input.PeriodStart!.Value,
            PeriodEnd = input.PeriodEnd!.Value,
            SelfEvaluationId = source.SelfEvaluationId,
            CreatedAt = now,
            CreatedById = actor.UserId,
        };
        var number = 0;
        foreach (var candidate in chosen)
        {
            number++;
            plan.Actions.Add(new PlanAction
            {
                PlanId = plan.Id,
                Number = number,
                Description = Texts.Exceeds(candidate.Text, PlanAction.DescriptionMaxLength) ? string.Concat(candidate.Text.AsSpan(0, PlanAction.DescriptionMaxLength - 1), "…") : candidate.Text,
                OwnerId = actor.UserId,
                StartDate = plan.PeriodStart,
                DueDate = plan.PeriodEnd,
                UpdatedAt = now,
                Sources = { Source(candidate) },
            });
        }

        db.ImprovementPlans.Add(plan);
        audit.Record(actor, "improvement-plan.created", "improvement-plan", plan.Id, plan.OrganisationId, null,
            new { plan.Title, plan.PeriodStart, plan.PeriodEnd, selfEvaluation = source.Title, actions = plan.Actions.Count });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone made the plan for this self-evaluation at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            if (await db.ImprovementPlans.AnyAsync(p => p.SelfEvaluationId == selfEvaluationId, cancellationToken))
            {
                return ServiceResult.Invalid("", "This self-evaluation already has an improvement plan: open it from the self-evaluation's page");
            }

            throw;
        }

        return ServiceResult.Done(plan.Id) with { Count = plan.Actions.Count };
    }

    /// <summary>
    /// Merges actions of a draft plan into the first of them (in the plan's order): one piece of work that answers
    /// several findings. It keeps every finding the merged actions answered, and each one's words.
    /// </summary>
    public async Task<ServiceResult> MergeAsync(UserAccess actor, Guid planId, IReadOnlyCollection<Guid> actionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(actionIds);
        var plan = await ImprovementPlanAccess.Visible(db, actor).Include(p => p.Actions).ThenInclude(a => a.Sources)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return ServiceResult.NotFound;
        }

        if (!ImprovementPlanPermissions.Manages(actor, plan.OrganisationId))
        {
            return ServiceResult.Forbidden;
        }

        if (!plan.State.DetailsOpen())
        {
            return ServiceResult.Locked("Actions can be merged only while the plan is a draft or being revised");
        }

        var merged = plan.Actions.Where(a => actionIds.Contains(a.Id)).OrderBy(a => a.Number).ToList();
        if (merged.Count < 2 || merged.Count != actionIds.Distinct().Count())
        {
            return ServiceResult.Invalid("Actions", "Tick two or more actions of this plan to merge them into one");
        }

        // What hangs off an action merged away would be lost with it: say so rather than lose it.
        var removed = merged.Skip(1).Select(a => a.Id).ToList();
        foreach (var (holders, message) in new[]
        {
            (db.ActionUpdates.Where(u => removed.Contains(u.ActionId)).Select(u => u.ActionId), "has progress updates, which are kept: mark it superseded instead of merging it away"),
            (db.PdsaCycles.Where(c => removed.Contains(c.ActionId)).Select(c => c.ActionId), "has PDSA cycles, which are kept: mark it superseded instead of merging it away"),
            (db.Milestones.Where(m => removed.Contains(m.ActionId)).Select(m => m.ActionId), "has milestones: remove them, or add them to the action it would merge into, first"),
        })
        {
            var held = await holders.Distinct().ToListAsync(cancellationToken);
            if (held.Count > 0)
            {
                return ServiceResult.Invalid("Actions", $"Action {merged.First(a => held.Contains(a.Id)).Number} {message}");
            }
        }

        var kept = merged[0];
        var before = merged.Select(a => a.Number).ToList();
        var description = string.Join("\n", merged.Select(a => a.Description).Distinct(StringComparer.Ordinal));
        kept.Description = Texts.Exceeds(description, PlanAction.DescriptionMaxLength) ? kept.Description : description;
        foreach (var other in merged.Skip(1))
        {
            foreach (var source in other.Sources)
            {
                kept.Sources.Add(new ActionSource { ActionId = kept.Id, Kind = source.Kind, QiEvaluationId = source.QiEvaluationId, RecordItemId = source.RecordItemId, Text = source.Text });
            }

            plan.Actions.Remove(other);
        }

        kept.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        kept.ConcurrencyStamp = Guid.NewGuid();
        plan.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "improvement-plan.actions-merged", "improvement-plan", plan.Id, plan.OrganisationId, null, new { plan.Title, merged = before, into = kept.Number });
        return await db.SaveOrStaleAsync(kept.Id, cancellationToken) with { Count = merged.Count };
    }

    /// <summary>
    /// Approves a draft plan: its actions become the council's commitments, seen by all its members and its link
    /// inspector. Their details are then fixed; their owners post progress.
    /// </summary>
    public Task<ServiceResult> ApproveAsync(UserAccess actor, Guid planId, Guid? stamp, CancellationToken cancellationToken) =>
        MoveAsync(actor, planId, stamp, [PlanState.Draft, PlanState.Revising], PlanState.Approved, cancellationToken);

    /// <summary>
    /// Starts the next revision of an approved plan: its actions' details can change again, while the approved
    /// revision stays what the council is held to, and readable, until the new one is approved.
    /// </summary>
    public Task<ServiceResult> ReviseAsync(UserAccess actor, Guid planId, Guid? stamp, CancellationToken cancellationToken) =>
        MoveAsync(actor, planId, stamp, [PlanState.Approved], PlanState.Revising, cancellationToken);

    /// <summary>Closes an approved plan at the end of its work: nothing in it changes afterwards.</summary>
    public Task<ServiceResult> CloseAsync(UserAccess actor, Guid planId, Guid? stamp, CancellationToken cancellationToken) =>
        MoveAsync(actor, planId, stamp, [PlanState.Approved], PlanState.Closed, cancellationToken);

    private async Task<ServiceResult> MoveAsync(UserAccess actor, Guid planId, Guid? stamp, PlanState[] from, PlanState to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var plan = await ImprovementPlanAccess.Visible(db, actor).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return ServiceResult.NotFound;
        }

        if (!ImprovementPlanPermissions.Manages(actor, plan.OrganisationId))
        {
            return ServiceResult.Forbidden;
        }

        if (!from.Contains(plan.State) || stamp != plan.ConcurrencyStamp)
        {
            return ServiceResult.StaleBecause("", $"The plan is {ImprovementPlanWording.State(plan.State).ToLowerInvariant()} now: someone else changed it first");
        }

        if (to == PlanState.Approved && !await db.PlanActions.AnyAsync(a => a.PlanId == planId, cancellationToken))
        {
            return ServiceResult.Invalid("", "A plan needs at least one action before it can be approved");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var was = plan.State;
        plan.State = to;
        plan.ConcurrencyStamp = Guid.NewGuid();
        int? revision = null;
        if (to == PlanState.Approved)
        {
            revision = await db.PlanApprovals.CountAsync(a => a.PlanId == planId, cancellationToken) + 1;
            var version = await ApprovedVersion.CaptureAsync(db, plan, revision.Value, now, actor.UserId, cancellationToken);
            db.PlanApprovals.Add(new PlanApproval { PlanId = planId, Revision = revision.Value, At = now, ApprovedById = actor.UserId, Content = version.ToJson() });
            var owners = await db.PlanActions.Where(a => a.PlanId == planId).Select(a => a.OwnerId).Distinct().ToListAsync(cancellationToken);
            await notifier.NotifyAsync(NotificationKind.PlanApproved, owners,
                $"\"{plan.Title}\" was approved{(revision > 1 ? $" (revision {revision})" : "")}: the actions you own in it are now the council's commitments.",
                $"/improvement-plans/{plan.Id}", plan.OrganisationId, actor.UserId, cancellationToken);
        }
        else if (to == PlanState.Closed)
        {
            plan.ClosedAt = now;
        }

        audit.Record(actor, "improvement-plan.state-changed", "improvement-plan", plan.Id, plan.OrganisationId, new { plan.Title, state = was.ToString() }, new { plan.Title, state = to.ToString(), revision });
        return await db.SaveOrStaleAsync(plan.Id, cancellationToken);
    }

    private static List<FieldProblem> Check(PlanInput input)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(input.Title) || Texts.Exceeds(input.Title.Trim(), ImprovementPlan.TitleMaxLength))
        {
            problems.Add(new("Title", $"Enter a title of {ImprovementPlan.TitleMaxLength} characters or fewer, such as Improvement plan 2026 to 2027"));
        }

        if (input.PeriodStart is null)
        {
            problems.Add(new("PeriodStart", "Enter the first day of the period the plan covers"));
        }

        if (input.PeriodEnd is null)
        {
            problems.Add(new("PeriodEnd", "Enter the last day of the period the plan covers"));
        }
        else if (input.PeriodStart is { } start && input.PeriodEnd <= start)
        {
            problems.Add(new("PeriodEnd", "The plan's period must end after the day it starts"));
        }

        return problems;
    }

    private static ActionSource Source(PlanCandidate candidate) => new()
    {
        Kind = candidate.Kind,
        QiEvaluationId = candidate.QiEvaluationId,
        RecordItemId = candidate.ItemId,
        Text = candidate.Text,
    };
}
