using Microsoft.AspNetCore.Mvc;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>Adds a local outcome to an agreement, mapped to national outcomes and linked to what serves it.</summary>
public sealed class LocalOutcomeModel(AppDbContext db, CurrentUser current, TimeProvider clock, OutcomeAgreementsService service) : LocalOutcomePage(db, current, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(null, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form.Stamp = Agreement.Stamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(null, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await service.AddOutcomeAsync(Access, Id, Form.Stamp, Form.ToInput(), cancellationToken);
        return Saved(result, "The local outcome has been added");
    }
}
