using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>
/// "Share evidence files" for the revision being written: choose items with files from the council's evidence
/// library, with search; the files are read through the evidence file store by whoever reads the revision.
/// </summary>
public sealed class EvidenceModel(AppDbContext db, CurrentUser current, CaseStudiesService service) : PageModel
{
    private const int Shown = 50;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public Guid? Stamp { get; set; }

    public CaseStudyView Study { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Title, EvidenceKind Kind, string Files)> Items { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostShareAsync(Guid itemId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => service.ShareEvidenceAsync(a, Id, Stamp, itemId, ct), "The evidence's files are shared in the case study", cancellationToken);

    public Task<IActionResult> OnPostUnshareAsync(Guid itemId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => service.UnshareEvidenceAsync(a, Id, Stamp, itemId, ct), "The evidence's files are no longer shared in the case study", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<UserAccess, CancellationToken, Task<ServiceResult>> action, string confirmation, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await action((await current.GetAccessAsync(cancellationToken))!, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage(new { Id, Q });
        }, async () => await LoadAsync(cancellationToken) ?? Page(), _ => CaseStudiesService.EvidenceField, CaseStudiesService.StaleMessage);
    }

    /// <summary>404 unless the user sees the case study; 403 unless they write it and its latest revision is being written.</summary>
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
        var query = EvidenceAccess.Visible(db, access).Where(e => e.OrganisationId == study.OrganisationId && e.Files.Any()).Matching(Q);
        Total = await query.CountAsync(cancellationToken);
        Items = (await query.OrderByDescending(e => e.EffectiveTo).ThenBy(e => e.Title).Take(Shown)
                .Select(e => new { e.Id, e.Title, e.Kind, Files = e.Files.OrderBy(f => f.FileName).Select(f => f.FileName).ToList() })
                .ToListAsync(cancellationToken))
            .Select(e => (e.Id, e.Title, e.Kind, string.Join(", ", e.Files))).ToList();
        return null;
    }
}
