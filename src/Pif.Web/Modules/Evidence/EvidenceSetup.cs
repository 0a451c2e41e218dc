using Pif.Web.Infrastructure.Jobs;

namespace Pif.Web.Modules.Evidence;

public static class EvidenceSetup
{
    public static WebApplicationBuilder AddPifEvidence(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<EvidenceOptions>().Bind(builder.Configuration.GetSection(EvidenceOptions.Section))
            .Validate(o => o.MaxFileBytes > 0 && o.MaxRequestBytes >= o.MaxFileBytes, "Evidence:MaxFileBytes must be positive and no more than Evidence:MaxRequestBytes")
            .ValidateOnStart();
        builder.Services.AddScoped<EvidenceService>();
        builder.Services.AddScoped<FileStore>();
        builder.Services.AddScoped<EvidenceLinks>();
        builder.Services.AddScoped<EvidenceDemo>();
        builder.Services.AddRecurringJob<EvidenceReviewReminders>(TimeSpan.FromHours(1));
        return builder;
    }

    /// <summary>Development only: the demo evidence, after the demo self-evaluations it supports.</summary>
    public static async Task SeedDemoEvidenceAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvidenceDemo>().SeedAsync(app.Lifetime.ApplicationStopping);
    }
}
