using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Pif.Web.Data;

namespace Pif.Tests.Data;

public sealed class DatabaseSetupTests
{
    [Fact]
    [Trait("Database", "Sqlite")]
    public void AddPifDatabase_PostgresWithoutConnectionString_SaysWhatToSet()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection([new("Database:Provider", "Postgres"), new("ConnectionStrings:Postgres", "")]);

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddPifDatabase());

        Assert.Contains("ConnectionStrings__Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Database", "Sqlite")]
    public void SqliteConnectionString_Default_IsAppDataUnderTheContentRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"pif-root-{Guid.NewGuid():N}");
        try
        {
            var configuration = new ConfigurationBuilder().Build();

            var connection = DatabaseSetup.SqliteConnectionString(configuration, root);

            Assert.Contains(Path.Combine(root, "App_Data", "pif.db"), connection, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
