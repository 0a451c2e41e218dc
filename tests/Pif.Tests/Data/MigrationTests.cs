using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Tests.Data;

public sealed class MigrationTests
{
    // Needs no server: the model is compared with each provider's snapshot, so it runs once.
    [Fact]
    [Trait("Database", "Sqlite")]
    public void Model_ComparedWithEachMigrationSet_HasNoPendingChanges()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "The SQLite migrations lag the model: run scripts/add-migration.sh.");
        Assert.False(postgres.Database.HasPendingModelChanges(), "The PostgreSQL migrations lag the model: run scripts/add-migration.sh.");
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public void MigrationSets_HaveTheSameMigrationsInTheSameOrder()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_', StringComparison.Ordinal) + 1)..]);

        Assert.NotEmpty(Names(sqlite));
        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
