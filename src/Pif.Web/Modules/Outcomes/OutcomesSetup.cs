using Microsoft.Extensions.Options;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Outcomes;

public static class OutcomesSetup
{
    public static WebApplicationBuilder AddPifOutcomes(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OutcomeAgreementsService>();
        builder.Services.AddScoped<OutcomeDemo>();
        return builder;
    }

    /// <summary>Development only: the demo outcome agreements, after the demo indicators and plans they link to.</summary>
    public static async Task SeedDemoOutcomesAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var size = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Size;
        await scope.ServiceProvider.GetRequiredService<OutcomeDemo>().SeedAsync(size, app.Lifetime.ApplicationStopping);
    }
}
