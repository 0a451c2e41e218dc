using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<PifUser> signIn, UserManager<PifUser> users, AuditLog audit, Data.AppDbContext db, Microsoft.Extensions.Options.IOptions<SessionTimeouts> timeouts) : PageModel
{
    private static readonly PifUser Unknown = new() { DisplayName = "" };

    private static string? _unknownHash;

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool SignedOut { get; private set; }

    /// <summary>Why the person was signed out, when Pif did it: <c>everywhere</c>, <c>locked</c>, <c>timeout</c> or <c>lifetime</c>.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether the page they return to holds a form kept from a post after their session timed out.</summary>
    public bool KeptForm => ReturnUrl?.Contains($"{KeptForms.QueryKey}=", StringComparison.Ordinal) == true;

    public int IdleMinutes => (int)timeouts.Value.Idle.TotalMinutes;

    public void OnGet(bool signedOut = false, string? reason = null) => (SignedOut, Reason) = (signedOut, reason);

    public async Task<IActionResult> OnPostAsync()
    {
        this.AddErrors(new SignInValidator().Validate(Input));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = await users.FindByEmailAsync(email);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null || await users.IsLockedOutAsync(user))
        {
            // Spend the same effort as checking a real password, and answer alike, so neither the
            // answer nor its timing tells whether an address has an account or is locked.
            _unknownHash ??= users.PasswordHasher.HashPassword(Unknown, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(Unknown, _unknownHash, Input.Password);
            result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        }

        var actor = new AuditActor(user?.Id, user?.Email ?? email);
        if (result.Succeeded)
        {
            audit.Record(actor, "sign-in.succeeded", "user", user!.Id, null);
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoStep", new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }

        if (result.IsLockedOut && user?.LockoutEnd is { } until)
        {
            audit.Record(actor, "sign-in.locked-out", "user", user.Id, null, after: new { lockedUntil = until.UtcDateTime });
        }
        else
        {
            audit.Record(actor, "sign-in.failed", "user", user?.Id, null);
        }

        await db.SaveChangesAsync();
        this.AddError($"{nameof(Input)}.{nameof(SignInInput.Email)}", "Enter a correct e-mail address and password");
        return Page();
    }

    public sealed class SignInInput
    {
        public string Email { get; set; } = "";

        public string Password { get; set; } = "";
    }

    private sealed class SignInValidator : AbstractValidator<SignInInput>
    {
        public SignInValidator()
        {
            RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your e-mail address")
                .MaximumLength(PifUser.EmailMaxLength).WithMessage($"Enter an e-mail address of {PifUser.EmailMaxLength} characters or fewer");
            RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password")
                .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Enter a password of {PasswordRules.MaximumLength} characters or fewer");
        }
    }
}
