using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Frameworks;

/// <summary>A QI of another framework or guide related to the one being read, with the relation as a phrase.</summary>
public sealed record RelatedQi(string Phrase, string FrameworkCode, string FrameworkTitle, FrameworkKind Kind, int Number, string QiCode, string QiTitle);

/// <summary>
/// Finds the QIs related to one QI, both ways: the mappings it makes, and the mappings other
/// frameworks make to its code. The other end is read in its newest published version (for
/// national administrators, the newest version of any status when none is published).
/// </summary>
public static class RelatedQis
{
    public static async Task<IReadOnlyList<RelatedQi>> FindAsync(AppDbContext db, bool drafts, string frameworkCode, Guid qiId, string qiCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var outgoing = await db.FrameworkMappings.Where(m => m.FromQualityIndicatorId == qiId).OrderBy(m => m.Position)
            .Select(m => new { m.ToFrameworkCode, m.ToQiCode, m.Relation }).ToListAsync(cancellationToken);
        var targetCodes = outgoing.Select(m => m.ToFrameworkCode).Distinct().ToList();
        // Each list below is read only when there is something to look for: most QIs map to nothing.
        var targets = targetCodes.Count == 0 ? [] : await FrameworkAccess.Visible(db, drafts).Where(v => targetCodes.Contains(v.Framework.Code))
            .Join(db.QualityIndicators, v => v.Id, q => q.VersionId, (v, q) => new Candidate(v.Framework.Code, v.Title, v.Kind, v.Number, v.Status, q.Code, q.Title))
            .ToListAsync(cancellationToken);

        // Mappings into this QI, from any other framework; only each framework's current version counts,
        // so a mapping a newer version dropped is not shown from an older one still published.
        var incoming = await db.FrameworkMappings.Where(m => m.ToFrameworkCode == frameworkCode && m.ToQiCode == qiCode)
            .Join(FrameworkAccess.Visible(db, drafts), m => m.VersionId, v => v.Id, (m, v) => new { m, v })
            .Where(x => x.v.Framework.Code != frameworkCode)
            .Join(db.QualityIndicators, x => x.m.FromQualityIndicatorId, q => q.Id, (x, q) => new { x.m.Relation, x.m.Position, Candidate = new Candidate(x.v.Framework.Code, x.v.Title, x.v.Kind, x.v.Number, x.v.Status, q.Code, q.Title) })
            .ToListAsync(cancellationToken);
        var sources = incoming.Select(x => x.Candidate.FrameworkCode).Distinct().ToList();
        var versions = sources.Count == 0 ? [] : await FrameworkAccess.Visible(db, drafts).Where(v => sources.Contains(v.Framework.Code))
            .Select(v => new Candidate(v.Framework.Code, v.Title, v.Kind, v.Number, v.Status, "", "")).ToListAsync(cancellationToken);
        var current = versions.GroupBy(v => v.FrameworkCode).Select(g => Current(g)!).ToList();

        var related = new List<RelatedQi>();
        foreach (var mapping in outgoing)
        {
            if (Current(targets.Where(t => t.FrameworkCode == mapping.ToFrameworkCode)) is { } version
                && targets.FirstOrDefault(t => t.FrameworkCode == mapping.ToFrameworkCode && t.Number == version.Number && t.QiCode == mapping.ToQiCode) is { } target)
            {
                related.Add(target.ToRelated(FrameworkWording.Relation(mapping.Relation)));
            }
        }

        related.AddRange(incoming.Where(x => current.Any(c => c.FrameworkCode == x.Candidate.FrameworkCode && c.Number == x.Candidate.Number))
            .OrderBy(x => x.Candidate.Kind).ThenBy(x => x.Candidate.FrameworkTitle, StringComparer.CurrentCulture).ThenBy(x => x.Position)
            .Select(x => x.Candidate.ToRelated(FrameworkWording.InverseRelation(x.Relation))));
        return related;
    }

    private static Candidate? Current(IEnumerable<Candidate> candidates)
    {
        var list = candidates.ToList();
        return list.Where(c => c.Status == FrameworkStatus.Published).MaxBy(c => c.Number) ?? list.MaxBy(c => c.Number);
    }

    private sealed record Candidate(string FrameworkCode, string FrameworkTitle, FrameworkKind Kind, int Number, FrameworkStatus Status, string QiCode, string QiTitle)
    {
        public RelatedQi ToRelated(string phrase) => new(phrase, FrameworkCode, FrameworkTitle, Kind, Number, QiCode, QiTitle);
    }
}
