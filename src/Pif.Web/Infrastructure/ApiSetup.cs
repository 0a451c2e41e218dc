namespace Pif.Web.Infrastructure;

public static class ApiSetup
{
    public const string Prefix = "/api/v1";

    /// <summary>
    /// The group every module maps its API into: /api/v1, behind <paramref name="policy"/>, with
    /// no antiforgery (API clients send a key, not a cookie form). HTTP lets a client ask for a GET
    /// address's headers alone, so every GET also answers HEAD.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this WebApplication app, string policy)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix).RequireAuthorization(policy).DisableAntiforgery();
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods && methods.HttpMethods.SequenceEqual([HttpMethods.Get]))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
            }
        });
        return api;
    }

    public static bool IsApi(HttpContext context) =>
        context?.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase) == true;
}
