using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

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
        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        var user = UserSessions.IdOf(context.Principal) is { } sessionId && Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await sessions.FindActiveAsync(sessionId, userId, context.HttpContext.RequestAborted)
            : null;
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        context.HttpContext.Items[typeof(SessionUser)] = user;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task SigningOutAsync(CookieSigningOutContext context)
    {
        if (UserSessions.IdOf(context.HttpContext.User) is { } sessionId)
        {
            await context.HttpContext.RequestServices.GetRequiredService<UserSessions>().EndAsync(sessionId, "signed-out", context.HttpContext.RequestAborted);
        }
    }
}
