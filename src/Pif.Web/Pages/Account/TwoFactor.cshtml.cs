using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;
using QRCoder;

namespace Pif.Web.Pages.Account;

/// <summary>Set up, or turn off, a second factor: a code from an authenticator app (TOTP).</summary>
public sealed class TwoFactorModel(
    UserManager<PifUser> users, SignInManager<PifUser> signIn, PasswordChecks checks, HeldSecrets held, AuditLog audit, AppDbContext db, IUserStore<PifUser> store) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>True straight after someone chose their first password: the page offers to skip for now.</summary>
    [BindProperty(SupportsGet = true)]
    public bool First { get; set; }

    public string SharedKey { get; private set; } = "";

    public string QrCodeDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            this.AddError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            this.AddError(nameof(Code), "Enter the code as 6 digits, like 123456");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            this.AddError(nameof(Code), "The code is wrong or has expired: enter the code your app shows now");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        audit.Record(new AuditActor(user.Id, user.Email ?? ""), "two-factor.enabled", "user", user.Id, null, before: new { enabled = false }, after: new { enabled = true });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        await held.HoldAsync(user.Id, HeldSecrets.RecoveryCodes, string.Join(' ', recovery), HttpContext.RequestAborted);
        return RedirectToPage("/Account/RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        switch (await checks.CheckAsync(user, Password, "two-step-verification", HttpContext.RequestAborted))
        {
            case PasswordCheck.LockedOut:
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/SignIn", new { reason = "locked" });
            case PasswordCheck.Wrong:
                this.AddError(nameof(Password), "Enter your password correctly to turn off two-step verification");
                return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Record(new AuditActor(user.Id, user.Email ?? ""), "two-factor.disabled", "user", user.Id, null, before: new { enabled = true }, after: new { enabled = false });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Confirmation"] = "Two-step verification is off";
        return RedirectToPage("/Index");
    }

    private async Task<PifUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A first key is only stored. ResetAuthenticatorKeyAsync would also change the security
                // stamp, signing the person out on every other device just for opening this page.
                key = users.GenerateNewAuthenticatorKey();
                await ((IUserAuthenticatorKeyStore<PifUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
                await users.UpdateAsync(user);
            }

            SharedKey = Grouped(key!);
            var uri = $"otpauth://totp/Pif:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Pif&digits=6";
            using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        }

        return user;
    }

    private static string Grouped(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return sb.ToString().TrimEnd().ToLower(CultureInfo.InvariantCulture);
    }
}
