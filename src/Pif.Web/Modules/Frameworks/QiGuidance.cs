using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Pif.Web.Data;

namespace Pif.Web.Modules.Frameworks;

/// <summary>What a QI says, as the pages that evaluate against it show it beside the form.</summary>
public sealed record QiGuidanceText(string Code, string Title, string Summary, IReadOnlyList<string> Themes, IReadOnlyList<(int Level, string Text)> Illustrations, IReadOnlyList<string> Questions);

/// <summary>
/// The guidance of QIs in published or retired framework versions, which never change, kept in memory
/// after the first read: every QI page of a self-evaluation shows it, and it takes four queries to load.
/// Drafts are never cached (they change), and are read afresh.
/// </summary>
public sealed class QiGuidance(AppDbContext db, IMemoryCache cache)
{
    public async Task<QiGuidanceText?> GetAsync(Guid qualityIndicatorId, CancellationToken cancellationToken)
    {
        var key = (typeof(QiGuidance), qualityIndicatorId);
        if (cache.TryGetValue(key, out QiGuidanceText? cached))
        {
            return cached;
        }

        var loaded = await db.QualityIndicators.Where(i => i.Id == qualityIndicatorId)
            .Select(i => new
            {
                i.Code,
                i.Title,
                i.Summary,
                Fixed = db.FrameworkVersions.Any(v => v.Id == i.VersionId && v.Status != FrameworkStatus.Draft),
                Themes = i.Themes.OrderBy(t => t.Position).Select(t => t.Title).ToList(),
                Illustrations = i.Illustrations.Where(x => x.ThemeId == null).OrderByDescending(x => x.Level).Select(x => new { x.Level, x.Text }).ToList(),
                Questions = i.ChallengeQuestions.OrderBy(c => c.Position).Select(c => c.Text).ToList(),
            }).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var guidance = new QiGuidanceText(loaded.Code, loaded.Title, loaded.Summary, loaded.Themes, loaded.Illustrations.Select(x => (x.Level, x.Text)).ToList(), loaded.Questions);
        if (loaded.Fixed)
        {
            cache.Set(key, guidance, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
        }

        return guidance;
    }
}
