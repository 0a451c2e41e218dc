using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>The kinds of part a QI has, as they appear in routes and forms.</summary>
public static class PartKinds
{
    public const string Themes = "themes";
    public const string Illustrations = "illustrations";
    public const string Questions = "questions";
    public const string Evidence = "evidence";
    public const string Mappings = "mappings";

    public static readonly IReadOnlyList<string> All = [Themes, Illustrations, Questions, Evidence, Mappings];

    /// <summary>The longest text a part of this kind takes, as the service holds it.</summary>
    public static int MaxLength(string kind) => kind switch
    {
        Themes => FrameworkLimits.ThemeMaxLength,
        Illustrations => FrameworkLimits.IllustrationMaxLength,
        Questions => FrameworkLimits.QuestionMaxLength,
        _ => FrameworkLimits.EvidenceMaxLength,
    };

    public static string Singular(string kind) => kind switch
    {
        Themes => "theme",
        Illustrations => "illustration",
        Questions => "challenge question",
        Evidence => "source of evidence",
        _ => "mapping",
    };

    /// <summary>"a theme", "an illustration".</summary>
    public static string WithArticle(string kind) => kind == Illustrations ? "an illustration" : $"a {Singular(kind)}";

    public static string Heading(string kind) => kind switch
    {
        Themes => "Themes",
        Illustrations => "Illustrations",
        Questions => "Challenge questions",
        Evidence => "Suggested evidence",
        _ => "Mappings to other frameworks",
    };
}

/// <summary>The parts of one QI as the draft editor lists them, in order.</summary>
public sealed record QiParts(IReadOnlyDictionary<string, IReadOnlyList<QiParts.Item>> ByKind)
{
    public sealed record Item(Guid Id, string Text);

    public static async Task<QiParts> LoadAsync(AppDbContext db, Guid qiId, Guid scaleId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var levels = await db.ScaleLevels.Where(l => l.ScaleId == scaleId).ToDictionaryAsync(l => l.Value, l => l.Label, cancellationToken);
        var themes = await db.QiThemes.Where(t => t.QualityIndicatorId == qiId).OrderBy(t => t.Position).Select(t => new { t.Id, t.Title }).ToListAsync(cancellationToken);
        var illustrations = await db.QiIllustrations.Where(i => i.QualityIndicatorId == qiId).OrderBy(i => i.Position).Select(i => new { i.Id, i.Level, i.ThemeId, i.Text }).ToListAsync(cancellationToken);
        var questions = await db.ChallengeQuestions.Where(c => c.QualityIndicatorId == qiId).OrderBy(c => c.Position).Select(c => new Item(c.Id, c.Text)).ToListAsync(cancellationToken);
        var evidence = await db.SuggestedEvidence.Where(s => s.QualityIndicatorId == qiId).OrderBy(s => s.Position).Select(s => new { s.Id, s.Family, s.Text }).ToListAsync(cancellationToken);
        var mappings = await db.FrameworkMappings.Where(m => m.FromQualityIndicatorId == qiId).OrderBy(m => m.Position).Select(m => new { m.Id, m.Relation, m.ToFrameworkCode, m.ToQiCode }).ToListAsync(cancellationToken);
        return new QiParts(new Dictionary<string, IReadOnlyList<Item>>
        {
            [PartKinds.Themes] = themes.Select(t => new Item(t.Id, t.Title)).ToList(),
            [PartKinds.Illustrations] = illustrations.Select(i => new Item(i.Id,
                $"Level {i.Level} ({levels.GetValueOrDefault(i.Level, "not on the scale")}){(i.ThemeId is { } t ? $", {themes.FirstOrDefault(x => x.Id == t)?.Title}" : ", whole QI")}: {i.Text}")).ToList(),
            [PartKinds.Questions] = questions,
            [PartKinds.Evidence] = evidence.Select(e => new Item(e.Id, $"{FrameworkWording.Family(e.Family)}: {e.Text}")).ToList(),
            [PartKinds.Mappings] = mappings.Select(m => new Item(m.Id, $"{FrameworkWording.RelationName(m.Relation)} {m.ToFrameworkCode} {m.ToQiCode}")).ToList(),
        });
    }
}
