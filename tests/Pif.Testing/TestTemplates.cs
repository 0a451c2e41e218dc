using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pif.Web.Data;

namespace Pif.Testing;

/// <summary>
/// One database a run, per provider, with every migration applied and the reference data seeded,
/// which each test host's database starts as a copy of: copying a file (SQLite) or
/// <c>CREATE DATABASE ... TEMPLATE</c> (PostgreSQL) costs a fraction of migrating and seeding anew.
/// Removed when the test process ends.
/// </summary>
internal static class TestTemplates
{
    private static readonly Lazy<string> Sqlite = new(CreateSqlite, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Postgres = new(CreatePostgres, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The template SQLite file, made on first use.</summary>
    public static string SqliteFile => Sqlite.Value;

    /// <summary>The template PostgreSQL database's name, made on first use.</summary>
    public static string PostgresDatabase => Postgres.Value;

    private static string CreateSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pif-template-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()).Options;
        Migrate(() => new SqliteAppDbContext(options), checkpoint: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        };
        return path;
    }

    private static string CreatePostgres()
    {
        var name = $"pif_template_{Guid.NewGuid():N}";
        var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        // No pooling: a template must have no open connection while it is copied.
        var csb = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        var options = new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(csb.ToString()).Options;
        Migrate(() => new PostgresAppDbContext(options), checkpoint: false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TestDatabase.DropPostgres(name);
        return name;
    }

    private static void Migrate(Func<AppDbContext> context, bool checkpoint) =>
        // Off the test's synchronisation context: this runs inside a constructor, which cannot await.
        Task.Run(async () =>
        {
            await using var db = context();
            await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
            if (checkpoint)
            {
                // Everything into the main file, so copying that one file copies the whole database.
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }).GetAwaiter().GetResult();
}
