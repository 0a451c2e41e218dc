using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;

namespace Pif.Web.Pages.Outcomes;

/// <summary>A council's administrator or evaluation lead starts an outcome agreement as a draft.</summary>
public sealed class NewAgreementModel(AppDbContext db, CurrentUser current, OutcomeAgreementsService service) : PageModel
{
    [BindProperty]
    public AgreementForm Form { get; set; } = new();

    public IReadOnlyList<OutcomeSet> Sets { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        Form.OutcomeSetId = Sets[0].Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        if (Councils.Count == 1)
        {
            Form.OrganisationId = Councils[0].Id;
        }

        if (Form.OrganisationId is not { } council || Councils.All(c => c.Id != council))
        {
            this.AddError("Form.OrganisationId", "Choose the council whose agreement it is");
            return Page();
        }

        var result = await service.CreateAsync((await current.GetAccessAsync(cancellationToken))!, council, Form.ToInput(), cancellationToken);
        return this.Answer(result, done =>
        {
            this.Confirm("The agreement has been saved as a draft. Add its local outcomes");
            return RedirectToPage("/Outcomes/Agreement", new { id = done.Id });
        }, field => $"Form.{field}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var writing = OutcomePermissions.WritingCouncils(access);
        Sets = await OutcomeSets.AllAsync(db, cancellationToken);
        Councils = [.. (await db.Organisations.Where(o => writing.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name))];
        return writing.Count > 0;
    }
}
