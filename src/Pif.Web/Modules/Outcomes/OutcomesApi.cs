using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Outcomes;

/// <summary>The Outcomes module's part of /api/v1: outcome agreements with their golden threads.</summary>
public static class OutcomesApi
{
    private static readonly ApiWording Wording = new(
        NotSaved: "Nothing was read",
        NotFound: "There is no outcome agreement with that id that you can read.",
        Forbidden: "You may not read outcome agreements.");

    public static RouteGroupBuilder MapOutcomesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Outcomes");
        group.MapGet("/outcome-agreements", AgreementsAsync).WithName("ListOutcomeAgreements")
            .WithSummary("The outcome agreements you can read, of one council when organisation (its id) is given: a council's drafts are read by its administrators and evaluation leads only")
            .Produces<IReadOnlyList<AgreementSummary>>();
        group.MapGet("/outcome-agreements/{id:guid}", AgreementAsync).WithName("GetOutcomeAgreement")
            .WithSummary("One outcome agreement with each local outcome's golden thread: its national outcomes, indicators with the latest figure, direction since the baseline and target status, QIs with their latest grades, actions with their RAG, case studies and progress statements")
            .Produces<AgreementView>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> AgreementsAsync(Guid? organisation, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        return Results.Ok(await AgreementSummary.ListAsync(db, access, organisation, cancellationToken));
    }

    private static async Task<IResult> AgreementAsync(Guid id, CurrentUser current, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var view = await GoldenThread.LoadAsync(db, access, id, null, Dates.LondonToday(clock), cancellationToken, progress: true);
        return view is null ? ApiResults.NotFound(Wording) : Results.Ok(view);
    }

}
