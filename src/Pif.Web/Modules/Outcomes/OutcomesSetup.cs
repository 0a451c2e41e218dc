namespace Pif.Web.Modules.Outcomes;

public static class OutcomesSetup
{
    public static WebApplicationBuilder AddPifOutcomes(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<OutcomeSets>();
        builder.Services.AddScoped<OutcomeAgreementsService>();
        return builder;
    }
}
