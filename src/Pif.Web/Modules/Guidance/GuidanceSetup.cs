namespace Pif.Web.Modules.Guidance;

public static class GuidanceSetup
{
    public static WebApplicationBuilder AddPifGuidance(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(_ => new Guide());
        return builder;
    }
}
