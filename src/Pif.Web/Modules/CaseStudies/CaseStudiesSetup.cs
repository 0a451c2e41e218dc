using Microsoft.Extensions.Options;
using Pif.Web.Modules.Organisations.Accounts;

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
        var size = scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Size;
        await scope.ServiceProvider.GetRequiredService<CaseStudyDemo>().SeedAsync(size, app.Lifetime.ApplicationStopping);
    }
}
