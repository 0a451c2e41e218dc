namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// A council's improvement plan (DOMAIN.md section 8): what it will do about what its self-evaluation found, as
/// owned, dated actions, each traced back to the areas for improvement it answers.
/// </summary>
public sealed class ImprovementPlan
{
    public const int TitleMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid OrganisationId { get; init; }

    public required string Title { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public PlanState State { get; set; }

    /// <summary>The self-evaluation whose findings it answers, when it was made from one.</summary>
    public Guid? SelfEvaluationId { get; init; }

    public DateTime CreatedAt { get; init; }

    public Guid CreatedById { get; init; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public DateTime? ClosedAt { get; set; }

    public List<PlanAction> Actions { get; init; } = [];

    public List<PlanApproval> Approvals { get; init; } = [];
}

/// <summary>Who approved a plan, when, and which revision of it.</summary>
public sealed class PlanApproval
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    public int Revision { get; init; }

    public DateTime At { get; init; }

    public Guid ApprovedById { get; init; }

    /// <summary>
    /// The plan as it was approved (<see cref="ApprovedVersion"/> as JSON), so the approved revision stays readable
    /// while the next one is worked on.
    /// </summary>
    public string? Content { get; init; }
}

/// <summary>
/// Draft until approved; an approved plan can be revised, and is approved again as its next revision; closed at the
/// end of its work.
/// </summary>
public enum PlanState
{
    Draft,
    Approved,
    Closed,

    /// <summary>Approved, with a next revision being worked on: the approved revision is what stands meanwhile.</summary>
    Revising,
}

public static class PlanStates
{
    /// <summary>Whether the plan's actions' details can change: while it is a draft or a revision is worked on.</summary>
    public static bool DetailsOpen(this PlanState state) => state is PlanState.Draft or PlanState.Revising;
}

/// <summary>One thing the council will do: owned, dated, prioritised, and measured.</summary>
public sealed class PlanAction
{
    public const int DescriptionMaxLength = 2000;
    public const int OutcomeMaxLength = 2000;
    public const int MeasureMaxLength = 1000;
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PlanId { get; init; }

    /// <summary>Its number in the plan ("Action 3"), kept when others are merged away.</summary>
    public int Number { get; init; }

    /// <summary>What will be done.</summary>
    public required string Description { get; set; }

    /// <summary>The outcome for people it aims at.</summary>
    public string? Outcome { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly DueDate { get; set; }

    public ActionPriority Priority { get; set; } = ActionPriority.Medium;

    public ActionStatus Status { get; set; }

    /// <summary>Why an overdue action is still on track: the owner must say, and it is kept.</summary>
    public string? StatusReason { get; set; }

    /// <summary>How the council will know it worked, in words.</summary>
    public string? SuccessMeasure { get; set; }

    /// <summary>The performance indicator that should move, once indicators exist (a reference only for now).</summary>
    public Guid? IndicatorId { get; set; }

    /// <summary>The indicator's target value.</summary>
    public decimal? IndicatorTarget { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<ActionSource> Sources { get; init; } = [];

    public List<ActionUpdate> Updates { get; init; } = [];

    public List<Milestone> Milestones { get; init; } = [];

    public List<PdsaCycle> Cycles { get; init; } = [];
}

/// <summary>
/// A plan-do-study-act cycle testing one change on the way to an action's aim: the change and what it should do,
/// what happened, the result against the prediction, and what the council decided. Read-only once decided.
/// </summary>
public sealed class PdsaCycle
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionId { get; init; }

    /// <summary>Its number among the action's cycles.</summary>
    public int Number { get; init; }

    /// <summary>Plan: the change to test.</summary>
    public required string Change { get; set; }

    /// <summary>Plan: what the council predicts will happen.</summary>
    public required string Prediction { get; set; }

    /// <summary>Plan: how it will know.</summary>
    public required string Measure { get; set; }

    /// <summary>Do: what happened when the change was tried.</summary>
    public string? WhatHappened { get; set; }

    /// <summary>Study: the result against the prediction.</summary>
    public string? Result { get; set; }

    /// <summary>Act: adopt, adapt or abandon the change; recorded last, and the cycle is then read-only.</summary>
    public PdsaDecision? Decision { get; set; }

    public string? DecisionNotes { get; set; }

    public DateTime StartedAt { get; init; }

    public Guid StartedById { get; init; }

    public DateTime? DecidedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public enum PdsaDecision
{
    Adopt,
    Adapt,
    Abandon,
}

/// <summary>A dated step on the way to an action's end, ticked off when reached.</summary>
public sealed class Milestone
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionId { get; init; }

    public required string Title { get; init; }

    public DateOnly DueDate { get; init; }

    public DateTime? DoneAt { get; set; }

    public Guid? DoneById { get; set; }
}

/// <summary>
/// A dated account of an action's progress. Never changed or deleted: a correction is a new update that says
/// which one it corrects.
/// </summary>
public sealed class ActionUpdate
{
    public const int NarrativeMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionId { get; init; }

    public DateTime At { get; init; }

    public Guid AuthorId { get; init; }

    public required string Narrative { get; init; }

    /// <summary>The status before and after, when the update changed it.</summary>
    public ActionStatus? StatusFrom { get; init; }

    public ActionStatus? StatusTo { get; init; }

    /// <summary>Why an overdue action is on track, when the update says it is.</summary>
    public string? StatusReason { get; init; }

    /// <summary>An item of the council's evidence library that shows the progress.</summary>
    public Guid? EvidenceItemId { get; init; }

    /// <summary>The earlier update this one corrects.</summary>
    public Guid? CorrectsId { get; init; }
}

public enum ActionPriority
{
    High,
    Medium,
    Low,
}

public enum ActionStatus
{
    NotStarted,
    OnTrack,
    AtRisk,
    OffTrack,
    Complete,
    Superseded,
}

/// <summary>
/// A finding an action answers: an area for improvement of a QI's agreed record, or a part of the link
/// inspector's validation summary. Its words are kept as they were when the plan was made.
/// </summary>
public sealed class ActionSource
{
    public const int TextMaxLength = 10000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionId { get; init; }

    public SourceKind Kind { get; init; }

    /// <summary>The QI of the self-evaluation, for an area for improvement.</summary>
    public Guid? QiEvaluationId { get; init; }

    /// <summary>The agreed record's item it came from.</summary>
    public Guid? RecordItemId { get; init; }

    public required string Text { get; init; }
}

public enum SourceKind
{
    AreaForImprovement,
    ValidationStrengths,
    ValidationImprovements,
}
