using Microsoft.AspNetCore.Mvc;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>Changes a local outcome's words, its national outcomes and its links.</summary>
public sealed class EditLocalOutcomeModel(AppDbContext db, CurrentUser current, TimeProvider clock, OutcomeAgreementsService service) : LocalOutcomePage(db, current, clock)
{
    [BindProperty(SupportsGet = true)]
    public Guid OutcomeId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(OutcomeId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = LocalOutcomeForm.From(Agreement.Outcomes[0], Agreement.Stamp);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(OutcomeId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await service.UpdateOutcomeAsync(Access, Id, OutcomeId, Form.Stamp, Form.ToInput(), cancellationToken);
        return Saved(result, "The local outcome has been changed");
    }
}
