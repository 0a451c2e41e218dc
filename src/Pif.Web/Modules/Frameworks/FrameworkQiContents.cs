using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Pif.Web.Data;

namespace Pif.Web.Modules.Frameworks;

/// <summary>One QI of a framework version as the framework's page shows it: all it says, where it sits, and its neighbours.</summary>
public sealed record FrameworkQiContent(
    Guid Id,
    string Code,
    string Title,
    string Summary,
    bool IsOverallJudgement,
    string Place,
    IReadOnlyList<FrameworkQiContent.Theme> Themes,
    IReadOnlyList<FrameworkQiContent.Illustration> Illustrations,
    IReadOnlyList<string> ChallengeQuestions,
    IReadOnlyList<FrameworkQiContent.Evidence> SuggestedEvidence,
    (string Code, string Title)? Previous,
    (string Code, string Title)? Next)
{
    public sealed record Theme(Guid Id, string Title);

    public sealed record Illustration(int Level, Guid? ThemeId, string Text);

    public sealed record Evidence(EvidenceFamily Family, string Text);
}

/// <summary>The version a QI is read from: what the page has already read of it.</summary>
public sealed record FrameworkQiVersion(Guid Id, FrameworkStatus Status, string TopGroupLabel, string? SubGroupLabel);

/// <summary>
/// The QIs of published and retired framework versions, which never change (a published version refuses every edit,
/// and retiring changes only its status), kept in memory after the first read: the framework's page for a QI took
/// eight queries to read one. A draft's QIs change, so they are read afresh every time; a code the version does not
/// have is not kept either.
/// </summary>
public sealed class FrameworkQiContents(AppDbContext db, IMemoryCache cache)
{
    public async Task<FrameworkQiContent?> GetAsync(FrameworkQiVersion version, string qiCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        var key = (typeof(FrameworkQiContents), version.Id, qiCode);
        var fixedContent = version.Status != FrameworkStatus.Draft;
        if (fixedContent && cache.TryGetValue(key, out FrameworkQiContent? cached) && cached is not null)
        {
            return cached;
        }

        var content = await LoadAsync(version, qiCode, cancellationToken);
        if (fixedContent && content is not null)
        {
            cache.Set(key, content, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
        }

        return content;
    }

    private async Task<FrameworkQiContent?> LoadAsync(FrameworkQiVersion version, string qiCode, CancellationToken cancellationToken)
    {
        var qi = await db.QualityIndicators.AsSplitQuery().Where(q => q.VersionId == version.Id && q.Code == qiCode)
            .Select(q => new
            {
                q.Id,
                q.Code,
                q.Title,
                q.Summary,
                q.IsOverallJudgement,
                q.GroupId,
                Themes = q.Themes.OrderBy(t => t.Position).Select(t => new FrameworkQiContent.Theme(t.Id, t.Title)).ToList(),
                Illustrations = q.Illustrations.OrderByDescending(i => i.Level).ThenBy(i => i.Position).Select(i => new FrameworkQiContent.Illustration(i.Level, i.ThemeId, i.Text)).ToList(),
                Questions = q.ChallengeQuestions.OrderBy(c => c.Position).Select(c => c.Text).ToList(),
                Evidence = q.SuggestedEvidence.OrderBy(s => s.Position).Select(s => new FrameworkQiContent.Evidence(s.Family, s.Text)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (qi is null)
        {
            return null;
        }

        var groups = await db.FrameworkGroups.Where(g => g.VersionId == version.Id)
            .Select(g => new { g.Id, g.ParentId, g.Code, g.Title, g.Position }).ToDictionaryAsync(g => g.Id, cancellationToken);
        var group = groups[qi.GroupId];
        var place = group.ParentId is { } parentId
            ? $"{version.TopGroupLabel} {groups[parentId].Code}: {groups[parentId].Title} · {version.SubGroupLabel} {group.Code}: {group.Title}"
            : $"{version.TopGroupLabel} {group.Code}: {group.Title}";
        var all = await db.QualityIndicators.Where(q => q.VersionId == version.Id).Select(q => new { q.Code, q.Title, q.GroupId, q.Position }).ToListAsync(cancellationToken);
        var sorted = all.OrderBy(q => groups[q.GroupId].ParentId is { } p ? groups[p].Position : groups[q.GroupId].Position)
            .ThenBy(q => groups[q.GroupId].Position).ThenBy(q => q.Position).ToList();
        var index = sorted.FindIndex(q => q.Code == qi.Code);
        return new FrameworkQiContent(
            qi.Id, qi.Code, qi.Title, qi.Summary, qi.IsOverallJudgement, place, qi.Themes, qi.Illustrations, qi.Questions, qi.Evidence,
            index > 0 ? (sorted[index - 1].Code, sorted[index - 1].Title) : null,
            index < sorted.Count - 1 ? (sorted[index + 1].Code, sorted[index + 1].Title) : null);
    }
}
