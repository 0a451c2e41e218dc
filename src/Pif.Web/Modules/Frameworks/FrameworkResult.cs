using Pif.Web.Modules.Frameworks.Documents;

namespace Pif.Web.Modules.Frameworks;

public enum FrameworkOutcome
{
    Done,

    /// <summary>The input breaks a rule; <see cref="FrameworkResult.Problems"/> says which and where.</summary>
    Invalid,
    NotFound,
    Forbidden,

    /// <summary>Someone else saved the same thing first.</summary>
    Stale,

    /// <summary>The version is published or retired, and so never changes.</summary>
    Locked,
}

/// <summary>What a framework service method did, and if it refused, why.</summary>
public sealed record FrameworkResult(FrameworkOutcome Outcome, IReadOnlyList<FrameworkProblem> Problems, Guid? Id = null)
{
    public static readonly FrameworkResult NotFound = new(FrameworkOutcome.NotFound, []);
    public static readonly FrameworkResult Forbidden = new(FrameworkOutcome.Forbidden, []);
    public static readonly FrameworkResult Stale = new(FrameworkOutcome.Stale, []);

    public bool Succeeded => Outcome == FrameworkOutcome.Done;

    public static FrameworkResult Done(Guid? id = null) => new(FrameworkOutcome.Done, [], id);

    public static FrameworkResult Invalid(IReadOnlyList<FrameworkProblem> problems) => new(FrameworkOutcome.Invalid, problems);

    public static FrameworkResult Invalid(string field, string message) => new(FrameworkOutcome.Invalid, [new(field, message)]);

    public static FrameworkResult Locked(int number, FrameworkStatus status) =>
        new(FrameworkOutcome.Locked, [new("$", $"Version {number} is {FrameworkWording.Status(status)}, and only a draft can change. Start a new draft to revise it")]);
}
