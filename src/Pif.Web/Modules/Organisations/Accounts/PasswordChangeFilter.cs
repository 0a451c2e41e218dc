using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// A user whose password someone else set (a one-time password) can use no page but the one
/// that changes it, and signing out.
/// </summary>
internal sealed class PasswordChangeFilter(CurrentUser current) : IAsyncPageFilter
{
    public const string ChangePasswordPage = "/Account/ChangePassword";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var page = context.ActionDescriptor.ViewEnginePath;
        var exempt = page is ChangePasswordPage or "/Account/SignOut"
            || context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any();
        if (!exempt && await current.GetAccessAsync(context.HttpContext.RequestAborted) is { MustChangePassword: true })
        {
            context.Result = new RedirectToPageResult(ChangePasswordPage);
            return;
        }

        await next();
    }
}
