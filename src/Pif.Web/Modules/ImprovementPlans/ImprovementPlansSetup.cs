using Microsoft.Extensions.Options;
using Pif.Web.Infrastructure.Jobs;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.ImprovementPlans;

public static class ImprovementPlansSetup
{
    public static WebApplicationBuilder AddPifImprovementPlans(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<ImprovementPlansService>();
        builder.Services.AddScoped<PlanActionsService>();
        builder.Services.AddScoped<MilestonesService>();
        builder.Services.AddScoped<PdsaCyclesService>();
        builder.Services.AddScoped<ImprovementPlanDemo>();
        builder.Services.AddRecurringJob<ActionReminders>(TimeSpan.FromHours(1));
        return builder;
    }

    /// <summary>Development only: the demo plans, after the demo self-evaluations they answer.</summary>
    public static async Task SeedDemoImprovementPlansAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var size = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Size;
        await scope.ServiceProvider.GetRequiredService<ImprovementPlanDemo>().SeedAsync(size, app.Lifetime.ApplicationStopping);
    }
}
