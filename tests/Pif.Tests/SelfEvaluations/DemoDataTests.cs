using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.SelfEvaluations;

/// <summary>The demo self-evaluations: realistic at once for a newcomer, the same every time, and within the page budgets at national size.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_GlasgowInProgressWithContributionsAndSomeAgreed_FifeInDraft_AndSeedingTwiceChangesNothing()
    {
        await using var factory = new PifWebFactory();
        await SeedAsync(factory, "demo");
        await SeedAsync(factory, "demo");

        var evaluations = await factory.QueryAsync(db => db.SelfEvaluations
            .Select(s => new { Council = db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(), s.State, Qis = s.QiEvaluations.Count }).ToListAsync());
        Assert.Equal([("Fife", SelfEvaluationState.Draft, 25), ("Glasgow City", SelfEvaluationState.InProgress, 25)],
            evaluations.OrderBy(e => e.Council).Select(e => (e.Council, e.State, e.Qis)));
        Assert.Equal(50, await factory.QueryAsync(db => db.EvaluationRecords.CountAsync(r => r.Kind == RecordKind.Contribution)));
        Assert.Equal(10, await factory.QueryAsync(db => db.EvaluationRecords.CountAsync(r => r.Kind == RecordKind.Agreed && r.Grade != null)));
    }

    [Fact]
    public async Task Demo_IsDeterministic_AcrossDatabases()
    {
        await using var first = new PifWebFactory();
        await using var second = new PifWebFactory();
        await SeedAsync(first, "demo");
        await SeedAsync(second, "demo");

        Assert.Equal(await GradesAsync(first), await GradesAsync(second));
    }

    [Fact]
    public async Task National_EveryCouncilInProgressWithFiveContributorsAQi_AndTheMainPagesStayWithinTheQueryBudget()
    {
        await using var factory = new PifWebFactory();
        await SeedAsync(factory, "national");
        var (id, qi) = await factory.QueryAsync(async db => await db.SelfEvaluations.Where(s => db.Organisations.Any(o => o.Id == s.OrganisationId && o.Code == "S12000049"))
            .Select(s => new ValueTuple<Guid, Guid>(s.Id, s.QiEvaluations.OrderBy(q => q.Position).Select(q => q.Id).First())).SingleAsync());
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);

        Assert.Equal(32, await factory.QueryAsync(db => db.SelfEvaluations.CountAsync()));
        Assert.Equal(5, await factory.QueryAsync(db => db.QiAssignments.CountAsync(a => a.QiEvaluationId == qi)));
        foreach (var path in new[] { $"/self-evaluations/{id}", $"/self-evaluations/{id}/qis/{qi}", $"/self-evaluations/{id}/qis/{qi}/agree", "/self-evaluations" })
        {
            await lead.GetAsync(path, TestContext.Current.CancellationToken);
            factory.Queries.Reset();
            var response = await lead.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.InRange(factory.Queries.Count, 1, 15);
        }
    }

    private static async Task SeedAsync(PifWebFactory factory, string size)
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SelfEvaluationDemo>().SeedAsync(size, TestContext.Current.CancellationToken);
    }

    private static Task<List<string>> GradesAsync(PifWebFactory factory) =>
        factory.QueryAsync(db => db.EvaluationRecords.Join(db.QiEvaluations, r => r.QiEvaluationId, q => q.Id, (r, q) => new { q.QiCode, r.Kind, r.Grade, r.HowAreWeDoing })
            .OrderBy(x => x.QiCode).ThenBy(x => x.Kind).ThenBy(x => x.Grade).Select(x => x.QiCode + " " + x.Kind + " " + x.Grade + " " + x.HowAreWeDoing).ToListAsync());
}
