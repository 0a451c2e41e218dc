using Pif.Web.Data;

namespace Pif.Web.Modules.NationalOutcomes;

/// <summary>The NationalOutcomes module's part of /api/v1: the national outcome sets.</summary>
public static class NationalOutcomesApi
{
    public static RouteGroupBuilder MapNationalOutcomesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGroup("").WithTags("Outcomes").MapGet("/outcome-sets", SetsAsync).WithName("ListOutcomeSets")
            .WithSummary("The national outcome sets, newest first, each with its outcomes by number")
            .Produces<IReadOnlyList<SetResponse>>();
        return api;
    }

    private static async Task<IResult> SetsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        Results.Ok((await OutcomeSets.AllAsync(db, cancellationToken))
            .Select(s => new SetResponse(s.Id, s.Code, s.Title, s.Year, s.Source, [.. s.Outcomes.Select(o => new OutcomeResponse(o.Id, o.Number, o.Title, o.Statement))])).ToList());

    public sealed record SetResponse(Guid Id, string Code, string Title, int Year, string? Source, IReadOnlyList<OutcomeResponse> Outcomes);

    public sealed record OutcomeResponse(Guid Id, int Number, string Title, string Statement);
}
