using Microsoft.AspNetCore.Authorization;
using Pif.Web.Infrastructure;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// A user whose password someone else set (a one-time password) can use nothing but the page that
/// changes it and signing out: every other page sends them there, and the API answers 403.
/// </summary>
internal static class PasswordChangeGate
{
    public const string ChangePasswordPath = "/account/change-password";

    private static readonly string[] Exempt = ["account/change-password", "sign-out"];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (context.User.Identity?.IsAuthenticated == true
            && endpoint is not null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && !(endpoint is RouteEndpoint route && Exempt.Contains(route.RoutePattern.RawText, StringComparer.Ordinal))
            && await context.RequestServices.GetRequiredService<CurrentUser>().GetAccessAsync(context.RequestAborted) is { MustChangePassword: true })
        {
            if (ApiSetup.IsApi(context))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Change your password first",
                    "Your password was set by someone else. Change your password in Pif before you use the API.");
            }
            else
            {
                context.Response.Redirect(ChangePasswordPath);
            }

            return;
        }

        await next(context);
    });
}
