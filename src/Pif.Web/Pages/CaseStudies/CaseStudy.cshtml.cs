using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>
/// One case study: every council reads its published revision; its writers and the reviewers also see the revision
/// being worked on, the review's record, and the steps of the review they may take.
/// </summary>
public sealed class CaseStudyModel(AppDbContext db, CurrentUser current, CaseStudiesService writing, CaseStudyReviewService review) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The revision asked for; the latest (for its writers and reviewers) or the published one when none is.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Revision { get; set; }

    [BindProperty]
    public Guid? Stamp { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public CaseStudyView Study { get; private set; } = null!;

    public bool Writes { get; private set; }

    public bool Reviews { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        ActAsync((access, ct) => writing.SubmitAsync(access, Id, Stamp, ct), "The case study has been submitted for review", cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(CancellationToken cancellationToken) =>
        ActAsync((access, ct) => writing.ReviseAsync(access, Id, Stamp, ct), "A new revision has been started. Every council goes on reading the published one until this one is published", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await writing.DeleteAsync((await current.GetAccessAsync(cancellationToken))!, Id, Stamp, cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm($"{Study.Revision.Title} has been deleted");
            return RedirectToPage("/CaseStudies/Index");
        }, _ => "", CaseStudiesService.StaleMessage);
    }

    public Task<IActionResult> OnPostCommentAsync(CancellationToken cancellationToken) =>
        ActAsync((access, ct) => review.CommentAsync(access, Id, Text, ct), "Your comment has been added", cancellationToken);

    public Task<IActionResult> OnPostRequestChangesAsync(CancellationToken cancellationToken) =>
        ActAsync((access, ct) => review.RequestChangesAsync(access, Id, Stamp, Text, ct), "The case study has been returned to the council with the changes you asked for", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        ActAsync((access, ct) => review.PublishAsync(access, Id, Stamp, ct), "The case study has been published: every council can read it now", cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ActAsync((access, ct) => review.WithdrawAsync(access, Id, Stamp, Text, ct), "The case study has been withdrawn: only its council and the reviewers see it now", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<UserAccess, CancellationToken, Task<ServiceResult>> act, string confirmation, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await act((await current.GetAccessAsync(cancellationToken))!, cancellationToken);
        if (!result.Succeeded)
        {
            // The page shows what is saved now, with the problem at the top or next to the text.
            Revision = null;
            await LoadAsync(cancellationToken);
        }

        return this.Answer(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage(new { Id });
        }, field => field == CaseStudyReviewService.TextField ? nameof(Text) : "", CaseStudiesService.StaleMessage);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var study = await CaseStudyReading.LoadAsync(db, access, Id, Revision, cancellationToken);
        if (study is null)
        {
            return NotFound();
        }

        Study = study;
        Writes = CaseStudyPermissions.Changes(access, study.OrganisationId, study.IsDemonstration);
        Reviews = CaseStudyPermissions.Reviews(access);
        return null;
    }
}
