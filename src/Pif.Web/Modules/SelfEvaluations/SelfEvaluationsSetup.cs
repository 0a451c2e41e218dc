namespace Pif.Web.Modules.SelfEvaluations;

public static class SelfEvaluationsSetup
{
    public static WebApplicationBuilder AddPifSelfEvaluations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<SelfEvaluationsService>();
        builder.Services.AddScoped<EvaluationRecordsService>();
        return builder;
    }
}
