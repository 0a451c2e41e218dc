using Pif.Testing;

namespace Pif.Tests.Pages;

/// <summary>DESIGN.md section 7: a main page sends at most 15 SQL queries.</summary>
public sealed class QueryBudgetTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const int Budget = 15;

    [Theory]
    [InlineData("national.admin@pif.example", "/")]
    [InlineData("national.admin@pif.example", "/organisations")]
    [InlineData("national.admin@pif.example", "/users")]
    [InlineData("national.admin@pif.example", "/audit")]
    [InlineData("national.admin@pif.example", "/assignments")]
    [InlineData("admin.glasgow@pif.example", "/users")]
    [InlineData("lead.glasgow@pif.example", "/account/api-keys")]
    [InlineData("viewer.glasgow@pif.example", "/frameworks")]
    [InlineData("viewer.glasgow@pif.example", "/frameworks/PIF")]
    [InlineData("viewer.glasgow@pif.example", "/frameworks/PIF/versions/1")]
    [InlineData("viewer.glasgow@pif.example", "/frameworks/PIF/versions/1/qis/8.2")]
    [InlineData("national.admin@pif.example", "/frameworks/PIF-LEADERSHIP/versions/1/qis/L3")]
    [InlineData("national.admin@pif.example", "/frameworks/import")]
    [InlineData("lead.glasgow@pif.example", "/notifications")]
    [InlineData("lead.glasgow@pif.example", "/notifications/settings")]
    [InlineData("national.admin@pif.example", "/notifications/sent-mail")]
    public async Task Get_MainPage_StaysWithinTheQueryBudget(string email, string path)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        await client.GetAsync(path, TestContext.Current.CancellationToken);

        factory.Queries.Reset();
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var count = factory.Queries.Count;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(count, 1, Budget);
    }

    [Fact]
    public async Task Get_SelfEvaluationPages_StayWithinTheQueryBudget()
    {
        var id = await EvaluationSteps.StartAsync(factory, "Query budget");
        var qis = await EvaluationSteps.PrepareAsync(factory, id, "2.1", "5.2");
        await EvaluationSteps.ContributeAsync(await EvaluationSteps.AsAsync(factory, EvaluationSteps.Contributor1), id, qis["2.1"], 4);
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        var counts = new Dictionary<string, int>();
        foreach (var path in new[] { $"/self-evaluations/{id}", $"/self-evaluations/{id}/qis/{qis["2.1"]}", $"/self-evaluations/{id}/qis/{qis["2.1"]}/agree", $"/self-evaluations/{id}/profile" })
        {
            await lead.GetAsync(path, TestContext.Current.CancellationToken);
            factory.Queries.Reset();
            var response = await lead.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            counts[path] = factory.Queries.Count;
        }

        Assert.All(counts, c => Assert.InRange(c.Value, 1, Budget));
    }
}
