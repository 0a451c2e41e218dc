using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks;

/// <summary>Every version of one framework; national administrators start drafts and retire versions here.</summary>
public sealed class HistoryModel(AppDbContext db, CurrentUser current, FrameworkVersionsService versions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    /// <summary>The version a national administrator asked to retire, shown for confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Retire { get; set; }

    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStartDraftAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var result = await versions.StartDraftAsync(access!, Code, cancellationToken);
        return await AfterAsync(result, "A new draft has been started from the latest published version", cancellationToken);
    }

    public async Task<IActionResult> OnPostRetireAsync(Guid versionId, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var belongs = await db.FrameworkVersions.AnyAsync(v => v.Id == versionId && v.Framework.Code == Code, cancellationToken);
        var result = belongs ? await versions.RetireAsync(access!, versionId, cancellationToken) : ServiceResult.NotFound;
        return await AfterAsync(result, "The version has been retired. New self-evaluations can no longer choose it", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(ServiceResult result, string confirmation, CancellationToken cancellationToken)
    {
        Retire = null;
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage(new { Code, Retire = (int?)null });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), _ => "Versions",
            "Someone else changed this framework at the same time: look at the versions below and try again");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        CanEdit = FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
        Versions = await FrameworkAccess.Visible(db, CanEdit).Where(v => v.Framework.Code == Code).OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.Title, v.Status, v.CreatedAt, v.PublishedAt, v.RetiredAt, v.QualityIndicators.Count))
            .ToListAsync(cancellationToken);
        return Versions.Count > 0;
    }

    public sealed record VersionRow(Guid Id, int Number, string Title, FrameworkStatus Status, DateTime CreatedAt, DateTime? PublishedAt, DateTime? RetiredAt, int Qis);
}
