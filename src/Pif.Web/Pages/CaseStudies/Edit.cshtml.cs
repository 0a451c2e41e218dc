using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>Changes the revision being written: a draft, or one returned with changes asked for.</summary>
public sealed class EditModel(AppDbContext db, CurrentUser current, CaseStudiesService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public CaseStudyForm Form { get; set; } = new();

    public CaseStudyView Study { get; private set; } = null!;

    public CaseStudyFormChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = CaseStudyForm.From(Study);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Form.OrganisationId = Study.OrganisationId;
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var result = await service.UpdateAsync(access, Id, Form.Stamp, Form.ToInput(), cancellationToken);
        if (result.IsStale)
        {
            Form.Stamp = Study.Stamp;
        }

        return this.Answer(result, _ =>
        {
            this.Confirm("Your changes have been saved");
            return RedirectToPage("/CaseStudies/CaseStudy", new { id = Id });
        }, field => field is "" or "$" ? "" : $"Form.{field}");
    }

    /// <summary>404 when the user may not see it, 403 when they may not write it or its latest revision is not being written.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var study = await CaseStudyReading.LoadAsync(db, access, Id, null, cancellationToken);
        if (study is null)
        {
            return NotFound();
        }

        if (!CaseStudyPermissions.Changes(access, study.OrganisationId, study.IsDemonstration) || study.Revision.State is not (RevisionState.Draft or RevisionState.ChangesRequested))
        {
            return Forbid();
        }

        Study = study;
        Choices = await CaseStudyFormChoices.LoadAsync(db, access, [study.OrganisationId], cancellationToken);
        return null;
    }
}
