using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// The ImprovementPlans module's part of /api/v1: the plans a user sees, one plan whole, and progress posted by another
/// system, with the same rules and messages as the pages.
/// </summary>
public static class ImprovementPlansApi
{
    public static RouteGroupBuilder MapImprovementPlansApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Improvement plans");
        group.MapGet("/improvement-plans", ListAsync).WithName("ListImprovementPlans")
            .WithSummary("The improvement plans you may see")
            .Produces<List<PlanSummary>>();
        group.MapGet("/improvement-plans/{id:guid}", GetAsync).WithName("GetImprovementPlan")
            .WithSummary("One improvement plan: its actions with the findings they answer, milestones, progress updates and PDSA cycles")
            .Produces<PlanDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/improvement-plans/{id:guid}/actions/{actionId:guid}/updates", PostUpdateAsync).WithName("PostImprovementActionUpdate")
            .WithSummary("Posts a progress update on an action (its owner or the plan's managers); updates are never changed afterwards")
            .Produces<UpdateResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var plans = await ImprovementPlanAccess.Visible(db, access)
            .Select(p => new { p.Id, p.OrganisationId, p.Title, p.PeriodStart, p.PeriodEnd, p.State, p.SelfEvaluationId, Actions = p.Actions.Count })
            .ToListAsync(cancellationToken);
        return Results.Ok(plans.OrderBy(p => p.PeriodStart).ThenBy(p => p.Title, StringComparer.Ordinal)
            .Select(p => new PlanSummary(p.Id, p.OrganisationId, p.Title, p.PeriodStart, p.PeriodEnd, p.State.ToString(), p.SelfEvaluationId, p.Actions)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, CurrentUser current, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var plan = await ImprovementPlanAccess.Visible(db, access).AsNoTracking()
            .Include(p => p.Actions).ThenInclude(a => a.Sources)
            .Include(p => p.Actions).ThenInclude(a => a.Milestones)
            .Include(p => p.Actions).ThenInclude(a => a.Updates)
            .Include(p => p.Actions).ThenInclude(a => a.Cycles)
            .Include(p => p.Approvals)
            .AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (plan is null)
        {
            return ApiResults.NotFound(Wording);
        }

        var today = Dates.LondonToday(clock);
        return Results.Ok(new PlanDetail(plan.Id, plan.OrganisationId, plan.Title, plan.PeriodStart, plan.PeriodEnd, plan.State.ToString(), plan.SelfEvaluationId,
            plan.Approvals.OrderBy(a => a.Revision).Select(a => new ApprovalResponse(a.Revision, a.At, a.ApprovedById)).ToList(),
            plan.Actions.OrderBy(a => a.Number).Select(a => new ActionResponse(
                a.Id, a.Number, a.Description, a.Outcome, a.OwnerId, a.StartDate, a.DueDate, a.Priority.ToString(), a.Status.ToString(),
                ActionRag.Of(a.Status, a.DueDate, today).ToString(), a.StatusReason, a.SuccessMeasure, a.IndicatorId, a.IndicatorTarget,
                a.Sources.Select(s => new SourceResponse(s.Kind.ToString(), s.QiEvaluationId, s.Text)).ToList(),
                a.Milestones.OrderBy(m => m.DueDate).Select(m => new MilestoneResponse(m.Id, m.Title, m.DueDate, m.DoneAt)).ToList(),
                a.Updates.OrderBy(u => u.At).Select(ToResponse).ToList(),
                a.Cycles.OrderBy(c => c.Number).Select(c => new CycleResponse(c.Id, c.Number, c.Change, c.Prediction, c.Measure, c.WhatHappened, c.Result,
                    c.Decision?.ToString(), c.DecisionNotes, c.StartedAt, c.DecidedAt)).ToList())).ToList()));
    }

    private static async Task<IResult> PostUpdateAsync(Guid id, Guid actionId, UpdateRequest request, CurrentUser current, PlanActionsService actions, AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!await ImprovementPlanAccess.Visible(db, access).AnyAsync(p => p.Id == id && p.Actions.Any(a => a.Id == actionId), cancellationToken))
        {
            return ApiResults.NotFound(Wording);
        }

        ActionStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            if (!Enum.TryParse<ActionStatus>(request.Status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(request.Status, out _))
            {
                return ApiResults.Problems(StatusCodes.Status400BadRequest,
                    [new("Status", $"Give the status as one of {string.Join(", ", Enum.GetNames<ActionStatus>())}, or leave it out to keep it")], Wording);
            }

            status = parsed;
        }

        var result = await actions.PostUpdateAsync(access, actionId, new UpdateInput(request.Narrative, status, request.StatusReason, request.EvidenceItemId, request.CorrectsId), cancellationToken);
        if (result.Outcome == ServiceOutcome.Locked)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The plan is closed", detail: result.FirstMessage("The plan is closed: its actions can no longer change"));
        }

