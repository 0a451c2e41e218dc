using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<PifUser> signIn, CurrentUser current, AuditLog audit, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var access = await current.GetAccessAsync(HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        if (access is not null)
        {
            audit.Record(access, "sign-out", "user", access.UserId, null);
            await db.SaveChangesAsync();
        }

        return RedirectToPage("/Account/SignIn", new { signedOut = true });
    }
}
