using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>For national administrators: each national outcome with the councils whose agreed local outcomes map to it, named, since agreements are public documents.</summary>
public sealed class NationalViewModel(AppDbContext db, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Set { get; set; }

    public IReadOnlyList<OutcomeSet> Sets { get; private set; } = [];

    public OutcomeSet Chosen { get; private set; } = null!;

    public IReadOnlyList<NationalMapping.Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!NationalOutcomePermissions.LoadsSets((await current.GetAccessAsync(cancellationToken))!))
        {
            return Forbid();
        }

        Sets = await OutcomeSets.AllAsync(db, cancellationToken);
        Chosen = Sets.FirstOrDefault(s => s.Id == Set) ?? Sets[0];
        Rows = await NationalMapping.LoadAsync(db, Chosen, cancellationToken);
        return Page();
    }
}
