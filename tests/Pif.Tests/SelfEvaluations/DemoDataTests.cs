using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.SelfEvaluations;

/// <summary>The demo self-evaluations: realistic at once for a newcomer, the same every time, and within the page budgets at national size.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task Demo_GlasgowInProgressWithContributionsAndSomeAgreed_AndLastYearsPublished_FifeInDraft_AndSeedingTwiceChangesNothing()
    {
        await using var factory = new PifWebFactory();
        await SeedAsync(factory, "demo");
        await SeedAsync(factory, "demo");

        var evaluations = await factory.QueryAsync(db => db.SelfEvaluations
            .Select(s => new { Council = db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(), s.State, Qis = s.QiEvaluations.Count }).ToListAsync());
        Assert.Equal([("Fife", SelfEvaluationState.Draft, 25), ("Glasgow City", SelfEvaluationState.InProgress, 25), ("Glasgow City", SelfEvaluationState.Published, 25)],
            evaluations.OrderBy(e => e.Council).ThenBy(e => e.State).Select(e => (e.Council, e.State, e.Qis)));
        Assert.Equal(100, await factory.QueryAsync(db => db.EvaluationRecords.CountAsync(r => r.Kind == RecordKind.Contribution)));
        Assert.Equal(35, await factory.QueryAsync(db => db.EvaluationRecords.CountAsync(r => r.Kind == RecordKind.Agreed && r.Grade != null)));
        Assert.Equal(25, await factory.QueryAsync(db => db.ValidationDecisions.CountAsync(d => d.Submission == 1)));
        Assert.True(await factory.QueryAsync(db => db.QiComments.CountAsync()) >= 3);
        Assert.Equal(6, await factory.QueryAsync(db => db.EvidenceItems.CountAsync()));
        Assert.Equal(35, await factory.QueryAsync(db => db.EvidenceLinks.CountAsync()));
        var kinds = await factory.QueryAsync(db => db.EvidenceItems.Select(e => e.Kind).ToListAsync());
        Assert.Equal(4, kinds.Select(EvidenceKinds.FamilyOf).Distinct().Count());

        // Glasgow's published self-evaluation has an approved plan: 8 actions in every RAG state, each answering one of its areas for improvement.
        var plan = await factory.QueryAsync(db => db.ImprovementPlans.Include(p => p.Actions).ThenInclude(a => a.Sources).Include(p => p.Actions).ThenInclude(a => a.Updates)
            .SingleAsync(p => p.SelfEvaluationId != null));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(PlanState.Approved, plan.State);
        Assert.Equal(8, plan.Actions.Count);
        Assert.Equal(Enum.GetValues<Rag>().Order(), plan.Actions.Select(a => ActionRag.Of(a.Status, a.DueDate, today)).Distinct().Order());
        Assert.All(plan.Actions, a => Assert.Single(a.Sources));
        Assert.All(plan.Actions, a => Assert.Equal(3, a.Updates.Count));
        Assert.Equal(2, await factory.QueryAsync(db => db.PdsaCycles.CountAsync()));
        var approved = ApprovedVersion.Read((await factory.QueryAsync(db => db.PlanApprovals.SingleAsync(a => a.PlanId == plan.Id))).Content!);
        Assert.Equal(plan.Actions.OrderBy(a => a.Number).Select(a => a.Description), approved.Actions.Select(a => a.Description));
        Assert.All(approved.Actions, a => Assert.NotNull(Assert.Single(a.Answers).Qi));
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
        var (id, qi) = await factory.QueryAsync(async db => await db.SelfEvaluations.Where(s => db.Organisations.Any(o => o.Id == s.OrganisationId && o.Code == "S12000049") && s.State == SelfEvaluationState.InProgress)
            .Select(s => new ValueTuple<Guid, Guid>(s.Id, s.QiEvaluations.OrderBy(q => q.Position).Select(q => q.Id).First())).SingleAsync());
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);

        Assert.Equal(33, await factory.QueryAsync(db => db.SelfEvaluations.CountAsync()));
        Assert.Equal(5, await factory.QueryAsync(db => db.QiAssignments.CountAsync(a => a.QiEvaluationId == qi)));
        var (published, challenged) = await factory.QueryAsync(async db => await db.SelfEvaluations.Where(s => s.State == SelfEvaluationState.Published)
            .Select(s => new ValueTuple<Guid, Guid>(s.Id, s.QiEvaluations.Where(q => q.Comments.Count > 0).OrderBy(q => q.Position).Select(q => q.Id).First())).SingleAsync());
        var plan = await factory.QueryAsync(db => db.ImprovementPlans.Where(p => p.SelfEvaluationId == published).Select(p => p.Id).SingleAsync());
        var plans = await factory.QueryAsync(db => db.ImprovementPlans.Select(p => p.Actions.Count).ToListAsync());
        Assert.Equal(32, plans.Count);
        Assert.All(plans.Where(n => n != 8), n => Assert.InRange(n, 10, 15));
        var inspector = await EvaluationSteps.AsAsync(factory, "inspector@pif.example");
        var viewer = await EvaluationSteps.AsAsync(factory, "viewer.glasgow@pif.example");
        foreach (var (client, path) in new[]
        {
            (lead, $"/self-evaluations/{id}"), (lead, $"/self-evaluations/{id}/qis/{qi}"), (lead, $"/self-evaluations/{id}/qis/{qi}/agree"), (lead, "/self-evaluations"),
            (lead, $"/self-evaluations/{id}/profile"), (lead, "/evidence"), (inspector, $"/self-evaluations/{published}/validation"), (inspector, $"/self-evaluations/{published}/qis/{challenged}"),
            (viewer, $"/self-evaluations/{published}"), (viewer, $"/self-evaluations/{published}/profile"),
            (lead, $"/improvement-plans/{plan}"), (lead, "/"), (lead, "/improvement-plans"), (viewer, $"/improvement-plans/{plan}"),
        })
        {
            await client.GetAsync(path, TestContext.Current.CancellationToken);
            factory.Queries.Reset();
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.True(factory.Queries.Count is >= 1 and <= 15, $"{path} made {factory.Queries.Count} queries");
        }
    }

    [Fact]
    public async Task Demo_Indicators_TenYearsOfTheSocialWorkIndicatorsForEveryCouncil_NamedAsMadeUp_AndSeedingTwiceChangesNothing()
    {
        await using var factory = new PifWebFactory();
        _ = factory.Services;
        for (var i = 0; i < 2; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IndicatorDemo>().SeedAsync(TestContext.Current.CancellationToken);
        }

        var codes = await factory.QueryAsync(db => db.PerformanceIndicators.Select(i => i.Code).ToListAsync());
        Assert.Equal(18, codes.Count);
        Assert.All(codes, c => Assert.True(c.StartsWith("SW", StringComparison.Ordinal) || c.StartsWith("CHN", StringComparison.Ordinal), c));
        Assert.Equal(32 * 18 * 10, await factory.QueryAsync(db => db.IndicatorValues.CountAsync(v => v.Area == ValueArea.Council)));
        Assert.Equal(18 * 10 * 4, await factory.QueryAsync(db => db.IndicatorValues.CountAsync(v => v.Area == ValueArea.FamilyGroup)));
        Assert.Equal(IndicatorDemo.FileName, await factory.QueryAsync(db => db.IndicatorImports.Select(i => i.FileName).SingleAsync()));
        var percentages = await factory.QueryAsync(db => db.IndicatorValues
            .Where(v => db.PerformanceIndicators.Any(i => i.Id == v.IndicatorId && i.MeasureType == MeasureType.Percentage)).Select(v => v.Value!.Value).ToListAsync());
        Assert.All(percentages, p => Assert.InRange(p, 0.005, 0.995));

        // The same figures on every machine: Glasgow's SW07 for the last year, and Scotland's as the councils' mean.
        var sw07 = await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.Period == "2023-24" && db.PerformanceIndicators.Any(i => i.Id == v.IndicatorId && i.Code == "SW07"))
            .Select(v => new { v.Area, v.Value, Council = db.Organisations.Where(o => o.Id == v.OrganisationId).Select(o => o.Name).FirstOrDefault() }).ToListAsync());
        Assert.Equal(0.7531, sw07.Single(v => v.Council == "Glasgow City").Value);
        Assert.Equal(sw07.Where(v => v.Area == ValueArea.Council).Average(v => v.Value!.Value), sw07.Single(v => v.Area == ValueArea.Scotland).Value!.Value, 0.0001);

        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        var profile = await lead.GetStringAsync(new Uri("/performance-indicators/profile", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("Spine chart of 11 indicators of Adult Social Care Services for Glasgow City", profile, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(PifWebFactory factory, string size)
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SelfEvaluationDemo>().SeedAsync(size, TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<EvidenceDemo>().SeedAsync(TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<ImprovementPlanDemo>().SeedAsync(size, TestContext.Current.CancellationToken);
    }

    private static Task<List<string>> GradesAsync(PifWebFactory factory) =>
        factory.QueryAsync(db => db.EvaluationRecords.Join(db.QiEvaluations, r => r.QiEvaluationId, q => q.Id, (r, q) => new { q.QiCode, r.Kind, r.Grade, r.HowAreWeDoing })
            .OrderBy(x => x.QiCode).ThenBy(x => x.Kind).ThenBy(x => x.Grade).Select(x => x.QiCode + " " + x.Kind + " " + x.Grade + " " + x.HowAreWeDoing).ToListAsync());
}
