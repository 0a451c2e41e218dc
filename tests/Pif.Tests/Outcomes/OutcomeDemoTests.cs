using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.Outcomes;

/// <summary>The demo outcome agreement: Glasgow's golden thread reaches real demo figures, grades and actions, within the query budget.</summary>
public sealed class OutcomeDemoTests
{
    [Fact]
    public async Task Demo_GlasgowsAgreement_ThreadsToFiguresGradesAndActions_WithinTheQueryBudget_AndSeedingTwiceChangesNothing()
    {
        await using var factory = new PifWebFactory();
        _ = factory.Services;
        for (var i = 0; i < 2; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            await services.GetRequiredService<SelfEvaluationDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await services.GetRequiredService<EvidenceDemo>().SeedAsync(TestContext.Current.CancellationToken);
            await services.GetRequiredService<ImprovementPlanDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await services.GetRequiredService<IndicatorDemo>().SeedAsync(TestContext.Current.CancellationToken);
            await services.GetRequiredService<OutcomeDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
        }

        var (agreement, outcome) = await factory.QueryAsync(async db => await db.LocalOutcomes.Where(o => o.Number == 1)
            .Select(o => new ValueTuple<Guid, Guid>(o.AgreementId, o.Id)).SingleAsync());
        Assert.Equal(3, await factory.QueryAsync(db => db.LocalOutcomes.CountAsync()));
        var viewer = await EvaluationSteps.AsAsync(factory, "viewer.glasgow@pif.example");

        foreach (var path in new[] { $"/outcomes/agreements/{agreement}", $"/outcomes/agreements/{agreement}/outcomes/{outcome}", "/outcomes" })
        {
            await viewer.GetAsync(path, TestContext.Current.CancellationToken);
            factory.Queries.Reset();
            var response = await viewer.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.True(factory.Queries.Count is >= 1 and <= 15, $"{path} made {factory.Queries.Count} queries");
        }

        var thread = await Html.ParseAsync(await viewer.GetAsync($"/outcomes/agreements/{agreement}/outcomes/{outcome}", TestContext.Current.CancellationToken));
        Assert.Equal(["5. Children have the best start in life", "8. Improved life chances for children, young people and families at risk"], thread.QuerySelectorAll("#National + ul li").Select(li => li.Text()));
        Assert.Contains(" in 2019-20", thread.QuerySelector("#Indicators ~ div tbody td")!.Text(), StringComparison.Ordinal);
        Assert.All(thread.QuerySelectorAll("#Qis + table tbody tr"), row => Assert.Matches("^[1-6] in ", row.Children[2].Text()));
        Assert.Equal(2, thread.QuerySelectorAll("#Actions + table tbody tr").Length);

        // The variation beside each indicator is the one its indicator page draws for the council.
        var row = thread.QuerySelector("#Indicators ~ div tbody tr")!;
        var code = row.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^1];
        var indicator = await Html.ParseAsync(await viewer.GetAsync($"/performance-indicators/{code}", TestContext.Current.CancellationToken));
        Assert.NotNull(row.Children[^1].QuerySelector("svg.pif-icon"));
        Assert.Equal(indicator.QuerySelector("#Variation strong")!.Text(), row.Children[^1].QuerySelector(".pif-variation")!.Text());
        Assert.Contains("fewer children needed to be looked after", thread.QuerySelector("#Progress + dl")!.Text(), StringComparison.Ordinal);
    }
}
