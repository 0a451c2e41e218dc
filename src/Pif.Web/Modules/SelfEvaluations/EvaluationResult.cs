namespace Pif.Web.Modules.SelfEvaluations;

public enum EvaluationOutcome
{
    Done,

    /// <summary>The input or the state breaks a rule; the problems say which and where.</summary>
    Invalid,
    NotFound,
    Forbidden,

    /// <summary>Someone else saved the same record first; nothing was overwritten.</summary>
    Stale,
}

/// <summary>A problem with the form field it concerns (empty for the whole page).</summary>
public sealed record EvaluationProblem(string Field, string Message);

/// <summary>What a self-evaluation service method did, and if it refused, why.</summary>
public sealed record EvaluationResult(EvaluationOutcome Outcome, IReadOnlyList<EvaluationProblem> Problems, Guid? Id = null)
{
    public static readonly EvaluationResult NotFound = new(EvaluationOutcome.NotFound, []);
    public static readonly EvaluationResult Forbidden = new(EvaluationOutcome.Forbidden, []);
    public static readonly EvaluationResult Stale = new(EvaluationOutcome.Stale, []);

    public bool Succeeded => Outcome == EvaluationOutcome.Done;

    /// <summary>How many things it did, where that is worth telling the user.</summary>
    public int Count { get; init; }

    public static EvaluationResult Done(Guid? id = null) => new(EvaluationOutcome.Done, [], id);

    public static EvaluationResult Invalid(string field, string message) => new(EvaluationOutcome.Invalid, [new(field, message)]);

    public static EvaluationResult Invalid(IReadOnlyList<EvaluationProblem> problems) => new(EvaluationOutcome.Invalid, problems);
}
