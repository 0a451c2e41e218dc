using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pif.Web.Pages.Users;

/// <summary>Shows a new user's one-time password once: it lives only in TempData, read here and gone.</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AddedModel : PageModel
{
    [TempData]
    public string? OneTimePassword { get; set; }

    [TempData]
    public string? AddedEmail { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public void OnGet()
    {
    }
}
