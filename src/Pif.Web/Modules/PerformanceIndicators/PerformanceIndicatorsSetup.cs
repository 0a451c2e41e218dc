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
        return builder;
    }
}
