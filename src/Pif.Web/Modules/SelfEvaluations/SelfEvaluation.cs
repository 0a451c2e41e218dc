namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// A council's evaluation of its services against one pinned framework version: the QIs in scope,
/// who writes on each, and the state it has reached (DOMAIN.md section 5).
/// </summary>
public sealed class SelfEvaluation
{
    public const int TitleMaxLength = 200;
    public const int ReasonMaxLength = 4000;
    public const int SummaryMaxLength = 10000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid OrganisationId { get; init; }

    public required string Title { get; set; }

    /// <summary>The framework version it is judged against; pinned for good, whatever is published later.</summary>
    public required Guid FrameworkVersionId { get; init; }

    public ServiceAreas ServiceAreas { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>Past its due date and not yet submitted.</summary>
    public static bool IsOverdue(SelfEvaluationState state, DateOnly dueDate, DateOnly today) =>
        state is SelfEvaluationState.Draft or SelfEvaluationState.InProgress && today > dueDate;

    /// <summary>The named lead: moves it through its states, assigns QIs and agrees grades.</summary>
    public required Guid LeadUserId { get; set; }

    public SelfEvaluationState State { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>When it was first submitted: from then on its link inspector may read it.</summary>
    public DateTime? FirstSubmittedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>How many times it has been submitted; validation decisions and comments say which submission they were made on.</summary>
    public int Submissions { get; set; }

    /// <summary>When the link inspector last returned it to the council, and why.</summary>
    public DateTime? ReturnedAt { get; set; }

    public string? ReturnReason { get; set; }

    /// <summary>The validation summary (the validation letter): what was strong in how the council evaluated itself.</summary>
    public string? ValidationStrengths { get; set; }

    /// <summary>The validation summary: what to improve in how the council evaluates itself.</summary>
    public string? ValidationImprovements { get; set; }

    public DateTime? ValidatedAt { get; set; }

    public Guid? ValidatedById { get; set; }

    public DateTime? PublishedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>
    /// When anything in it was last written. Every write sets it first, in its transaction and only in
    /// the states that allow the write, so writes and state changes take turns on this row.
    /// </summary>
    public DateTime? LastWrittenAt { get; set; }

    public List<QiEvaluation> QiEvaluations { get; init; } = [];

    /// <summary>
    /// The submission validation decisions are made on now: the latest once submitted; after a return, the next
    /// one, so the returned submission's decisions read as earlier ones.
    /// </summary>
    public static int DecidingSubmission(SelfEvaluationState state, int submissions) =>
        state is SelfEvaluationState.Draft or SelfEvaluationState.InProgress ? submissions + 1 : submissions;
}

public enum SelfEvaluationState
{
    Draft,
    InProgress,
    Submitted,
    Validated,
    Published,
}

/// <summary>The service areas a self-evaluation covers (DOMAIN.md section 5).</summary>
[Flags]
public enum ServiceAreas
{
    None = 0,
    ChildrenAndFamilies = 1,
    AdultServices = 2,
    JusticeSocialWork = 4,
    WholeService = 8,
}

/// <summary>One QI within one self-evaluation: its assignees, their contributions, and the agreed record.</summary>
public sealed class QiEvaluation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SelfEvaluationId { get; init; }

    public required Guid QualityIndicatorId { get; init; }

    /// <summary>The QI's code, kept so evaluations compare QI by QI across framework versions.</summary>
    public required string QiCode { get; init; }

    public int Position { get; init; }

    public List<QiAssignment> Assignments { get; init; } = [];

    public List<EvaluationRecord> Records { get; init; } = [];

    /// <summary>The support and challenge thread, oldest first.</summary>
    public List<QiComment> Comments { get; init; } = [];

    public List<ValidationDecision> Decisions { get; init; } = [];
}

/// <summary>A contributor assigned to write on a QI.</summary>
public sealed class QiAssignment
{
    public Guid QiEvaluationId { get; init; }

    public required Guid UserId { get; init; }
}

/// <summary>
/// A contributor's evaluation of a QI, or the lead's agreed record: the same shape either way
/// (the three questions, strengths and areas for improvement, a grade, rationale and confidence).
/// </summary>
public sealed class EvaluationRecord
{
    public const int AnswerMaxLength = 10000;
    public const int RationaleMaxLength = 4000;
    public const int ItemMaxLength = 1000;

    /// <summary>Strengths and areas for improvement together: good plans have few priorities.</summary>
    public const int MaxItems = 40;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid QiEvaluationId { get; init; }

    public RecordKind Kind { get; init; }

    /// <summary>The contributor who writes it; null for the agreed record.</summary>
    public Guid? AuthorId { get; init; }

    public string? HowAreWeDoing { get; set; }

    public string? HowDoWeKnow { get; set; }

    public string? WhatNext { get; set; }

    /// <summary>The proposed grade (a contribution) or the agreed grade (the agreed record), a level of the framework's scale.</summary>
    public int? Grade { get; set; }

    public string? Rationale { get; set; }

    public EvidenceConfidence? Confidence { get; set; }

    /// <summary>A contribution its author has marked complete.</summary>
    public bool IsComplete { get; set; }

    /// <summary>For the agreed record: why the lead agreed this grade.</summary>
    public string? GradeReason { get; set; }

    /// <summary>For the agreed record: the contribution it was started from, if any.</summary>
    public Guid? StartedFromId { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid? UpdatedById { get; set; }

    /// <summary>Set by the app on every save, so a second save from the same starting point is caught.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<RecordItem> Items { get; init; } = [];

    /// <summary>Nothing written and no grade: an agreed record saved empty before that was refused reads as not started.</summary>
    public bool IsEmpty => HowAreWeDoing is null && HowDoWeKnow is null && WhatNext is null && Grade is null && Rationale is null && Items.Count == 0;
}

public enum RecordKind
{
    Contribution,
    Agreed,
}

public enum EvidenceConfidence
{
    Low,
    Medium,
    High,
}

/// <summary>A strength or an area for improvement, as a separate item in order.</summary>
public sealed class RecordItem
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid RecordId { get; init; }

    public ItemKind Kind { get; init; }

    public required string Text { get; set; }

    public int Position { get; set; }
}

public enum ItemKind
{
    Strength,
    AreaForImprovement,
}
