using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.Net.Http.Headers;

namespace Pif.Web.Infrastructure;

internal static class CookiesAndCaching
{
    /// <summary>
    /// Every cookie Pif sets (session, antiforgery, TempData) is HttpOnly and, outside Development,
    /// Secure whatever the request says, so a proxy that ends TLS cannot make one travel in clear.
    /// </summary>
    public static IServiceCollection AddPifCookiePolicy(this IServiceCollection services, IWebHostEnvironment environment) =>
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
        });

    /// <summary>
    /// No response for a signed-in person (a page, API JSON, a chart) may be kept by a browser or a
    /// proxy; static files, which say how they may be cached, keep what they say.
    /// </summary>
    public static IApplicationBuilder UseNoStoreWhenSignedIn(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.User.Identity?.IsAuthenticated == true && !context.Response.Headers.ContainsKey(HeaderNames.CacheControl))
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
