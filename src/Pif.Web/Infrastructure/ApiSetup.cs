using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.ApiKeys;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Infrastructure;

public static class ApiSetup
{
    public const string Prefix = "/api/v1";

    /// <summary>Every module's API under /api/v1, behind an API key (or the sign-in cookie for reading).</summary>
    public static WebApplication MapPifApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix).RequireAuthorization(ApiKeysSetup.ApiPolicy).DisableAntiforgery();
        // HTTP lets a client ask for a GET address's headers alone: every GET also answers HEAD.
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods && methods.HttpMethods.SequenceEqual([HttpMethods.Get]))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
            }
        });
        api.MapOrganisationsApi();
        api.MapFrameworksApi();
        api.MapSelfEvaluationsApi();
        api.MapEvidenceApi();
        return app;
    }

    public static bool IsApi(HttpContext context) =>
        context?.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase) == true;
}
