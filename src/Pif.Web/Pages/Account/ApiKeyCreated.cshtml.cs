using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Account;

/// <summary>Shows a new API key once: it is held on the server for its maker only, read here and gone.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ApiKeyCreatedModel(CurrentUser current, HeldSecrets held) : PageModel
{
    public string? NewKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        NewKey = current.Id is { } id ? await held.TakeAsync(id, HeldSecrets.ApiKey, cancellationToken) : null;
}
