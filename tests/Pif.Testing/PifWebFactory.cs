using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Testing;

/// <summary>
/// The real app on a throwaway database, in the "Testing" environment (production behaviour:
/// friendly error pages, no developer exception page). A request with the header
/// <see cref="ThrowHeader"/> makes the page it asks for throw, so the 500 page can be tested.
/// </summary>
public class PifWebFactory : WebApplicationFactory<Program>
{
    public const string ThrowHeader = "X-Pif-Test-Throw";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    /// <summary>Whether this host's database starts as a copy of the migrated, seeded template.</summary>
    private readonly bool _fromTemplate;

    public PifWebFactory()
        : this(TestDatabase.Create(), fromTemplate: true)
    {
    }

    private PifWebFactory(TestDatabase database, bool fromTemplate)
    {
        _fromTemplate = fromTemplate;
        Database = database;
        foreach (var (key, value) in database.Settings())
        {
            _settings[key] = value;
        }

        // Outside Development the session cookie is Secure-only, as it is in production.
        ClientOptions.BaseAddress = new Uri("https://localhost");

        // Tests sign in far more often than a person; the rate limit has a test of its own.
        _settings["Security:SignInAttemptsPerMinute"] = "100000";
    }

    public TestDatabase Database { get; }

    /// <summary>Every SQL command the app sends through EF Core.</summary>
    public QueryCounter Queries { get; } = new();

    /// <summary>A host on a database the caller made, and disposes: it may outlive this host, or be shared by several.</summary>
    /// <remarks>The database is used as the caller left it (empty, if new): tests of migrating and first runs need that.</remarks>
    public static PifWebFactory For(TestDatabase database) => new(database, fromTemplate: false);

    public string EnvironmentName { get; set; } = "Testing";

    /// <summary>Seed the Development demo accounts (password <see cref="DemoPassword"/>) at start-up.</summary>
    public bool SeedDemoAccounts { get; set; } = true;

    public const string DemoPassword = "pif-demo-password";

    /// <summary>
    /// Whether the scheduler runs the background jobs on its own timers. A test that runs a job itself, and asserts what
    /// it did, turns it off, so the scheduler's run cannot overlap its own.
    /// </summary>
    public bool RunsScheduler { get; set; } = true;

    /// <summary>Extra service configuration for one test's host, applied after the app's own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; set; }

    /// <summary>Sets a configuration value; call before the first request.</summary>
    public PifWebFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Runs a query against the app's own database, in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // A host told not to migrate is testing an unmigrated database: give it one.
        if (_fromTemplate && !string.Equals(_settings.GetValueOrDefault("Database:MigrateOnStartup"), "false", StringComparison.OrdinalIgnoreCase))
        {
            Database.CopyTemplateIfNew();
        }

        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseStaticWebAssets();
        builder.ConfigureServices(services =>
        {
            services.PostConfigure<MvcOptions>(o => o.Filters.Add(new ThrowWhenAskedFilter()));
            services.AddSingleton<IDbContextOptionsConfiguration<SqliteAppDbContext>>(new QueryCounting<SqliteAppDbContext>(Queries));
            services.AddSingleton<IDbContextOptionsConfiguration<PostgresAppDbContext>>(new QueryCounting<PostgresAppDbContext>(Queries));
            // Hashing at full strength costs a tenth of a second a password; tests need no such cost.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            if (SeedDemoAccounts)
            {
                services.AddHostedService<DemoAccountSeeder>();
            }

            if (!RunsScheduler)
            {
                foreach (var scheduler in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "QuartzHostedService").ToList())
                {
                    services.Remove(scheduler);
                }
            }

            ExtraServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // A database the caller made is theirs to drop, after every host on it has stopped: a host whose
        // database vanished under it cannot stop its scheduler cleanly.
        if (_fromTemplate)
        {
            await Database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private sealed class QueryCounting<TContext>(QueryCounter counter) : IDbContextOptionsConfiguration<TContext>
        where TContext : DbContext
    {
        public void Configure(IServiceProvider serviceProvider, DbContextOptionsBuilder optionsBuilder) => optionsBuilder.AddInterceptors(counter);
    }

    private sealed class DemoAccountSeeder(IServiceProvider services) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().SeedAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Makes any page throw when the request carries <see cref="ThrowHeader"/>.</summary>
    private sealed class ThrowWhenAskedFilter : IResourceFilter
    {
        public void OnResourceExecuting(ResourceExecutingContext context)
        {
            // The re-executed error page carries the same header; it must not throw again.
            if (context.HttpContext.Request.Headers.ContainsKey(ThrowHeader)
                && context.HttpContext.Features.Get<IExceptionHandlerFeature>() is null)
            {
                throw new InvalidOperationException("Thrown on purpose by a test.");
            }
        }

        public void OnResourceExecuted(ResourceExecutedContext context)
        {
        }
    }
}
