namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// One message in a QI evaluation's support and challenge thread: the link inspector's support or
/// challenge, or a reply from the council. The thread stays with the QI evaluation through returns
/// and resubmission.
/// </summary>
public sealed class QiComment
{
    public const int TextMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid QiEvaluationId { get; init; }

    public required Guid AuthorId { get; init; }

    public CommentKind Kind { get; init; }

    public required string Text { get; init; }

    public DateTime At { get; init; }

    /// <summary>Which submission of the self-evaluation it was written on (0 before the first).</summary>
    public int Submission { get; init; }
}

/// <summary>When a person last read a QI's support and challenge thread, so their home page can say what is new since.</summary>
public sealed class QiThreadRead
{
    public Guid UserId { get; init; }

    public Guid QiEvaluationId { get; init; }

    public DateTime At { get; set; }
}

public enum CommentKind
{
    Support,
    Challenge,
    Reply,
}

/// <summary>
/// The link inspector's decision on one QI for one submission: agree with the council's grade, or
/// a different grade with reasons. Decisions on an earlier submission are kept and read as such.
/// </summary>
public sealed class ValidationDecision
{
    public const int ReasonsMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid QiEvaluationId { get; init; }

    /// <summary>The submission it was made on; one decision per QI evaluation and submission.</summary>
    public int Submission { get; init; }

    public bool Agrees { get; set; }

    /// <summary>The validated grade: the council's agreed grade when the inspector agrees.</summary>
    public int Grade { get; set; }

    /// <summary>The council's agreed grade that the decision was made on.</summary>
    public int AgreedGrade { get; set; }

    public string? Reasons { get; set; }

    public required Guid InspectorId { get; set; }

    public DateTime DecidedAt { get; set; }

    /// <summary>Set when the inspector recorded an earlier submission's decision again, unchanged: which submission it came from.</summary>
    public int? CarriedFromSubmission { get; set; }
}
