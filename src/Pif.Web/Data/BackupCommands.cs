using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Pif.Web.Data;

/// <summary>
/// <c>backup --to FILE</c> and <c>restore --from FILE</c> for a SQLite database. A backup uses SQLite's
/// online backup, so it is a consistent copy even while people write. A restore refuses to overwrite a
/// database that a Pif process is serving: each serving process holds <c>pif.db.in-use</c> open,
/// exclusively, for as long as it runs. PostgreSQL has pg_dump and pg_restore (README).
/// </summary>
public static class BackupCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    private const string PostgresAdvice =
        "PostgreSQL is backed up with its own tools: pg_dump --format=custom --file=pif.dump <database>, " +
        "and restored with pg_restore --clean --if-exists --dbname=<database> pif.dump. See the README.";

    public static async Task<int> BackupAsync(this WebApplication app, string? to, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (DatabaseFile(app) is not { } database)
        {
            await output.WriteLineAsync(PostgresAdvice);
            return 2;
        }

        return await BackupFileAsync(database, to, output);
    }

    /// <summary>Copies the SQLite database at <paramref name="database"/> to a new file, consistently, even while it is written.</summary>
    public static async Task<int> BackupFileAsync(string database, string? to, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(to))
        {
            await output.WriteLineAsync("Say where to write the backup: backup --to FILE");
            return 2;
        }

        var target = Path.GetFullPath(to);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"{target} already exists: choose a new file name, so no earlier backup is overwritten.");
            return 1;
        }

        if (!File.Exists(database))
        {
            await output.WriteLineAsync($"There is no database at {database} to back up.");
            return 1;
        }

        await using (var source = Open(database, SqliteOpenMode.ReadOnly))
        await using (var copy = Open(target, SqliteOpenMode.ReadWriteCreate))
        {
            source.BackupDatabase(copy);
            if (await IntegrityAsync(copy) is not "ok")
            {
                await output.WriteLineAsync($"The backup at {target} failed its integrity check: keep the database as it is and try again.");
                return 1;
            }
        }

        var bytes = new FileInfo(target).Length;
        await File.WriteAllTextAsync(LastBackupFile(database), JsonSerializer.Serialize(new LastBackup(DateTime.UtcNow, target, bytes)));
        await output.WriteLineAsync($"Backed up {database} to {target} ({bytes:N0} bytes).");
        return 0;
    }

    public static async Task<int> RestoreAsync(this WebApplication app, string? from, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (DatabaseFile(app) is not { } database)
        {
            await output.WriteLineAsync(PostgresAdvice);
            return 2;
        }

        return await RestoreFileAsync(database, from, output);
    }

    /// <summary>Replaces the SQLite database at <paramref name="database"/> with a backup, unless a Pif process is serving it.</summary>
    public static async Task<int> RestoreFileAsync(string database, string? from, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(from) || !File.Exists(from))
        {
            await output.WriteLineAsync(string.IsNullOrWhiteSpace(from) ? "Say which backup to restore: restore --from FILE" : $"There is no backup at {Path.GetFullPath(from)}.");
            return 2;
        }

        await using (var backup = Open(Path.GetFullPath(from), SqliteOpenMode.ReadOnly))
        {
            string? check;
            try
            {
                check = await IntegrityAsync(backup);
            }
            catch (SqliteException)
            {
                check = null;
            }

            if (check is not "ok")
            {
                await output.WriteLineAsync($"{Path.GetFullPath(from)} is not a sound SQLite backup of Pif: nothing has been restored.");
                return 1;
            }

            await using var inUse = TryHold(database);
            if (inUse is null)
            {
                await output.WriteLineAsync($"Pif is serving {database}: stop every Pif process that uses it, then restore. Nothing has been restored.");
                return 1;
            }

            await using var restored = Open(database, SqliteOpenMode.ReadWriteCreate);
            backup.BackupDatabase(restored);
        }

        await output.WriteLineAsync($"Restored {Path.GetFullPath(from)} into {database}. Start Pif: it applies any newer migrations.");
        return 0;
    }

    /// <summary>While serving, holds the SQLite database's in-use file, so a restore cannot overwrite it underneath.</summary>
    public static void HoldTheDatabase(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (DatabaseFile(app) is not { } database)
        {
            return;
        }

        var held = TryHold(database);
        if (held is null)
        {
            BackupLog.AlreadyServed(app.Logger, database);
            return;
        }

        app.Lifetime.ApplicationStopped.Register(held.Dispose);
    }

    /// <summary>When the SQLite database was last backed up, if ever; null on PostgreSQL.</summary>
    public static LastBackup? LastBackupOf(string database)
    {
        try
        {
            return JsonSerializer.Deserialize<LastBackup>(File.ReadAllText(LastBackupFile(database)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The SQLite database's file, or null on PostgreSQL or in memory.</summary>
    public static string? DatabaseFile(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var file = new SqliteConnectionStringBuilder(DatabaseSetup.SqliteConnectionString(app.Configuration, app.Environment.ContentRootPath)).DataSource;
        return file == ":memory:" ? null : file;
    }

    private static FileStream? TryHold(string database)
    {
        try
        {
            return new FileStream(database + ".in-use", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        // The online backup takes its locks through SQLite's own busy handler, not the retries Microsoft.Data.Sqlite
        // gives commands: without one, a backup that meets Pif's writer at the wrong moment fails with "database is locked".
        using var wait = connection.CreateCommand();
        wait.CommandText = "PRAGMA busy_timeout = 10000";
        wait.ExecuteNonQuery();
        return connection;
    }

    private static async Task<string?> IntegrityAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string?)await command.ExecuteScalarAsync();
    }

    private static string LastBackupFile(string database) => database + ".last-backup";

    public sealed record LastBackup(DateTime At, string File, long Bytes);
}

internal static partial class BackupLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Another Pif process is serving {Database}; a restore waits until both stop.")]
    public static partial void AlreadyServed(ILogger logger, string database);
}
