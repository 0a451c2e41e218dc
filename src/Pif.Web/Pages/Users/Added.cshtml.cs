using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Users;

/// <summary>
/// Shows a one-time password once, to the administrator who set it: it is held on the server for
/// them only (never in a cookie), read here and gone.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AddedModel(AppDbContext db, CurrentUser current, HeldSecrets held) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string? OneTimePassword { get; private set; }

    public string AddedEmail { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OneTimePassword = current.Id is { } viewer ? await held.TakeAsync(viewer, HeldSecrets.OneTimePassword(Id), cancellationToken) : null;
        if (OneTimePassword is not null)
        {
            AddedEmail = await db.Users.Where(u => u.Id == Id).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) ?? "";
        }
    }
}
