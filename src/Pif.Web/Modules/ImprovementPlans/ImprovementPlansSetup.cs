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
        return builder;
    }
}
