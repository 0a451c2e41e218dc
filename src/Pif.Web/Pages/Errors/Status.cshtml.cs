using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pif.Web.Pages.Errors;

/// <summary>
/// The friendly page behind every error status. It is re-executed for the original request,
/// whatever its method, so it answers every verb and never asks for an antiforgery token.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StatusModel : PageModel
{
    // Read from the route, not bound: binding would read a posted form, and this page must answer
    // a refused upload without taking its body.
    public int Code => int.TryParse(RouteData.Values["statusCode"]?.ToString(), out var code) ? code : StatusCodes.Status404NotFound;

    public string Title => Code switch
    {
        404 => "Page not found",
        403 => "You cannot do this",
        500 => "Sorry, there is a problem with the service",
        429 => "Too many requests",
        400 => "Sorry, we could not understand that request",
        405 => "Sorry, that action is not allowed here",
        _ => "Sorry, something went wrong",
    };

    public IActionResult OnGet() => Render();

    public IActionResult OnPost() => Render();

    private PageResult Render()
    {
        // A direct visit (not a re-executed error) answers with the status it names, so the
        // page never says "not found" with a 200.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted)
        {
            Response.StatusCode = Code is >= 400 and <= 599 ? Code : StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
