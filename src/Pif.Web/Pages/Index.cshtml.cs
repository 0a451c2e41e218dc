using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages;

public sealed class IndexModel(CurrentUser current) : PageModel
{
    public UserAccess Access { get; private set; } = null!;

    /// <summary>Each organisation the user acts for, with their roles there.</summary>
    public IReadOnlyList<(string Organisation, string Roles)> ActsFor { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null)
        {
            // The account was removed while its cookie was still valid.
            return Challenge();
        }

        Access = access;
        ActsFor = access.Memberships
            .GroupBy(m => m.OrganisationName)
            .Select(g => (g.Key, string.Join(", ", g.Select(m => OrganisationRoles.Label(m.Role)))))
            .ToList();
        return Page();
    }
}
