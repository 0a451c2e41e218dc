using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Setup;

/// <summary>What the named lead's set-up pages (scope, assignments) share: who may open them, and how a save ends.</summary>
public abstract class LeadPage(AppDbContext db, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string Title { get; private set; } = "";

    protected AppDbContext Db => db;

    protected UserAccess Access { get; private set; } = null!;

    /// <summary>
    /// Finds the self-evaluation while its named lead may still shape it (Draft or In progress):
    /// a refusal of 404 when the user may not see it, 403 when they may see it but not shape it.
    /// </summary>
    protected async Task<(IActionResult? Refusal, Guid OrganisationId, Guid FrameworkVersionId)> LeadsAsync(CancellationToken cancellationToken)
    {
        Access = (await current.GetAccessAsync(cancellationToken))!;
        var evaluation = await SelfEvaluationAccess.Visible(db, Access).Where(s => s.Id == Id)
            .Select(s => new { s.Title, s.OrganisationId, s.LeadUserId, s.State, s.FrameworkVersionId }).SingleOrDefaultAsync(cancellationToken);
        if (evaluation is null)
        {
            return (NotFound(), default, default);
        }

        if (!SelfEvaluationPermissions.Leads(Access, evaluation.LeadUserId, evaluation.OrganisationId)
            || evaluation.State is not (SelfEvaluationState.Draft or SelfEvaluationState.InProgress))
        {
            return (Forbid(), default, default);
        }

        Title = evaluation.Title;
        return (null, evaluation.OrganisationId, evaluation.FrameworkVersionId);
    }

    /// <summary>Back to the overview with a confirmation, or the page again with the problem next to <paramref name="field"/>.</summary>
    protected IActionResult Saved(ServiceResult result, string confirmation, string field) =>
        this.Answer(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage("/SelfEvaluations/Overview", new { id = Id });
        }, _ => field, "Someone else changed this self-evaluation at the same time: check it and save again");
}
