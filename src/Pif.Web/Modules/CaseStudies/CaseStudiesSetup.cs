namespace Pif.Web.Modules.CaseStudies;

public static class CaseStudiesSetup
{
    public static WebApplicationBuilder AddPifCaseStudies(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CaseStudiesService>();
        builder.Services.AddScoped<CaseStudyReviewService>();
        builder.Services.AddScoped<CaseStudySearch>();
        builder.Services.AddScoped<CaseStudyDemo>();
        return builder;
    }

    /// <summary>Development only: the demonstration case studies, after the demo indicators some of them link to.</summary>
    public static async Task SeedDemoCaseStudiesAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CaseStudyDemo>().SeedAsync(app.Lifetime.ApplicationStopping);
    }
}
