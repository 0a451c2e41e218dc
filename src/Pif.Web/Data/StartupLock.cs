using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Pif.Web.Data;

/// <summary>
/// One PostgreSQL session-level advisory lock around everything a node does to the database as it
/// starts (migrations, reference data, demo accounts and demo data), so any number of nodes starting
/// together on an empty database take turns and all come up. On SQLite, which one node uses, it
/// holds nothing: the work is idempotent.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any fixed 64-bit number other than the migrator's works; this one spells "pif-strt" in pg_locks.
    internal const long AdvisoryLockKey = 0x7069662D73747274;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> TakeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return new StartupLock(null);
        }

        // Advisory locks belong to one database, so it must exist before the lock can be taken.
        await EnsureDatabaseExistsAsync(db, cancellationToken);
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", connection);
        await take.ExecuteNonQueryAsync(cancellationToken);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            // Ending the session releases its advisory lock.
            await _connection.DisposeAsync();
        }
    }

    internal static async Task EnsureDatabaseExistsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node created it a moment ago.
        }
    }
}
