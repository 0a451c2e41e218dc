namespace Pif.Web.Modules.NationalOutcomes;

public static class NationalOutcomesSetup
{
    public static WebApplicationBuilder AddPifNationalOutcomes(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OutcomeSets>();
        return builder;
    }
}
