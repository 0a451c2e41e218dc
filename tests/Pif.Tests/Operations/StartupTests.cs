using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Data;

namespace Pif.Tests.Operations;

/// <summary>Start-up that several nodes can share, and keys at rest.</summary>
public sealed class StartupTests
{
    [Fact]
    [Trait("Database", "Postgres")]
    public async Task TwoNodes_StartingTogetherOnAnEmptyDatabase_InDevelopmentWithDemoData_BothBecomeReady()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var first = Node(database);
        await using var second = Node(database);

        await Task.WhenAll(Task.Run(() => first.Server), Task.Run(() => second.Server));

        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(1, await first.QueryAsync(db => db.Users.CountAsync(u => u.Email == "viewer.glasgow@pif.example")));
        Assert.True(await first.QueryAsync(db => db.SelfEvaluations.AnyAsync()));
        Assert.Equal(18, await first.QueryAsync(db => db.PerformanceIndicators.CountAsync()));
    }

    [Fact]
    public async Task Production_WithoutAKeyCertificate_RefusesToStartAndSaysWhatToSet()
    {
        await using var factory = new PifWebFactory { EnvironmentName = "Production" };

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        var message = string.Join(" ", Messages(refused));
        Assert.Contains("DataProtection:CertificatePath", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:KeyPemPath", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysAtRest_WithACertificate_AreEncrypted()
    {
        await using var factory = new PifWebFactory { EnvironmentName = "Production" }.WithKeyCertificate();
        await factory.CreateClient().SignInAsync("lead.fife@pif.example");

        var keys = await factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml => Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal));
    }

    private static PifWebFactory Node(TestDatabase database)
    {
        var node = PifWebFactory.For(database);
        node.EnvironmentName = "Development";
        node.SeedDemoAccounts = false;
        return node;
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
        }
    }
}
