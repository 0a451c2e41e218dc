using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pif.Web.Pages.Account;

/// <summary>Shows new recovery codes once: they live only in TempData, read here and gone.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RecoveryCodesModel : PageModel
{
    [TempData]
    public string? RecoveryCodes { get; set; }

    public IReadOnlyList<string> Codes => RecoveryCodes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public void OnGet()
    {
    }
}
