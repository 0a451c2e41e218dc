using Microsoft.Data.Sqlite;
using Npgsql;
using Pif.Web.Data;

namespace Pif.Testing;

/// <summary>
/// A throwaway database for one test host: a temporary SQLite file, or a new database on the
/// PostgreSQL server named by PIF_TEST_POSTGRES when PIF_TEST_DATABASE is Postgres.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string DatabaseVariable = "PIF_TEST_DATABASE";
    public const string PostgresVariable = "PIF_TEST_POSTGRES";

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        SqlitePath = sqlitePath;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public string? SqlitePath { get; }

    private string? PostgresName { get; }

    /// <summary>The provider this test run targets (set by scripts/test.sh).</summary>
    public static DatabaseProvider CurrentProvider =>
        string.Equals(Environment.GetEnvironmentVariable(DatabaseVariable), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static TestDatabase Create() => Create(CurrentProvider);

    public static TestDatabase Create(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"pif-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = path }.ToString(), path, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{DatabaseVariable}=Postgres needs {PostgresVariable} to hold a connection string to a PostgreSQL server.");
        }

        var name = $"pif_test_{Guid.NewGuid():N}";
        var csb = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, csb.ToString(), null, name);
    }

    /// <summary>Configuration keys that point the app at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", Provider.ToString()),
        new(Provider == DatabaseProvider.Sqlite ? "ConnectionStrings:Sqlite" : "ConnectionStrings:Postgres", ConnectionString),
    ];

    /// <summary>
    /// Makes this database a copy of the run's template (migrated, reference data seeded), unless it
    /// already exists: a host started on it then finds nothing to migrate.
    /// </summary>
    public void CopyTemplateIfNew()
    {
        if (SqlitePath is not null)
        {
            if (!File.Exists(SqlitePath))
            {
                File.Copy(TestTemplates.SqliteFile, SqlitePath);
            }

            return;
        }

        var template = TestTemplates.PostgresDatabase;
        using var connection = new NpgsqlConnection(AdminConnectionString());
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", PostgresName!);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{PostgresName}\" TEMPLATE \"{template}\"", connection);
            create.ExecuteNonQuery();
        }
    }

    internal static void DropPostgres(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString());
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(PostgresVariable)) { Database = "postgres", Pooling = false }.ToString();

    public async ValueTask DisposeAsync()
    {
        if (SqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(SqlitePath + suffix);
            }
        }

        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(AdminConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
