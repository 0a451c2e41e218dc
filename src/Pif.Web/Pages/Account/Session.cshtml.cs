using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Account;

/// <summary>
/// The session-timeout warning's server side: GET says how long the session has left without counting
/// as activity; POST ("stay signed in") moves its idle timeout on. A script gets JSON, also once the
/// session has ended (so the page can say so, with no failed request); a browser without one is sent back
/// where it came from, or to sign in.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class SessionModel(UserSessions sessions, IOptions<SessionTimeouts> timeouts, TimeProvider clock, IAntiforgery antiforgery) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public int IdleMinutes => (int)timeouts.Value.Idle.TotalMinutes;

    public IActionResult OnGet()
    {
        ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (Times() is not { } times)
        {
            return WantsJson() ? SignedOut() : Challenge();
        }

        return WantsJson() ? Left(times) : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Times() is not { } times)
        {
            return WantsJson() ? SignedOut() : Challenge();
        }

        // Checked here rather than by the filter, which would refuse a post from a session that has just ended.
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (UserSessions.IdOf(User) is { } sessionId && await sessions.KeepAliveAsync(sessionId, cancellationToken) == 1)
        {
            times = times with { IdleEndsAt = clock.GetUtcNow().UtcDateTime + timeouts.Value.Idle };
        }

        return WantsJson() ? Left(times) : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    /// <summary>The signed-in session's times; null when the request has none (never signed in, or just timed out).</summary>
    private SessionTimes? Times() => User.Identity?.IsAuthenticated == true ? HttpContext.Items[typeof(SessionTimes)] as SessionTimes : null;

    private JsonResult Left(SessionTimes times) => new(new
    {
        signedIn = true,
        secondsLeft = Math.Max(0, (int)(times.EndsAt - clock.GetUtcNow().UtcDateTime).TotalSeconds),
        endsAtLifetime = times.EndsAtLifetime,
    });

    private static JsonResult SignedOut() => new(new { signedIn = false, secondsLeft = 0, endsAtLifetime = false });

    private bool WantsJson() => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);
}
