using System.Text.Json;

namespace Pif.Web.Infrastructure;

/// <summary>
/// Under /api every error is ProblemDetails: an address that matches nothing (404), a method it does
/// not take (405), a body it cannot read (400 saying where, 413, 415). Never a redirect or an empty body.
/// </summary>
internal static class ApiErrors
{
    public static IServiceCollection AddPifApiErrors(this IServiceCollection services)
    {
        // Binding failures throw, in every environment, so the API can say what was wrong and where.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Call inside the exception handlers, so a bad body is answered here and never becomes a 500.</summary>
    public static IApplicationBuilder UsePifApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(ApiSetup.IsApi, api =>
        {
            api.UseStatusCodePages(context => Describe(context.HttpContext) is var (title, detail)
                ? ApiProblems.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode, title, detail)
                : Task.CompletedTask);
            api.Use(async (context, next) =>
            {
                try
                {
                    await next(context);
                }
                catch (BadHttpRequestException e) when (!context.Response.HasStarted)
                {
                    context.Response.Clear();
                    await ApiProblems.WriteAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Too large" : "The request could not be read", Explain(e));
                }
            });
        });

    private static (string Title, string Detail)? Describe(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => ("Not found", $"The API has nothing at {context.Request.Path}: check the address."),
        StatusCodes.Status405MethodNotAllowed => ("Method not allowed",
            $"{context.Request.Method} is not allowed at {context.Request.Path}." + (context.Response.Headers.Allow.Count > 0 ? $" Use {context.Response.Headers.Allow}." : "")),
        StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the body as JSON, with Content-Type: application/json."),
        StatusCodes.Status400BadRequest => ("The request could not be read", "Check the request and send it again."),
        >= 400 and < 600 => ("The request failed", "Check the request and send it again."),
        _ => null,
    };

    private static string Explain(BadHttpRequestException e) => e.InnerException switch
    {
        JsonException json => $"The JSON is not valid{(string.IsNullOrEmpty(json.Path) ? "" : $" at {json.Path}")} (line {json.LineNumber + 1}, character {json.BytePositionInLine + 1}). Nothing was saved.",
        _ when e.StatusCode == StatusCodes.Status413PayloadTooLarge => "The request body is larger than this address takes. Nothing was saved.",
        _ => e.Message + " Nothing was saved.",
    };
}
