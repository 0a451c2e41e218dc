using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Pif.Web.Modules.Frameworks;

public static class FrameworksSetup
{
    public static WebApplicationBuilder AddPifFrameworks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<FrameworksOptions>(builder.Configuration.GetSection(FrameworksOptions.Section));
        builder.Services.AddScoped<FrameworkVersionsService>();

        // The import page carries the checked file to its confirm step as a base64 form field.
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<FrameworksOptions>>((form, frameworks) =>
            form.ValueLengthLimit = Math.Max(form.ValueLengthLimit, (frameworks.Value.MaxImportBytes / 3 * 4) + 4096));
        builder.Services.AddScoped<FrameworkDraftsService>();
        builder.Services.AddScoped<QiGuidance>();
        builder.Services.AddScoped<ScaleLevelsCache>();
        builder.Services.AddScoped<FrameworkQiContents>();
        builder.Services.AddMemoryCache();
        return builder;
    }
}
