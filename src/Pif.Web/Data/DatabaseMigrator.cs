using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Pif.Web.Data;

/// <summary>
/// Applies migrations and then the reference data. On PostgreSQL both run under a
/// session-level advisory lock, so several web nodes (or migrate commands) starting together
/// queue up instead of racing each other. At start-up this runs inside <see cref="StartupLock"/>,
/// a lock of another key, which also covers the demo data.
/// </summary>
public sealed partial class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    public const string MigrateCommand = "migrate";

    // Any fixed 64-bit number works; this one spells "pif-migr" so it is recognisable in pg_locks.
    internal const long AdvisoryLockKey = 0x7069662D6D696772;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsNpgsql())
        {
            await StartupLock.EnsureDatabaseExistsAsync(db, cancellationToken);
            await using var connection = new NpgsqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection))
            {
                await take.ExecuteNonQueryAsync(cancellationToken);
            }

            try
            {
                await ApplyAsync(cancellationToken);
            }
            finally
            {
                await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", connection);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        else
        {
            await ApplyAsync(cancellationToken);
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogApplying(pending.Count, pending);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets requests read while another writes, instead of queueing behind
            // every write transaction; the setting stays with the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ReferenceData.SeedAsync(db, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migration(s): {Migrations}")]
    private partial void LogApplying(int count, IReadOnlyList<string> migrations);
}

public static class DatabaseMigratorExtensions
{
    /// <summary>Runs <see cref="DatabaseMigrator"/> once, for the <c>migrate</c> command.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        MigrationLog.UpToDate(app.Logger);
    }

    public static bool MigratesOnStartup(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup;
    }
}

internal static partial class MigrationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "The database is up to date.")]
    public static partial void UpToDate(ILogger logger);
}
