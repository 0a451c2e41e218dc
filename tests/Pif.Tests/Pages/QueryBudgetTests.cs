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
}
