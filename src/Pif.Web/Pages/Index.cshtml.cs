using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int CouncilCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CouncilCount = await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Council, cancellationToken);
    }
}
