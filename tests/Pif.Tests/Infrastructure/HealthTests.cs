using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Pif.Testing;

namespace Pif.Tests.Infrastructure;

public sealed class HealthTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_Health_IsHealthyAndPublic(string path)
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_Ready_ChecksTheDatabaseAndMigrations()
    {
        var client = factory.CreateClient();

        var body = await client.GetStringAsync("/health/ready", TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("migrations").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_Ready_WhenMigrationsAreNotApplied_Returns503()
    {
        await using var unmigrated = new PifWebFactory { SeedDemoAccounts = false }.With("Database:MigrateOnStartup", "false");
        var client = unmigrated.CreateClient();

        var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(nameof(HealthStatus.Unhealthy), json.RootElement.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());
    }
}
