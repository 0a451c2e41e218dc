using Microsoft.Extensions.Options;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

public static class SelfEvaluationsSetup
{
    public static WebApplicationBuilder AddPifSelfEvaluations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SelfEvaluationsService>();
        builder.Services.AddScoped<EvaluationRecordsService>();
        builder.Services.AddScoped<ValidationService>();
        builder.Services.AddScoped<SelfEvaluationNotices>();
        builder.Services.AddScoped<SelfEvaluationDemo>();
        return builder;
    }

    /// <summary>Development only: the demo self-evaluations, after the demo accounts.</summary>
    public static async Task SeedDemoSelfEvaluationsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var size = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Size;
        await scope.ServiceProvider.GetRequiredService<SelfEvaluationDemo>().SeedAsync(size, app.Lifetime.ApplicationStopping);
    }
}
