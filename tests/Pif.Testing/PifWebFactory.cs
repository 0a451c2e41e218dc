using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Pif.Web.Data;

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

    public PifWebFactory()
        : this(TestDatabase.Create())
    {
    }

    private PifWebFactory(TestDatabase database)
    {
        Database = database;
        foreach (var (key, value) in database.Settings())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }

    /// <summary>A host on a database the caller made (and may reuse after this host is gone).</summary>
    public static PifWebFactory For(TestDatabase database) => new(database);

    public string EnvironmentName { get; set; } = "Testing";

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
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseStaticWebAssets();
        builder.ConfigureServices(services => services.PostConfigure<MvcOptions>(o => o.Filters.Add(new ThrowWhenAskedFilter())));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
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
