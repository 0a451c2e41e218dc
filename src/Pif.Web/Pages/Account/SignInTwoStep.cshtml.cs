using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Pages.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
public sealed class SignInTwoStepModel(SignInManager<PifUser> signIn, AuditLog audit, AppDbContext db) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The first step has expired (or never happened): start again.
            return RedirectToPage("/Account/SignIn", new { ReturnUrl });
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            this.AddError(nameof(Code), "Enter the code from your authenticator app, or a recovery code");
            return Page();
        }

        var recovery = !(code.Length == 6 && code.All(char.IsAsciiDigit));
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var actor = new AuditActor(user.Id, user.Email ?? "");
        if (result.Succeeded)
        {
            audit.Record(actor, "sign-in.succeeded", "user", user.Id, null, after: new { secondStep = recovery ? "recovery code" : "authenticator" });
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut && user.LockoutEnd is { } until)
        {
            audit.Record(actor, "sign-in.locked-out", "user", user.Id, null, after: new { lockedUntil = until.UtcDateTime });
            await db.SaveChangesAsync();
            this.AddError(nameof(Code), $"Your account is locked after too many failed attempts to sign in. Try again after {Dates.LondonTime(until)}");
            return Page();
        }

        audit.Record(actor, "sign-in.failed", "user", user.Id, null, after: new { secondStep = recovery ? "recovery code" : "authenticator" });
        await db.SaveChangesAsync();
        this.AddError(nameof(Code), "The code is wrong or has expired: enter the code your app shows now");
        return Page();
    }
}
