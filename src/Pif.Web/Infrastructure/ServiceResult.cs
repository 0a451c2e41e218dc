namespace Pif.Web.Infrastructure;

public enum ServiceOutcome
{
    Done,

    /// <summary>The input or the state breaks a rule; the problems say which and where.</summary>
    Invalid,
    NotFound,
    Forbidden,

    /// <summary>Someone else saved the same record first; nothing was overwritten.</summary>
    Stale,

    /// <summary>The record can no longer change (a published framework version, a closed step).</summary>
    Locked,
}

/// <summary>
/// A problem with the form field (or, for a document, the JSON path) it concerns; an empty
/// field, or one starting with '$', concerns the whole page or document.
/// </summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// What a service method did, and if it refused, why: the one result every module's services
/// return. Pages answer it with <see cref="PageResults"/>, API endpoints with <see cref="ApiResults"/>.
/// </summary>
public sealed record ServiceResult(ServiceOutcome Outcome, IReadOnlyList<FieldProblem> Problems, Guid? Id = null)
{
    public static readonly ServiceResult NotFound = new(ServiceOutcome.NotFound, []);
    public static readonly ServiceResult Forbidden = new(ServiceOutcome.Forbidden, []);

    /// <summary>Stale with nothing more to say: the page reads what is saved now and says so.</summary>
    public static readonly ServiceResult Stale = new(ServiceOutcome.Stale, []);

    public bool Succeeded => Outcome == ServiceOutcome.Done;

    /// <summary>Someone else saved first: the page shows what is saved now beside what the user typed.</summary>
    public bool IsStale => Outcome == ServiceOutcome.Stale;

    /// <summary>How many things it did, where that is worth telling the user.</summary>
    public int Count { get; init; }

    /// <summary>The first problem's message, or <paramref name="otherwise"/> when there is none.</summary>
    public string FirstMessage(string otherwise) => Problems.Count > 0 ? Problems[0].Message : otherwise;

    public static ServiceResult Done(Guid? id = null) => new(ServiceOutcome.Done, [], id);

    public static ServiceResult Invalid(string field, string message) => new(ServiceOutcome.Invalid, [new(field, message)]);

    public static ServiceResult Invalid(IReadOnlyList<FieldProblem> problems) => new(ServiceOutcome.Invalid, problems);

    /// <summary>Stale, saying what is saved now (the message goes next to <paramref name="field"/>).</summary>
    public static ServiceResult StaleBecause(string field, string message) => new(ServiceOutcome.Stale, [new(field, message)]);

    public static ServiceResult Locked(string message) => new(ServiceOutcome.Locked, [new("$", message)]);
}
