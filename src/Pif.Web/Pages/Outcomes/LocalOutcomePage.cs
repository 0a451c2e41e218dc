using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>What the pages that add and change a local outcome share: the agreement, its writers only, and the form's choices.</summary>
public abstract class LocalOutcomePage(AppDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public LocalOutcomeForm Form { get; set; } = new();

    public AgreementView Agreement { get; private set; } = null!;

    public LocalOutcomeChoices Choices { get; private set; } = null!;

    protected UserAccess Access { get; private set; } = null!;

    /// <summary>404 unless the user sees the agreement (and the outcome, when given); 403 unless they write it.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid? outcomeId, CancellationToken cancellationToken)
    {
        Access = (await current.GetAccessAsync(cancellationToken))!;
        var agreement = await GoldenThread.LoadAsync(db, Access, Id, outcomeId, Dates.LondonToday(clock), cancellationToken);
        if (agreement is null)
        {
            return NotFound();
        }

        if (!OutcomePermissions.Writes(Access, agreement.OrganisationId))
        {
            return Forbid();
        }

        Agreement = agreement;
        Choices = await LocalOutcomeChoices.LoadAsync(db, Access, agreement, cancellationToken);
        return null;
    }

    protected IActionResult Saved(ServiceResult result, string confirmation) =>
        this.Answer(result, done =>
        {
            this.Confirm(confirmation);
            return RedirectToPage("/Outcomes/Thread", new { Id, outcomeId = done.Id });
        }, field => field.Length == 0 ? "" : $"Form.{field}", OutcomeAgreementsService.StaleMessage);
}