        return await result.AnswerAsync(async done =>
        {
            var update = await db.ActionUpdates.AsNoTracking().SingleAsync(u => u.Id == done.Id, cancellationToken);
            return Results.Created($"/api/v1/improvement-plans/{id}/actions/{actionId}/updates/{update.Id}", ToResponse(update));
        }, Wording);
    }

    private static UpdateResponse ToResponse(ActionUpdate u) =>
        new(u.Id, u.At, u.AuthorId, u.Narrative, u.StatusFrom?.ToString(), u.StatusTo?.ToString(), u.StatusReason, u.EvidenceItemId, u.CorrectsId);

    private static readonly ApiWording Wording = new(
        NotSaved: "The update was not saved",
        NotFound: "There is no improvement plan or action with that id that you may see.",
        Forbidden: "Only the action's owner and the council's administrators and evaluation leads post its progress.");

    /// <summary>A progress update. Status is left out to keep it, or one of NotStarted, OnTrack, AtRisk, OffTrack, Complete, Superseded.</summary>
    public sealed record UpdateRequest(string? Narrative, string? Status, string? StatusReason, Guid? EvidenceItemId, Guid? CorrectsId);

    public sealed record PlanSummary(Guid Id, Guid OrganisationId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, string State, Guid? SelfEvaluationId, int Actions);

    public sealed record PlanDetail(Guid Id, Guid OrganisationId, string Title, DateOnly PeriodStart, DateOnly PeriodEnd, string State, Guid? SelfEvaluationId,
        IReadOnlyList<ApprovalResponse> Approvals, IReadOnlyList<ActionResponse> Actions);

    public sealed record ApprovalResponse(int Revision, DateTime At, Guid ApprovedById);

    public sealed record ActionResponse(Guid Id, int Number, string Description, string? Outcome, Guid OwnerId, DateOnly StartDate, DateOnly DueDate, string Priority,
        string Status, string Rag, string? StatusReason, string? SuccessMeasure, Guid? IndicatorId, decimal? IndicatorTarget,
        IReadOnlyList<SourceResponse> Answers, IReadOnlyList<MilestoneResponse> Milestones, IReadOnlyList<UpdateResponse> Updates, IReadOnlyList<CycleResponse> Cycles);

    public sealed record SourceResponse(string Kind, Guid? QiEvaluationId, string Text);

    public sealed record MilestoneResponse(Guid Id, string Title, DateOnly DueDate, DateTime? DoneAt);

    public sealed record UpdateResponse(Guid Id, DateTime At, Guid AuthorId, string Narrative, string? StatusFrom, string? StatusTo, string? StatusReason, Guid? EvidenceItemId, Guid? CorrectsId);

    public sealed record CycleResponse(Guid Id, int Number, string Change, string Prediction, string Measure, string? WhatHappened, string? Result, string? Decision,
        string? DecisionNotes, DateTime StartedAt, DateTime? DecidedAt);
}
