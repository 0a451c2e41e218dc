using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Ties the sign-in cookie to a server-side session (ADR 5): signing in starts one, signing out ends
/// it, and every request is refused unless its session is still open. Identity's security-stamp
/// check still runs after, so a password reset elsewhere also ends the cookie.
/// </summary>
internal static class SessionCookie
{
    public static void Configure(CookieAuthenticationEvents events)
    {
        events.OnSigningIn = SigningInAsync;
        events.OnValidatePrincipal = ValidateAsync;
        events.OnSigningOut = SigningOutAsync;
        events.OnRedirectToLogin = RedirectToSignInAsync;
    }

    /// <summary>Keeps the session claim when Identity rebuilds the principal after checking the security stamp.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(UserSessions.Claim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }

        return Task.CompletedTask;
    }

    private static async Task SigningInAsync(CookieSigningInContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var cancellationToken = context.HttpContext.RequestAborted;
        if (!Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) || context.Principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        // Signing in again in the same browser (after a password change, say) replaces its session.
        if (UserSessions.IdOf(context.HttpContext.User) is { } previous)
        {
            await sessions.EndAsync(previous, "replaced", cancellationToken);
        }

        foreach (var old in identity.FindAll(UserSessions.Claim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(UserSessions.Claim, (await sessions.StartAsync(userId, cancellationToken)).ToString()));
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var sessions = http.RequestServices.GetRequiredService<UserSessions>();
        var found = UserSessions.IdOf(context.Principal) is { } sessionId && Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await sessions.CheckAsync(sessionId, userId, activity: !SessionTimeouts.IsStatusCheck(http.Request), timedOut => http.Items[typeof(TimedOutSession)] = timedOut, http.RequestAborted)
            : null;
        if (found is not { } session)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        http.Items[typeof(SessionUser)] = session.User;
        http.Items[typeof(SessionTimes)] = session.Times;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Sends a request without a session to sign in. When its session has just timed out, sign-in says why,
    /// and a form posted with it is kept, to be put back once the person has signed in again.
    /// </summary>
    private static async Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var target = context.RedirectUri;
        if (http.Items[typeof(TimedOutSession)] is TimedOutSession timedOut)
        {
            var request = http.Request;
            var query = QueryHelpers.ParseQuery(request.QueryString.Value);
            query.Remove("handler");
            query.Remove(KeptForms.QueryKey);
            var returnUrl = QueryHelpers.AddQueryString(request.PathBase + request.Path, query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))));
            if (HttpMethods.IsPost(request.Method)
                && await http.RequestServices.GetRequiredService<KeptForms>().KeepAsync(timedOut.UserId, request.PathBase + request.Path, request, http.RequestAborted) is { } kept)
            {
                returnUrl = QueryHelpers.AddQueryString(returnUrl, KeptForms.QueryKey, kept.ToString());
            }

            target = QueryHelpers.AddQueryString(request.PathBase + context.Options.LoginPath, new Dictionary<string, string?>
            {
                ["ReturnUrl"] = returnUrl,
                ["reason"] = timedOut.Reason == SessionEnd.Idle ? "timeout" : "lifetime",
            });
        }

        // As the default does: a script's request gets 401 with where to go, a browser is sent there.
        if (string.Equals(http.Request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal))
        {
            http.Response.Headers.Location = target;
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            http.Response.Redirect(target);
        }
    }

    private static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        if (UserSessions.IdOf(context.HttpContext.User) is { } sessionId)
        {
            await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().EndAsync(sessionId, "signed-out", context.HttpContext.RequestAborted);
        }
    }
}
