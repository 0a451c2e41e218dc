using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>The national outcome sets, read by everyone, and the outcome agreements the user may read.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser current) : PageModel
{
    public IReadOnlyList<OutcomeSet> Sets { get; private set; } = [];

    public IReadOnlyList<AgreementSummary> Agreements { get; private set; } = [];

    public bool Writes { get; private set; }

    public bool National { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        Writes = OutcomePermissions.WritingCouncils(access).Count > 0;
        National = NationalOutcomePermissions.LoadsSets(access);
        Sets = await OutcomeSets.AllAsync(db, cancellationToken);
        Agreements = await AgreementSummary.ListAsync(db, access, null, cancellationToken);
    }
}
