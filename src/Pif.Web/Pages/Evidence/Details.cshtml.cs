using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.Evidence;

/// <summary>One evidence item: its details and files; for its owner and the council's administrators, upload, remove and delete.</summary>
[UploadLimit("Upload", UploadTarget.ExistingItem)]
public sealed class DetailsModel(AppDbContext db, CurrentUser current, EvidenceService evidence, EvidenceLinks links, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The file the user asked to remove, shown with a confirmation.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ConfirmRemove { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool ConfirmDelete { get; set; }

    public EvidenceItem Item { get; private set; } = null!;

    public string Owner { get; private set; } = "";

    public string AddedBy { get; private set; } = "";

    public bool CanChange { get; private set; }

    public DateOnly Today { get; private set; }

    public bool SeesFiles { get; private set; }

    /// <summary>The QI evaluations it supports that the user sees, with whether the user may unlink it there now.</summary>
    public IReadOnlyList<Supported> Supports { get; private set; } = [];

    /// <summary>The open QI evaluations the user writes on, which it could also support.</summary>
    public IReadOnlyList<WritableQi> CanSupport { get; private set; } = [];

    public Task<IActionResult> OnPostLinkAsync(Guid qiEvaluationId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => links.LinkAsync(a, Id, qiEvaluationId, ct), _ => "The evidence now supports that quality indicator", cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(Guid qiEvaluationId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => links.UnlinkAsync(a, Id, qiEvaluationId, ct), _ => "The evidence no longer supports that quality indicator", cancellationToken);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var uploads = Uploads.From(Files);
        return await ActAsync((a, ct) => evidence.AddFilesAsync(a, Id, uploads, ct), r => r.Count == 1 ? "The file has been uploaded" : $"{r.Count} files have been uploaded", cancellationToken);
    }

    public Task<IActionResult> OnPostRemoveFileAsync(Guid fileId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => evidence.RemoveFileAsync(a, Id, fileId, ct), _ => "The file has been removed", cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var result = await evidence.DeleteAsync((await current.GetAccessAsync(cancellationToken))!, Id, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = "The evidence has been deleted";
            return RedirectToPage("/Evidence/Index");
        }

        return await RefusedAsync(result, cancellationToken);
    }

    private async Task<IActionResult> ActAsync(Func<UserAccess, CancellationToken, Task<ServiceResult>> action, Func<ServiceResult, string> confirmation, CancellationToken cancellationToken)
    {
        var result = await action((await current.GetAccessAsync(cancellationToken))!, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = confirmation(result);
            return RedirectToPage(new { Id });
        }

        return await RefusedAsync(result, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(ServiceResult result, CancellationToken cancellationToken)
    {
        (ConfirmRemove, ConfirmDelete) = (null, false);
        return this.Refusal(result, field => field is "Files" or "Link" ? field : "Item")
            ?? (await LoadAsync(cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var item = await EvidenceAccess.Visible(db, access).AsNoTracking().Include(e => e.Files.OrderBy(f => f.UploadedAt)).SingleOrDefaultAsync(e => e.Id == Id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        Item = item;
        var names = await db.Users.Where(u => u.Id == item.OwnerId || u.Id == item.AddedById).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Owner = names.GetValueOrDefault(item.OwnerId, "Someone who has left");
        AddedBy = names.GetValueOrDefault(item.AddedById, "Someone who has left");
        CanChange = await EvidencePermissions.CanChangeAsync(db, access, item, cancellationToken);
        Today = Dates.LondonToday(clock);
        SeesFiles = EvidenceAccess.SeesFiles(access, item.OrganisationId);
        var writable = EvidencePermissions.CanAdd(access, item.OrganisationId) ? await QiEvaluationLocks.WritableAsync(db, access, item.OrganisationId, cancellationToken) : [];
        var seen = SelfEvaluationAccess.Visible(db, access).Select(s => s.Id);
        Supports = (await db.EvidenceLinks.Where(l => l.EvidenceItemId == Id)
                .Join(db.QiEvaluations, l => l.QiEvaluationId, q => q.Id, (l, q) => q)
                .Join(db.SelfEvaluations.Where(s => seen.Contains(s.Id)), q => q.SelfEvaluationId, s => s.Id, (q, s) => new
                {
                    QiId = q.Id,
                    q.QiCode,
                    s.Id,
                    s.Title,
                    s.State,
                    Qi = db.QualityIndicators.Where(i => i.Id == q.QualityIndicatorId).Select(i => i.Title).First(),
                })
                .OrderBy(x => x.Title).ThenBy(x => x.QiCode).ToListAsync(cancellationToken))
            .Select(x => new Supported(x.Id, x.Title, x.QiId, x.QiCode, x.Qi, x.State, writable.Any(w => w.Id == x.QiId))).ToList();
        CanSupport = writable.Where(w => Supports.All(s => s.QiEvaluationId != w.Id)).ToList();
        return true;
    }

    public sealed record Supported(Guid SelfEvaluationId, string SelfEvaluationTitle, Guid QiEvaluationId, string Code, string Title, SelfEvaluationState State, bool CanUnlink);
}
