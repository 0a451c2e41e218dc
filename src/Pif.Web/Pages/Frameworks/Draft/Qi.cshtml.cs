using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>Adds a QI to a draft (with no id), or changes one and lists its parts to add, change, reorder and remove.</summary>
public sealed class QiModel(AppDbContext db, CurrentUser current, FrameworkDraftsService drafts) : DraftPage(db, current)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Group { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool ConfirmRemove { get; set; }

    [BindProperty]
    public QiForm Form { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Groups { get; private set; } = [];

    public QiParts? Parts { get; private set; }

    /// <summary>The QI's code and title as saved, for the heading (the form may hold unsaved changes).</summary>
    public string SavedName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: false, cancellationToken)) is { } refused)
        {
            return refused;
        }

        this.AddErrors(new QiForm.Validator().Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new QiInput(Form.Code!.Trim(), Form.Title!.Trim(), Form.Summary!.Trim(), Form.IsOverallJudgement, Form.GroupId!.Value);
        var result = Id is { } id ? await drafts.UpdateQiAsync(Access, id, Stamp, input, cancellationToken) : await drafts.AddQiAsync(Access, Draft.Id, input, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"{input.Code} {input.Title} has been saved";
            return RedirectToPage(new { code = Code, id = result.Id, group = (Guid?)null });
        }

        if (Refusal(result, nameof(Form), nameof(Form.Code)) is { } response)
        {
            return response;
        }

        if (result.IsStale)
        {
            ModelState.Remove(nameof(Stamp));
            await LoadAsync(fill: true, cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnPostMoveAsync(string part, Guid itemId, bool up, CancellationToken cancellationToken) =>
        ActAsync(part switch
        {
            PartKinds.Themes => a => drafts.MoveThemeAsync(a, itemId, up, cancellationToken),
            PartKinds.Illustrations => a => drafts.MoveIllustrationAsync(a, itemId, up, cancellationToken),
            PartKinds.Questions => a => drafts.MoveQuestionAsync(a, itemId, up, cancellationToken),
            PartKinds.Evidence => a => drafts.MoveEvidenceAsync(a, itemId, up, cancellationToken),
            PartKinds.Mappings => a => drafts.MoveMappingAsync(a, itemId, up, cancellationToken),
            _ => null,
        }, part, itemId, null, cancellationToken);

    public Task<IActionResult> OnPostRemovePartAsync(string part, Guid itemId, CancellationToken cancellationToken) =>
        ActAsync(part switch
        {
            PartKinds.Themes => a => drafts.RemoveThemeAsync(a, itemId, cancellationToken),
            PartKinds.Illustrations => a => drafts.RemoveIllustrationAsync(a, itemId, cancellationToken),
            PartKinds.Questions => a => drafts.RemoveQuestionAsync(a, itemId, cancellationToken),
            PartKinds.Evidence => a => drafts.RemoveEvidenceAsync(a, itemId, cancellationToken),
            PartKinds.Mappings => a => drafts.RemoveMappingAsync(a, itemId, cancellationToken),
            _ => null,
        }, part, itemId, "It has been removed", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if ((await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: true, cancellationToken)) is { } refused)
        {
            return refused;
        }

        if (Id is not { } id)
        {
            return NotFound();
        }

        var result = await drafts.RemoveQiAsync(Access, id, cancellationToken);
        if (Refusal(result, nameof(Form), nameof(Form.Code)) is { } response)
        {
            return response;
        }

        if (!result.Succeeded)
        {
            return Page();
        }

        TempData["Confirmation"] = $"{Form.Code} {Form.Title} has been removed from the draft";
        return RedirectToPage("/Frameworks/Draft/Index", new { code = Code });
    }

    private async Task<IActionResult> ActAsync(Func<UserAccess, Task<ServiceResult>>? action, string part, Guid itemId, string? confirmation, CancellationToken cancellationToken)
    {
        if ((await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: true, cancellationToken)) is { } refused)
        {
            return refused;
        }

        if (action is null || Id is null || Parts?.ByKind[part].Any(p => p.Id == itemId) != true)
        {
            // Only the parts of this QI of this draft: an id from elsewhere is not found here.
            return NotFound();
        }

        var result = await action(Access);
        return this.Answer(result, _ =>
        {
            TempData["Confirmation"] = confirmation;
            return RedirectToPage(null, null, new { code = Code, id = Id }, $"Parts_{part}");
        }, _ => $"Parts.{part}", StaleMessage);
    }

    private async Task<IActionResult?> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var groups = await Db.FrameworkGroups.Where(g => g.VersionId == Draft.Id).OrderBy(g => g.Position).Select(g => new { g.Id, g.ParentId, g.Code, g.Title }).ToListAsync(cancellationToken);
        Groups = groups.Where(g => Draft.SubGroupLabel is null ? g.ParentId is null : g.ParentId is not null)
            .OrderBy(g => g.ParentId is { } p ? groups.FindIndex(x => x.Id == p) : 0).ThenBy(g => groups.IndexOf(g))
            .Select(g => (g.Id, $"{Draft.LowestGroupLabel} {g.Code}: {g.Title}")).ToList();
        if (Id is not { } id)
        {
            if (fill)
            {
                Form.GroupId = Group;
            }

            return null;
        }

        var qi = await Db.QualityIndicators.Where(q => q.Id == id && q.VersionId == Draft.Id)
            .Select(q => new { q.Code, q.Title, q.Summary, q.IsOverallJudgement, q.GroupId, q.ConcurrencyStamp }).SingleOrDefaultAsync(cancellationToken);
        if (qi is null)
        {
            return NotFound();
        }

        SavedName = $"{qi.Code} {qi.Title}";
        if (fill)
        {
            Form = new QiForm { Code = qi.Code, Title = qi.Title, Summary = qi.Summary, IsOverallJudgement = qi.IsOverallJudgement, GroupId = qi.GroupId };
            Stamp = qi.ConcurrencyStamp;
        }

        Parts = await QiParts.LoadAsync(Db, id, Draft.ScaleId, cancellationToken);
        return null;
    }
}
