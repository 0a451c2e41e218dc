using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>Adds (with no id) or changes one part of a QI in a draft: a theme, illustration, challenge question, source of evidence or mapping.</summary>
public sealed class PartModel(AppDbContext db, CurrentUser current, FrameworkDraftsService drafts) : DraftPage(db, current)
{
    [BindProperty(SupportsGet = true)]
    public Guid QiId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public PartForm Form { get; set; } = new();

    [BindProperty]
    public Guid Stamp { get; set; }

    public string QiName { get; private set; } = "";

    public IReadOnlyList<(int Value, string Label, string Meaning)> Levels { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title)> Themes { get; private set; } = [];

    public IReadOnlyList<(string Code, string Title)> Frameworks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await LoadDraftAsync(cancellationToken) ?? await LoadAsync(fill: false, cancellationToken)) is { } refused)
        {
            return refused;
        }

        this.AddErrors(new PartForm.Validator(Kind).Validate(Form), nameof(Form));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var text = Form.Text?.Trim() ?? "";
        var result = (Kind, Id) switch
        {
            (PartKinds.Themes, null) => await drafts.AddThemeAsync(Access, QiId, text, cancellationToken),
            (PartKinds.Themes, { } id) => await drafts.UpdateThemeAsync(Access, id, Stamp, text, cancellationToken),
            (PartKinds.Illustrations, null) => await drafts.AddIllustrationAsync(Access, QiId, new(Form.Level!.Value, Form.ThemeId, text), cancellationToken),
            (PartKinds.Illustrations, { } id) => await drafts.UpdateIllustrationAsync(Access, id, Stamp, new(Form.Level!.Value, Form.ThemeId, text), cancellationToken),
            (PartKinds.Questions, null) => await drafts.AddQuestionAsync(Access, QiId, text, cancellationToken),
            (PartKinds.Questions, { } id) => await drafts.UpdateQuestionAsync(Access, id, Stamp, text, cancellationToken),
            (PartKinds.Evidence, null) => await drafts.AddEvidenceAsync(Access, QiId, Form.Family!.Value, text, cancellationToken),
            (PartKinds.Evidence, { } id) => await drafts.UpdateEvidenceAsync(Access, id, Stamp, Form.Family!.Value, text, cancellationToken),
            (_, null) => await drafts.AddMappingAsync(Access, QiId, Form.ToMapping(), cancellationToken),
            (_, { } id) => await drafts.UpdateMappingAsync(Access, id, Stamp, Form.ToMapping(), cancellationToken),
        };
        if (result.Succeeded)
        {
            TempData["Confirmation"] = $"The {PartKinds.Singular(Kind)} has been saved";
            return RedirectToPage("/Frameworks/Draft/Qi", null, new { code = Code, id = QiId }, $"Parts_{Kind}");
        }

        if (Refusal(result, nameof(Form), Kind == PartKinds.Mappings ? nameof(Form.ToFrameworkCode) : nameof(Form.Text)) is { } response)
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

    private async Task<IActionResult?> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var qi = await Db.QualityIndicators.Where(q => q.Id == QiId && q.VersionId == Draft.Id).Select(q => q.Code + " " + q.Title).SingleOrDefaultAsync(cancellationToken);
        if (qi is null || !PartKinds.All.Contains(Kind))
        {
            return NotFound();
        }

        QiName = qi;
        Levels = (await Db.ScaleLevels.Where(l => l.ScaleId == Draft.ScaleId).OrderByDescending(l => l.Value).Select(l => new { l.Value, l.Label, l.Meaning }).ToListAsync(cancellationToken))
            .Select(l => (l.Value, l.Label, l.Meaning)).ToList();
        Themes = (await Db.QiThemes.Where(t => t.QualityIndicatorId == QiId).OrderBy(t => t.Position).Select(t => new { t.Id, t.Title }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Title)).ToList();
        Frameworks = (await Db.Frameworks.OrderBy(f => f.Code).Select(f => new { f.Code, Title = f.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First() }).ToListAsync(cancellationToken))
            .Select(f => (f.Code, f.Title)).ToList();
        if (Id is not { } id)
        {
            return null;
        }

        var found = await PartForm.LoadAsync(Db, Kind, id, QiId, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (fill)
        {
            (Form, Stamp) = found.Value;
        }

        return null;
    }
}
