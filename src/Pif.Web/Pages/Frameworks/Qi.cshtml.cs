using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks;

/// <summary>One quality indicator: what it covers, what good and weak look like, the questions to ask and where to look.</summary>
public sealed class QiModel(AppDbContext db, CurrentUser current) : PageModel
{
    public QiView Qi { get; private set; } = null!;

    public IReadOnlyList<(int Value, string Label)> Levels { get; private set; } = [];

    /// <summary>Whether the scale scores percentages (RADAR) rather than levels.</summary>
    public bool IsPercentage { get; private set; }

    public IReadOnlyList<RelatedQi> Related { get; private set; } = [];

    /// <summary>Where the QI sits: its high-level question and key area, or whatever the framework calls its groups.</summary>
    public string Place { get; private set; } = "";

    public (string Code, string Title)? Previous { get; private set; }

    public (string Code, string Title)? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int number, string qi, CancellationToken cancellationToken)
    {
        var drafts = FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
        var version = await FrameworkAccess.Visible(db, drafts).Where(v => v.Framework.Code == code && v.Number == number)
            .Select(v => new { v.Id, v.Title, v.Status, v.ScaleId, ScaleKind = v.Scale.Kind, v.TopGroupLabel, v.SubGroupLabel }).SingleOrDefaultAsync(cancellationToken);
        var view = version is null ? null : await db.QualityIndicators.AsSplitQuery().Where(q => q.VersionId == version.Id && q.Code == qi)
            .Select(q => new QiView(q.Id, code, number, version.Title, version.Status, q.Code, q.Title, q.Summary, q.IsOverallJudgement, q.GroupId,
                q.Themes.OrderBy(t => t.Position).Select(t => new ThemeView(t.Id, t.Title)).ToList(),
                q.Illustrations.OrderByDescending(i => i.Level).ThenBy(i => i.Position).Select(i => new IllustrationView(i.Level, i.ThemeId, i.Text)).ToList(),
                q.ChallengeQuestions.OrderBy(c => c.Position).Select(c => c.Text).ToList(),
                q.SuggestedEvidence.OrderBy(s => s.Position).Select(s => new EvidenceView(s.Family, s.Text)).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
        if (version is null || view is null)
        {
            return NotFound();
        }

        Qi = view;
        IsPercentage = version.ScaleKind == ScaleKind.Percentage;
        Levels = (await db.ScaleLevels.Where(l => l.ScaleId == version.ScaleId).OrderByDescending(l => l.Value)
            .Select(l => new { l.Value, l.Label }).ToListAsync(cancellationToken)).Select(l => (l.Value, l.Label)).ToList();
        var groups = await db.FrameworkGroups.Where(g => g.VersionId == version.Id)
            .Select(g => new { g.Id, g.ParentId, g.Code, g.Title, g.Position }).ToDictionaryAsync(g => g.Id, cancellationToken);
        var group = groups[view.GroupId];
        Place = group.ParentId is { } parentId
            ? $"{version.TopGroupLabel} {groups[parentId].Code}: {groups[parentId].Title} · {version.SubGroupLabel} {group.Code}: {group.Title}"
            : $"{version.TopGroupLabel} {group.Code}: {group.Title}";
        var all = await db.QualityIndicators.Where(q => q.VersionId == version.Id).Select(q => new { q.Code, q.Title, q.GroupId, q.Position }).ToListAsync(cancellationToken);
        var sorted = all.OrderBy(q => groups[q.GroupId].ParentId is { } p ? groups[p].Position : groups[q.GroupId].Position)
            .ThenBy(q => groups[q.GroupId].Position).ThenBy(q => q.Position).ToList();
        var index = sorted.FindIndex(q => q.Code == view.Code);
        Previous = index > 0 ? (sorted[index - 1].Code, sorted[index - 1].Title) : null;
        Next = index < sorted.Count - 1 ? (sorted[index + 1].Code, sorted[index + 1].Title) : null;
        Related = await RelatedQis.FindAsync(db, drafts, code, view.Id, view.Code, cancellationToken);
        return Page();
    }

    public sealed record QiView(
        Guid Id, string FrameworkCode, int Number, string FrameworkTitle, FrameworkStatus Status, string Code, string Title, string Summary, bool IsOverallJudgement, Guid GroupId,
        IReadOnlyList<ThemeView> Themes, IReadOnlyList<IllustrationView> Illustrations, IReadOnlyList<string> ChallengeQuestions, IReadOnlyList<EvidenceView> SuggestedEvidence);

    public sealed record ThemeView(Guid Id, string Title);

    public sealed record IllustrationView(int Level, Guid? ThemeId, string Text);

    public sealed record EvidenceView(EvidenceFamily Family, string Text);
}
