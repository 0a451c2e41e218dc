using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Frameworks.Documents;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>The draft of a framework: its details and structure, with everything a national administrator changes before publishing.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser current, FrameworkVersionsService versions, FrameworkDraftsService drafts) : DraftPage(db, current)
{
    [BindProperty(SupportsGet = true)]
    public bool ConfirmDelete { get; set; }

    public DraftDetails Details { get; private set; } = null!;

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];

    public IReadOnlyList<QiRow> Qis { get; private set; } = [];

    /// <summary>Why the draft cannot be published yet, each with the QI it concerns (if any).</summary>
    public IReadOnlyList<(string? QiCode, Guid? QiId, string Message)> PublishProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadDraftAsync(cancellationToken) ?? await ShowAsync(cancellationToken);

    public Task<IActionResult> OnPostMoveGroupAsync(Guid itemId, bool up, CancellationToken cancellationToken) =>
        ActAsync(() => Db.FrameworkGroups.AnyAsync(g => g.Id == itemId && g.VersionId == Draft.Id, cancellationToken),
            () => drafts.MoveGroupAsync(Access, itemId, up, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostRemoveGroupAsync(Guid itemId, CancellationToken cancellationToken) =>
        ActAsync(() => Db.FrameworkGroups.AnyAsync(g => g.Id == itemId && g.VersionId == Draft.Id, cancellationToken),
            () => drafts.RemoveGroupAsync(Access, itemId, cancellationToken), "The group has been removed", cancellationToken);

    public Task<IActionResult> OnPostMoveQiAsync(Guid itemId, bool up, CancellationToken cancellationToken) =>
        ActAsync(() => Db.QualityIndicators.AnyAsync(q => q.Id == itemId && q.VersionId == Draft.Id, cancellationToken),
            () => drafts.MoveQiAsync(Access, itemId, up, cancellationToken), null, cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await versions.PublishAsync(Access, Draft.Id, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"Version {Draft.Number} of {Draft.Title} has been published";
            return RedirectToPage("/Frameworks/Version", new { code = Code, number = Draft.Number });
        }

        if (result.Outcome != ServiceOutcome.Invalid)
        {
            // Published, deleted or changed by someone else meanwhile: the history says what happened.
            TempData["Confirmation"] = result.FirstMessage("Someone else changed this draft at the same time: check it and try again");
            return RedirectToPage("/Frameworks/History", new { code = Code });
        }

        var document = FrameworkDocuments.ToDocument((await FrameworkDocuments.LoadAsync(Db, Draft.Id, cancellationToken))!);
        var paths = document.QualityIndicators().ToList();
        var ids = await Db.QualityIndicators.Where(q => q.VersionId == Draft.Id).ToDictionaryAsync(q => q.Code, q => q.Id, cancellationToken);
        PublishProblems = result.Problems.Select(p => paths.FirstOrDefault(q => p.Field.StartsWith(q.Path + ".", StringComparison.Ordinal)) is { Qi: not null } match
            ? (match.Qi.Code, ids.GetValueOrDefault(match.Qi.Code), p.Message)
            : ((string?)null, (Guid?)null, p.Message)).ToList();
        this.AddError("Publish", $"Version {Draft.Number} cannot be published yet: fix the {(PublishProblems.Count == 1 ? "problem" : $"{PublishProblems.Count} problems")} listed under \"Publish\"");
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await versions.DeleteDraftAsync(Access, Draft.Id, cancellationToken);
        if (Refusal(result, "Delete", "Draft") is { } response)
        {
            return response;
        }

        if (!result.Succeeded)
        {
            ConfirmDelete = false;
            return await ShowAsync(cancellationToken);
        }

        TempData["Confirmation"] = $"The draft of {Draft.Title} has been deleted";
        return result.Id is null ? RedirectToPage("/Frameworks/Index") : RedirectToPage("/Frameworks/History", new { code = Code });
    }

    /// <summary>Acts on an item of this draft; <paramref name="belongs"/> makes sure the item is this draft's, not another framework's.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<bool>> belongs, Func<Task<ServiceResult>> action, string? confirmation, CancellationToken cancellationToken)
    {
        if (await LoadDraftAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!await belongs())
        {
            return NotFound();
        }

        var result = await action();
        if (result.Succeeded)
        {
            TempData["Confirmation"] = confirmation;
            return RedirectToPage(new { code = Code });
        }

        if (Refusal(result, "Structure", "Groups") is { } response)
        {
            return response;
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Details = await Db.FrameworkVersions.Where(v => v.Id == Draft.Id)
            .Select(v => new DraftDetails(v.Description, v.Publisher, v.Kind, v.Scale.Name)).SingleAsync(cancellationToken);
        Groups = await Db.FrameworkGroups.Where(g => g.VersionId == Draft.Id).OrderBy(g => g.Position)
            .Select(g => new GroupRow(g.Id, g.ParentId, g.Code, g.Title)).ToListAsync(cancellationToken);
        Qis = await Db.QualityIndicators.Where(q => q.VersionId == Draft.Id).OrderBy(q => q.Position)
            .Select(q => new QiRow(q.Id, q.GroupId, q.Code, q.Title, q.IsOverallJudgement)).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Whether a group holds nothing, so it can be removed (only empty groups can).</summary>
    public bool IsEmpty(Guid groupId) => Groups.All(g => g.ParentId != groupId) && Qis.All(q => q.GroupId != groupId);

    public sealed record DraftDetails(string? Description, string? Publisher, FrameworkKind Kind, string ScaleName);

    public sealed record GroupRow(Guid Id, Guid? ParentId, string Code, string Title);

    public sealed record QiRow(Guid Id, Guid GroupId, string Code, string Title, bool IsOverallJudgement);
}
