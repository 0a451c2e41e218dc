namespace Pif.Web.Modules.Frameworks;

public static class FrameworksSetup
{
    public static WebApplicationBuilder AddPifFrameworks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<FrameworksOptions>(builder.Configuration.GetSection(FrameworksOptions.Section));
        builder.Services.AddScoped<FrameworkVersionsService>();
        builder.Services.AddScoped<FrameworkDraftsService>();
        return builder;
    }
}
