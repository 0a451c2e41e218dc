using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Organisations;

public sealed class IndexModel(AppDbContext db, CurrentUser current) : PageModel
{
    public IReadOnlyList<OrganisationRow> Councils { get; private set; } = [];

    public IReadOnlyList<OrganisationRow> Inspectorates { get; private set; } = [];

    /// <summary>National administrators maintain organisations; everyone else reads them.</summary>
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanEdit = (await current.GetAccessAsync(cancellationToken))?.IsNationalAdministrator() == true;
        var rows = await db.Organisations
            .OrderBy(o => o.Name)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.Code,
                o.FormerCode,
                o.Kind,
                Aliases = o.Aliases.OrderBy(a => a.Name).Select(a => a.Name).ToList(),
            })
            .ToListAsync(cancellationToken);

        var all = rows.Select(o => (o.Kind, Row: new OrganisationRow(
            o.Id, o.Name, o.Code, o.FormerCode, o.Aliases.Where(a => a != o.Name).ToList()))).ToList();
        Councils = all.Where(o => o.Kind == OrganisationKind.Council).Select(o => o.Row).ToList();
        Inspectorates = all.Where(o => o.Kind == OrganisationKind.Inspectorate).Select(o => o.Row).ToList();
    }

    public sealed record OrganisationRow(Guid Id, string Name, string Code, string? FormerCode, IReadOnlyList<string> OtherNames);
}
