using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Modules.Notifications;

namespace Pif.Web.Pages.Notifications;

/// <summary>
/// An e-mail's unsubscribe link, signed in or not. Opening it asks first (mail scanners open links); the button, or
/// a mail program's one-click request (RFC 8058, a POST with the token and no form token), stops those e-mails.
/// The signed token is the credential, so the page takes no antiforgery token.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, NotificationsService notifications) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public UnsubscribeTokens.Subject? Subject { get; private set; }

    public IReadOnlyList<NotificationKind>? Stopped { get; private set; }

    public IActionResult OnGet()
    {
        Subject = tokens.Read(Token);
        return Subject is null ? Invalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Subject = tokens.Read(Token);
        if (Subject is null)
        {
            return Invalid();
        }

        Stopped = await notifications.UnsubscribeAsync(Subject, cancellationToken);
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
