using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Frameworks.Documents;

/// <summary>Converts between a stored framework version and its exchange document.</summary>
public static class FrameworkDocuments
{
    /// <summary>Loads one version with everything it holds, ready for <see cref="ToDocument"/>.</summary>
    public static Task<FrameworkVersion?> LoadAsync(AppDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.FrameworkVersions.AsNoTracking().AsSplitQuery()
            .Include(v => v.Framework)
            .Include(v => v.Scale).ThenInclude(s => s.Levels)
            .Include(v => v.Groups)
            .Include(v => v.QualityIndicators).ThenInclude(q => q.Themes)
            .Include(v => v.QualityIndicators).ThenInclude(q => q.Illustrations)
            .Include(v => v.QualityIndicators).ThenInclude(q => q.ChallengeQuestions)
            .Include(v => v.QualityIndicators).ThenInclude(q => q.SuggestedEvidence)
            .Include(v => v.Mappings)
            .SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
    }

    public static FrameworkDocument ToDocument(FrameworkVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var qiCodes = version.QualityIndicators.ToDictionary(q => q.Id, q => q.Code);
        return new FrameworkDocument(
            version.Framework.Code,
            version.Number,
            version.Title,
            version.Description,
            version.Publisher,
            version.Kind,
            ToDocument(version.Scale),
            version.SubGroupLabel is null ? [version.TopGroupLabel] : [version.TopGroupLabel, version.SubGroupLabel],
            GroupsUnder(version, null),
            version.Mappings.OrderBy(m => m.Position)
                .Select(m => new MappingDocument(qiCodes[m.FromQualityIndicatorId], m.ToFrameworkCode, m.ToQiCode, m.Relation)).ToList());
    }

    public static ScaleDocument ToDocument(EvaluationScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return new ScaleDocument(scale.Code, scale.Name, scale.Kind,
            scale.Levels.OrderByDescending(l => l.Value).Select(l => new ScaleLevelDocument(l.Value, l.Label, l.Meaning)).ToList());
    }

    private static List<GroupDocument> GroupsUnder(FrameworkVersion version, Guid? parentId) =>
        version.Groups.Where(g => g.ParentId == parentId).OrderBy(g => g.Position).Select(g =>
        {
            var children = GroupsUnder(version, g.Id);
            return children.Count > 0 || (parentId is null && version.SubGroupLabel is not null)
                ? new GroupDocument(g.Code, g.Title, children, null)
                : new GroupDocument(g.Code, g.Title, null, version.QualityIndicators.Where(q => q.GroupId == g.Id).OrderBy(q => q.Position).Select(ToDocument).ToList());
        }).ToList();

    private static QiDocument ToDocument(QualityIndicator qi)
    {
        var themes = qi.Themes.ToDictionary(t => t.Id, t => t.Title);
        return new QiDocument(
            qi.Code,
            qi.Title,
            qi.Summary,
            qi.IsOverallJudgement,
            qi.Themes.OrderBy(t => t.Position).Select(t => t.Title).ToList(),
            qi.Illustrations.OrderBy(i => i.Position).Select(i => new IllustrationDocument(i.Level, i.Text, i.ThemeId is { } id ? themes[id] : null)).ToList(),
            qi.ChallengeQuestions.OrderBy(c => c.Position).Select(c => c.Text).ToList(),
            qi.SuggestedEvidence.OrderBy(s => s.Position).Select(s => new EvidenceDocument(s.Family, s.Text)).ToList());
    }

    /// <summary>Builds a new version of <paramref name="framework"/> holding what the document says, with fresh ids.</summary>
    public static FrameworkVersion ToVersion(FrameworkDocument document, Framework framework, int number, FrameworkStatus status, EvaluationScale scale, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(scale);
        var version = new FrameworkVersion
        {
            FrameworkId = framework.Id,
            Number = number,
            Status = status,
            Title = document.Title,
            Description = document.Description,
            Publisher = document.Publisher,
            Kind = document.Kind,
            ScaleId = scale.Id,
            TopGroupLabel = document.GroupLabels[0],
            SubGroupLabel = document.GroupLabels.Count > 1 ? document.GroupLabels[1] : null,
            CreatedAt = now,
            PublishedAt = status == FrameworkStatus.Published ? now : null,
        };
        var qiIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        AddGroups(version, document.Groups, null, qiIds);
        version.Mappings.AddRange(document.Mappings.Select((m, i) => new FrameworkMapping
        {
            VersionId = version.Id,
            FromQualityIndicatorId = qiIds[m.FromQi],
            ToFrameworkCode = m.ToFramework,
            ToQiCode = m.ToQi,
            Relation = m.Relation,
            Position = i,
        }));
        return version;
    }

    private static void AddGroups(FrameworkVersion version, IReadOnlyList<GroupDocument> groups, Guid? parentId, Dictionary<string, Guid> qiIds)
    {
        foreach (var (document, position) in groups.Select((g, i) => (g, i)))
        {
            var group = new FrameworkGroup { VersionId = version.Id, ParentId = parentId, Code = document.Code, Title = document.Title, Position = position };
            version.Groups.Add(group);
            AddGroups(version, document.Groups ?? [], group.Id, qiIds);
            foreach (var (qi, index) in (document.QualityIndicators ?? []).Select((q, i) => (q, i)))
            {
                var entity = ToEntity(qi, version.Id, group.Id, index);
                qiIds[qi.Code] = entity.Id;
                version.QualityIndicators.Add(entity);
            }
        }
    }

    private static QualityIndicator ToEntity(QiDocument document, Guid versionId, Guid groupId, int position)
    {
        var qi = new QualityIndicator
        {
            VersionId = versionId,
            GroupId = groupId,
            Code = document.Code,
            Title = document.Title,
            Summary = document.Summary,
            IsOverallJudgement = document.IsOverallJudgement,
            Position = position,
        };
        qi.Themes.AddRange(document.Themes.Select((t, i) => new QiTheme { QualityIndicatorId = qi.Id, Title = t, Position = i }));
        qi.Illustrations.AddRange(document.Illustrations.Select((d, i) => new QiIllustration
        {
            QualityIndicatorId = qi.Id,
            Level = d.Level,
            ThemeId = d.Theme is null ? null : qi.Themes.Single(t => t.Title == d.Theme).Id,
            Text = d.Text,
            Position = i,
        }));
        qi.ChallengeQuestions.AddRange(document.ChallengeQuestions.Select((c, i) => new ChallengeQuestion { QualityIndicatorId = qi.Id, Text = c, Position = i }));
        qi.SuggestedEvidence.AddRange(document.SuggestedEvidence.Select((s, i) => new SuggestedEvidence { QualityIndicatorId = qi.Id, Family = s.Family, Text = s.Text, Position = i }));
        return qi;
    }
}
