using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pif.Web.Pages.Account;

/// <summary>Shows a new API key once: it lives only in TempData, read here and gone.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ApiKeyCreatedModel : PageModel
{
    [TempData]
    public string? NewKey { get; set; }

    public void OnGet()
    {
    }
}
