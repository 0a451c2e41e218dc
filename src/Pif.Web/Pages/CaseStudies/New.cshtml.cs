using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>A council's administrator or evaluation lead starts a case study as a draft.</summary>
public sealed class NewModel(AppDbContext db, CurrentUser current, CaseStudiesService service) : PageModel
{
    [BindProperty]
    public CaseStudyForm Form { get; set; } = new();

    public CaseStudyFormChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        Form.OrganisationId = Choices.WritingCouncils.Count == 1 ? Choices.WritingCouncils[0].Id : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Forbid();
        }

        if (Choices.WritingCouncils.Count == 1)
        {
            Form.OrganisationId = Choices.WritingCouncils[0].Id;
        }

        if (Form.OrganisationId is not { } council || Choices.WritingCouncils.All(c => c.Id != council))
        {
            this.AddError("Form.OrganisationId", "Choose the council writing it");
            return Page();
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        var result = await service.CreateAsync(access, council, Form.ToInput(), cancellationToken);
        return this.Answer(result, done =>
        {
            this.Confirm("The case study has been saved as a draft. Submit it for review when it is ready");
            return RedirectToPage("/CaseStudies/CaseStudy", new { id = done.Id });
        }, field => $"Form.{field}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var writing = CaseStudyPermissions.WritingCouncils(access);
        Choices = await CaseStudyFormChoices.LoadAsync(db, access, writing, cancellationToken);
        return writing.Count > 0;
    }
}
