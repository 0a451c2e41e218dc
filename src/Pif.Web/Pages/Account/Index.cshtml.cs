using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Pages.Account;

/// <summary>Who you are in Pif, where to change your password, second factor and keys, and signing out of every device.</summary>
public sealed class IndexModel(CurrentUser current, UserSessions sessions, SignInManager<PifUser> signIn, AuditLog audit, AppDbContext db) : PageModel
{
    public UserAccess Access { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Access = (await current.GetAccessAsync(cancellationToken))!;

    /// <summary>Ends every session of this person, this one too: a lost laptop or a shared computer stops working at once.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await sessions.EndAllAsync(access.UserId, "signed-out-everywhere", cancellationToken);
        audit.Record(access, "sign-out.everywhere", "user", access.UserId, null, after: new { sessions = ended });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn", new { signedOut = true, reason = "everywhere" });
    }
}
