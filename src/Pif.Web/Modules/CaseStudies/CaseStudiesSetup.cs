namespace Pif.Web.Modules.CaseStudies;

public static class CaseStudiesSetup
{
    public static WebApplicationBuilder AddPifCaseStudies(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<CaseStudiesService>();
        builder.Services.AddScoped<CaseStudyReviewService>();
        builder.Services.AddScoped<CaseStudySearch>();
        return builder;
    }
}
