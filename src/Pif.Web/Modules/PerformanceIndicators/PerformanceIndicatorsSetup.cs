using Microsoft.Extensions.Options;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Importing;
using Pif.Web.Modules.PerformanceIndicators.Targets;

namespace Pif.Web.Modules.PerformanceIndicators;

public static class PerformanceIndicatorsSetup
{
    public static WebApplicationBuilder AddPifPerformanceIndicators(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<IndicatorImportOptions>(builder.Configuration.GetSection("IndicatorImports"));
        builder.Services.AddScoped<IndicatorImportsService>();
        builder.Services.AddScoped<CouncilIndicatorYearsService>();
        builder.Services.AddScoped<Analysis.SpcRebasesService>();
        builder.Services.AddScoped<Analysis.QiIndicatorLinksService>();
        builder.Services.AddScoped<IndicatorDemo>();
        return builder;
    }

    /// <summary>Development only: made-up figures for the social work indicators, unless real ones have been imported.</summary>
    public static async Task SeedDemoIndicatorsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Indicators)
        {
            await scope.ServiceProvider.GetRequiredService<IndicatorDemo>().SeedAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
