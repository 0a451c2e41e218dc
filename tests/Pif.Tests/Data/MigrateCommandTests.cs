using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Data;

namespace Pif.Tests.Data;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task MigrateCommand_AppliesMigrationsSeedsAndExits()
    {
        await using var database = TestDatabase.Create();
        var webDll = typeof(DatabaseMigrator).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [webDll, "migrate"])
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in database.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, $"migrate exited {process.ExitCode}: {await output} {await errors}");
        Assert.Contains("The database is up to date.", await output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await output, StringComparison.Ordinal);
        await using var db = Contexts.Open(database);
        Assert.Equal(33, await db.Organisations.CountAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }
}

internal static class Contexts
{
    /// <summary>A context on a test database without starting the app.</summary>
    public static AppDbContext Open(TestDatabase database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options);
}
