using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;

namespace Pif.Tests.Data;

public sealed class DatabaseTests
{
    [Fact]
    public async Task AQuery_TakingRowsWithoutAnOrder_IsRefused_AndWithOneRuns()
    {
        await using var factory = new PifWebFactory();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            factory.QueryAsync(db => db.Organisations.Select(o => o.Code).Take(2).ToListAsync(TestContext.Current.CancellationToken)));
        var ordered = await factory.QueryAsync(db => db.Organisations.OrderBy(o => o.Code).Select(o => o.Code).Take(2).ToListAsync(TestContext.Current.CancellationToken));

        Assert.Contains("RowLimitingOperationWithoutOrderByWarning", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, ordered.Count);
    }

    [Fact]
    public async Task Start_OnAnEmptyDatabase_MigratesAndSeedsReferenceData()
    {
        await using var factory = new PifWebFactory();
        factory.CreateClient();

        var (councils, inspectorates, applied) = await factory.QueryAsync(async db => (
            await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Council, TestContext.Current.CancellationToken),
            await db.Organisations.Where(o => o.Kind == OrganisationKind.Inspectorate).Select(o => o.Code).ToListAsync(TestContext.Current.CancellationToken),
            (await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).Count()));

        Assert.Equal(32, councils);
        Assert.Equal(["CI"], inspectorates);
        Assert.Equal(0, applied);
    }

    [Fact]
    public async Task Migrate_RunTwice_SeedsNothingTwice()
    {
        await using var factory = new PifWebFactory();
        factory.CreateClient();
        var before = await factory.QueryAsync(async db => (await db.Organisations.CountAsync(), await db.OrganisationAliases.CountAsync()));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        var after = await factory.QueryAsync(async db => (await db.Organisations.CountAsync(), await db.OrganisationAliases.CountAsync()));
        Assert.Equal(before, after);
        Assert.Equal(33, after.Item1);
    }

    [Fact]
    public async Task Seed_AfterAnAdministratorRenamedACouncil_KeepsTheirName()
    {
        await using var factory = new PifWebFactory();
        factory.CreateClient();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var fife = await db.Organisations.SingleAsync(o => o.Code == "S12000047", TestContext.Current.CancellationToken);
            fife.Name = "Fife Council";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        }

        var name = await factory.QueryAsync(db => db.Organisations.Where(o => o.Code == "S12000047").Select(o => o.Name).SingleAsync());
        Assert.Equal("Fife Council", name);
    }

    [Fact]
    public async Task DataProtection_KeysAreStoredInTheDatabase()
    {
        await using var factory = new PifWebFactory();
        var protector = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        var secret = protector.Protect("a value");

        Assert.Equal("a value", protector.Unprotect(secret));
        Assert.True(await factory.QueryAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public async Task Start_AfterTheDatabaseFileWasDeleted_CreatesItAgain()
    {
        await using var database = TestDatabase.Create();
        await using (var first = PifWebFactory.For(database))
        {
            first.CreateClient();
            Assert.True(File.Exists(database.SqlitePath));
        }

        await database.DisposeAsync();

        Assert.False(File.Exists(database.SqlitePath));
        await using var second = PifWebFactory.For(database);
        second.CreateClient();

        Assert.True(File.Exists(database.SqlitePath));
        Assert.Equal(33, await second.QueryAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    [Trait("Database", "Postgres")]
    public async Task Migrate_FromSeveralNodesAtOnce_SucceedsOnceEach()
    {
        await using var factory = new PifWebFactory { SeedDemoAccounts = false }.With("Database:MigrateOnStartup", "false");
        factory.CreateClient();

        var nodes = Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        });
        await Task.WhenAll(nodes);

        Assert.Equal(33, await factory.QueryAsync(db => db.Organisations.CountAsync()));
        Assert.Empty(await factory.QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
    }
}
