using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Account;

/// <summary>Shows new recovery codes once: they are held on the server for their owner only, read here and gone.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RecoveryCodesModel(CurrentUser current, HeldSecrets held) : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Codes = (current.Id is { } id ? await held.TakeAsync(id, HeldSecrets.RecoveryCodes, cancellationToken) : null)?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
