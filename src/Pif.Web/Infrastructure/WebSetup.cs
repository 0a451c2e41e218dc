namespace Pif.Web.Infrastructure;

public static class WebSetup
{
    public static WebApplicationBuilder AddPifWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Do not tell the world which server software answers.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection(ServiceOptions.SectionName));
        // One message per field: the first rule a value breaks is the one to fix.
        FluentValidation.ValidatorOptions.Global.DefaultRuleLevelCascadeMode = FluentValidation.CascadeMode.Stop;

        // Forms are validated by FluentValidation in each page model, with GOV.UK-style messages;
        // MVC's implicit "field is required" for non-nullable strings would add a second message.
        builder.Services.AddRazorPages()
            .AddMvcOptions(o =>
            {
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                o.Filters.Add<OnceOnly.OnceOnlyFilter>();
            });
        builder.AddPifUploadBuffers();
        builder.AddPifForwardedHeaders();
        builder.Services.AddPifApiErrors();
        builder.Services.AddPifOpenApi();
        builder.Services.AddPifSecurityHeaders();
        builder.Services.AddPifCookiePolicy(builder.Environment);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UsePifPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UsePifForwardedHeaders();
        app.UseSecurityHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseWhen(context => !ApiSetup.IsApi(context), pages => pages.UseExceptionHandler("/error/500"));
            app.UseWhen(ApiSetup.IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => ApiProblems.WriteAsync(
                    context, StatusCodes.Status500InternalServerError, "Sorry, there is a problem with the service", "Try again later."),
            }));
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // The API answers its own errors with ProblemDetails; pages get the friendly error pages.
        app.UseWhen(context => !ApiSetup.IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UsePifApiErrors();
        app.UseCookiePolicy();
        app.UseNoStoreWhenSignedIn();
        app.UseRouting();
        return app;
    }

    public static void LogStartupBanner(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "the configured address";
            StartupLog.Ready(app.Logger, addresses, app.Environment.EnvironmentName);
        });
    }
}

internal static partial class StartupLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Pif is running at {Addresses} ({Environment}). Press Ctrl+C to stop.")]
    public static partial void Ready(ILogger logger, string addresses, string environment);
}
