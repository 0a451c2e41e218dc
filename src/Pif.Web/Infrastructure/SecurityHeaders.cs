namespace Pif.Web.Infrastructure;

internal static class SecurityHeaders
{
    /// <summary>
    /// A strict policy: scripts, styles, fonts and images only from this site, no inline
    /// script or style, no framing. HSTS is left to UseHsts, which runs outside Development only.
    /// </summary>
    public static IServiceCollection AddPifSecurityHeaders(this IServiceCollection services)
    {
        services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy => policy
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddCrossOriginResourcePolicy(b => b.SameOrigin())
            .RemoveServerHeader()
            .AddPermissionsPolicyWithDefaultSecureDirectives()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            }));
        return services;
    }
}
