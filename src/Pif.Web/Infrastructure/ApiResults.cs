namespace Pif.Web.Infrastructure;

/// <summary>How one API names its refusals.</summary>
/// <param name="NotSaved">The title of a 400, such as "The evidence was not saved".</param>
/// <param name="NotFound">The detail of a 404.</param>
/// <param name="Forbidden">The detail of a 403.</param>
/// <param name="Again">What the client does once it has fixed the problems, such as "send it again".</param>
/// <param name="Paths">Whether problems name JSON paths in a document (as "path") rather than request fields (as "field").</param>
public sealed record ApiWording(string NotSaved, string NotFound, string Forbidden, string Again = "send it again", bool Paths = false);

/// <summary>
/// Turns a <see cref="ServiceResult"/> into an API response: ProblemDetails (RFC 9457) for every
/// refusal, with the problems listed under "problems" for a 400.
/// </summary>
public static class ApiResults
{
    public static IResult Answer(this ServiceResult result, Func<ServiceResult, IResult> done, ApiWording wording)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(done);
        return result.Succeeded ? done(result) : Refusal(result, wording);
    }

    public static async Task<IResult> AnswerAsync(this ServiceResult result, Func<ServiceResult, Task<IResult>> done, ApiWording wording)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(done);
        return result.Succeeded ? await done(result) : Refusal(result, wording);
    }

    public static IResult Refusal(ServiceResult result, ApiWording wording)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(wording);
        return result.Outcome switch
        {
            ServiceOutcome.NotFound => NotFound(wording),
            ServiceOutcome.Forbidden => Forbidden(wording),
            ServiceOutcome.Stale => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: result.FirstMessage("Someone else changed this at the same time. Nothing was saved: read it again, then send your change")),
            _ => Problems(StatusCodes.Status400BadRequest, result.Problems, wording),
        };
    }

    public static IResult NotFound(ApiWording wording) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: wording?.NotFound);

    public static IResult Forbidden(ApiWording wording) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: wording?.Forbidden);

    /// <summary>A refusal listing what to fix: nothing was saved.</summary>
    public static IResult Problems(int status, IReadOnlyList<FieldProblem> problems, ApiWording wording)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(wording);
        return Results.Problem(
            statusCode: status,
            title: wording.NotSaved,
            detail: $"Nothing was saved. Fix the {(problems.Count == 1 ? "problem" : $"{problems.Count} problems")} listed and {wording.Again}.",
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = problems.Select(p => wording.Paths
                    ? (object)new { path = p.Field, message = p.Message }
                    : new { field = p.Field.Length > 0 ? char.ToLowerInvariant(p.Field[0]) + p.Field[1..] : p.Field, message = p.Message }).ToList(),
            });
    }
}
