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
        return builder;
    }
}
