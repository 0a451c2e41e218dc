using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<PifUser> users, SignInManager<PifUser> signIn, PasswordChecks checks, UserSessions sessions, AuditLog audit, AppDbContext db) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public bool MustChange { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync() => MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustChange = user.MustChangePassword;
        this.AddErrors(new ChangePasswordValidator().Validate(Input));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await checks.CheckAsync(user, Input.CurrentPassword, "change-password", HttpContext.RequestAborted))
        {
            case PasswordCheck.LockedOut:
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/SignIn", new { reason = "locked" });
            case PasswordCheck.Wrong:
                this.AddError($"{nameof(Input)}.{nameof(Input.CurrentPassword)}", "Enter your current password correctly");
                return Page();
        }

        user.MustChangePassword = false;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? nameof(Input.CurrentPassword) : nameof(Input.NewPassword);
                var message = error.Code == "PasswordMismatch" ? "Enter your current password correctly" : error.Description;
                this.AddError($"{nameof(Input)}.{field}", message);
            }

            return Page();
        }

        // Every other browser signed in as this person must sign in again with the new password.
        await sessions.EndAllAsync(user.Id, "password-changed", HttpContext.RequestAborted);
        audit.Record(new AuditActor(user.Id, user.Email ?? ""), "password.changed", "user", user.Id, null);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await signIn.RefreshSignInAsync(user);
        Confirmation = "Your password has been changed";

        // Someone choosing their first password is offered the second step straight away.
        return MustChange && !user.TwoFactorEnabled ? RedirectToPage("/Account/TwoFactor", new { first = true }) : RedirectToPage("/Index");
    }

    public sealed class ChangePasswordInput
    {
        public string CurrentPassword { get; set; } = "";

        public string NewPassword { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";
    }

    private sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordInput>
    {
        public ChangePasswordValidator()
        {
            RuleFor(i => i.CurrentPassword).NotEmpty().WithMessage("Enter your current password");
            RuleFor(i => i.NewPassword).NotEmpty().WithMessage("Enter a new password")
                .MinimumLength(PasswordRules.MinimumLength).WithMessage($"Enter a new password of at least {PasswordRules.MinimumLength} characters")
                .MaximumLength(PasswordRules.MaximumLength).WithMessage($"Enter a new password of {PasswordRules.MaximumLength} characters or fewer")
                .NotEqual(i => i.CurrentPassword).WithMessage("Choose a new password that is different from your current one");
            RuleFor(i => i.ConfirmPassword).Equal(i => i.NewPassword).WithMessage("Enter the same new password twice");
        }
    }
}
