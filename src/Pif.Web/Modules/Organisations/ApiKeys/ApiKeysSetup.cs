using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Pif.Web.Modules.Organisations.ApiKeys;

public static class ApiKeysSetup
{
    /// <summary>Chooses, per request, how an API call proves who it is.</summary>
    public const string ApiScheme = "Api";

    public const string ApiPolicy = "Api";

    public static IServiceCollection AddPifApiKeys(this IServiceCollection services)
    {
        services.AddScoped<ApiKeysService>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(ApiScheme, "API key, or the sign-in cookie for reading", o =>
            {
                // A bearer key always decides; without one, only a GET or HEAD may use the cookie.
                // Everything else is answered by the key handler: 401 or 403 with ProblemDetails.
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.Count == 0 && IsRead(context.Request.Method)
                        ? IdentityConstants.ApplicationScheme
                        : ApiKeyAuthenticationHandler.SchemeName;
                o.ForwardChallenge = ApiKeyAuthenticationHandler.SchemeName;
                o.ForwardForbid = ApiKeyAuthenticationHandler.SchemeName;
            });
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, p => p
            .AddAuthenticationSchemes(ApiScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => IsRead(((HttpContext)context.Resource!).Request.Method)
                || context.User.FindFirst(ApiKeyAuthenticationHandler.ReadOnlyClaim)?.Value == "false"));
        return services;
    }

    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
