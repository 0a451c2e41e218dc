using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>Changes an agreement's title, years, and (while no local outcome maps to it) its set of national outcomes.</summary>
public sealed class EditAgreementModel(AppDbContext db, CurrentUser current, OutcomeAgreementsService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AgreementForm Form { get; set; } = new();

    public string Title { get; private set; } = "";

    public IReadOnlyList<OutcomeSet> Sets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (agreement, refused) = await LoadAsync(cancellationToken);
        if (agreement is null)
        {
            return refused!;
        }

        Form = new AgreementForm { Title = agreement.Title, FromYear = agreement.FromYear, ToYear = agreement.ToYear, OutcomeSetId = agreement.OutcomeSetId, Stamp = agreement.ConcurrencyStamp };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (agreement, refused) = await LoadAsync(cancellationToken);
        if (agreement is null)
        {
            return refused!;
        }

        var result = await service.UpdateAsync((await current.GetAccessAsync(cancellationToken))!, Id, Form.Stamp, Form.ToInput(), cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm("The agreement has been changed");
            return RedirectToPage("/Outcomes/Agreement", new { Id });
        }, field => field.Length == 0 ? "" : $"Form.{field}", OutcomeAgreementsService.StaleMessage);
    }

    private async Task<(OutcomeAgreement? Agreement, IActionResult? Refused)> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var agreement = await OutcomeAccess.Visible(db, access).AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (agreement is null)
        {
            return (null, NotFound());
        }

        if (!OutcomePermissions.Writes(access, agreement.OrganisationId))
        {
            return (null, Forbid());
        }

        Title = agreement.Title;
        Sets = await OutcomeSets.AllAsync(db, cancellationToken);
        return (agreement, null);
    }
}
