using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Pif.Web.Data;

public static class DatabaseSetup
{
    public const string DefaultSqliteFile = "App_Data/pif.db";

    public static WebApplicationBuilder AddPifDatabase(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        builder.Services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();

        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = builder.Configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(postgres))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. " +
                        "Set ConnectionStrings__Postgres, for example 'Host=localhost;Database=pif;Username=pif;Password=...'.");
                }

                builder.Services.AddDbContextPool<AppDbContext, PostgresAppDbContext>((services, o) => AppDbContext.Conventions(o.UseNpgsql(postgres, Cached)).AddInterceptors(services.GetRequiredService<DatabaseTimer>()).ConfigureWarnings(Strict));
                break;
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(builder.Configuration, builder.Environment.ContentRootPath);
                builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>((services, o) => AppDbContext.Conventions(o.UseSqlite(sqlite, Cached)).AddInterceptors(services.GetRequiredService<DatabaseTimer>()).ConfigureWarnings(Strict));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{options.Provider}' is not supported. Use Sqlite or Postgres.");
        }

        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddSingleton<Infrastructure.PifMetrics>();
        builder.Services.AddSingleton<DatabaseTimer>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Infrastructure.Caching.DataCacheStore>();
        builder.Services.AddScoped<Infrastructure.Caching.DataCache>();
        builder.Services.AddDataProtection()
            .SetApplicationName("Pif")
            .PersistKeysToDbContext<AppDbContext>()
            .ProtectKeys(builder.Configuration, builder.Environment);
        return builder;
    }

    /// <summary>
    /// A list in a query (<c>ids.Contains(x.Id)</c>) goes as one parameter (JSON on SQLite, an array on
    /// PostgreSQL) rather than EF's default of one parameter per item: the SQL then does not depend on the
    /// list's length, so EF builds it once per query shape instead of on every request (bench/RESULTS.md).
    /// </summary>
    private static void Cached<TBuilder, TExtension>(RelationalDbContextOptionsBuilder<TBuilder, TExtension> options)
        where TBuilder : RelationalDbContextOptionsBuilder<TBuilder, TExtension>
        where TExtension : RelationalOptionsExtension, new() =>
        options.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);

    /// <summary>
    /// A query that takes some rows without saying their order is an error, not a logged warning: which rows it
    /// returns may change from one run to the next. The tests run every query, so one is found before it ships. The
    /// same everywhere, since options that differ by environment make EF build a second model, which the compiled
    /// queries (built once a process) refuse.
    /// </summary>
    private static void Strict(WarningsConfigurationBuilder warnings) =>
        warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning);

    /// <summary>
    /// The configured SQLite connection string, or the default file under the content root.
    /// Its folder is created so a fresh checkout runs without any set-up.
    /// </summary>
    internal static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        var csb = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultSqliteFile}" : configured);
        if (csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }
}
