using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>The golden thread of one local outcome, with its progress statements; its writers record progress here.</summary>
public sealed class ThreadModel(AppDbContext db, DataCache cache, CurrentUser current, OutcomeAgreementsService service, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid OutcomeId { get; set; }

    [BindProperty]
    public Guid? Stamp { get; set; }

    [BindProperty]
    public int? Year { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public AgreementView Agreement { get; private set; } = null!;

    public bool Writes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProgressAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await service.SaveProgressAsync((await current.GetAccessAsync(cancellationToken))!, Id, OutcomeId, Stamp, Year, Text, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm("The progress statement has been saved");
            return RedirectToPage(new { Id, OutcomeId });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), field => field, OutcomeAgreementsService.StaleMessage);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await service.RemoveOutcomeAsync((await current.GetAccessAsync(cancellationToken))!, Id, OutcomeId, Stamp, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm("The local outcome has been removed");
            return RedirectToPage("/Outcomes/Agreement", new { Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), _ => "", OutcomeAgreementsService.StaleMessage);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var view = await GoldenThread.LoadAsync(cache, db, access, Id, OutcomeId, Dates.LondonToday(clock), cancellationToken);
        if (view is null)
        {
            return false;
        }

        Agreement = view;
        Writes = OutcomePermissions.Writes(access, view.OrganisationId);
        Year ??= Math.Clamp(Dates.LondonToday(clock).Year - 1, view.FromYear, view.ToYear);
        return true;
    }
}
