using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>A council's outcome agreement at a glance: every local outcome with a one-line status, for a committee.</summary>
public sealed class AgreementModel(AppDbContext db, DataCache cache, CurrentUser current, OutcomeAgreementsService service, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public Guid? Stamp { get; set; }

    public AgreementView View { get; private set; } = null!;

    public bool Writes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken, progress: true)
            ? File(AgreementExport.Docx(View), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", AgreementExport.FileName(View, "docx"))
            : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken, progress: true)
            ? File(await AgreementExport.XlsxAsync(View, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AgreementExport.FileName(View, "xlsx"))
            : NotFound();

    public async Task<IActionResult> OnPostAgreeAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var result = await service.AgreeAsync((await current.GetAccessAsync(cancellationToken))!, Id, Stamp, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm("The agreement has been recorded: the council's members, its link inspector and the national administrators can read it now");
            return RedirectToPage(new { Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), _ => "", OutcomeAgreementsService.StaleMessage);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken, bool progress = false)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var view = await GoldenThread.LoadAsync(cache, db, access, Id, null, Dates.LondonToday(clock), cancellationToken, progress);
        if (view is null)
        {
            return false;
        }

        View = view;
        Writes = OutcomePermissions.Writes(access, view.OrganisationId);
        return true;
    }
}
