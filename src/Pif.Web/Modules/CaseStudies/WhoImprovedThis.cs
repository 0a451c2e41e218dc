using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// "Who improved this, and how": for an indicator and a council, the councils of its family group whose figure moved
/// furthest in the better direction over five years, each with its published case studies linked to the indicator,
/// and every published case study linked to the indicator.
/// </summary>
public static class WhoImprovedThis
{
    public const int Shown = 3;

    public sealed record CaseStudyLink(Guid Id, string Title, string Council);

    public sealed record Improver(Guid CouncilId, string Council, double Before, double After, IReadOnlyList<CaseStudyLink> CaseStudies);

    public sealed record Answer(int? FamilyGroup, string? From, string? To, IReadOnlyList<Improver> Improvers, IReadOnlyList<CaseStudyLink> CaseStudies);

    /// <summary>One council's figure at the start and the end of the five years.</summary>
    public sealed record Change(Guid CouncilId, double Before, double After);

    /// <summary>
    /// The councils that improved most, best first: the change from <c>Before</c> to <c>After</c> with the polarity
    /// applied, only those that got better, at most <paramref name="count"/>; none when better has no direction.
    /// </summary>
    public static IReadOnlyList<Change> Most(IEnumerable<Change> changes, Polarity polarity, int count = Shown)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (polarity == Polarity.Neither)
        {
            return [];
        }

        double Better(Change c) => polarity == Polarity.HigherIsBetter ? c.After - c.Before : c.Before - c.After;
        return [.. changes.Where(c => Better(c) > 0).OrderByDescending(Better).ThenBy(c => c.CouncilId).Take(count)];
    }

    public static async Task<Answer> ForAsync(AppDbContext db, PerformanceIndicator indicator, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        // The search entries are the case studies every council reads, with their published revisions.
        var linked = await (from l in db.CaseStudyIndicators
                            where l.IndicatorId == indicator.Id
                            join e in db.CaseStudySearchEntries on l.RevisionId equals e.RevisionId
                            join o in db.Organisations on e.OrganisationId equals o.Id
                            select new
                            {
                                Id = e.CaseStudyId,
                                e.Title,
                                e.OrganisationId,
                                Council = o.Name,
                                Others = db.Set<CaseStudyCouncil>().Where(x => x.RevisionId == l.RevisionId).Select(x => x.OrganisationId).ToList(),
                            })
            .ToListAsync(cancellationToken);
        var links = linked.OrderBy(l => l.Title, StringComparer.CurrentCulture).Select(l => new CaseStudyLink(l.Id, l.Title, l.Council)).ToList();

        var memberships = await db.FamilyGroupMemberships.Where(m => m.Grouping == indicator.Grouping)
            .Select(m => new { m.OrganisationId, m.Group, m.FromYear }).ToListAsync(cancellationToken);
        var latestGroup = memberships.GroupBy(m => m.OrganisationId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.FromYear)!.Group);
        if (indicator.Polarity == Polarity.Neither || !latestGroup.TryGetValue(councilId, out var group))
        {
            return new(latestGroup.TryGetValue(councilId, out var g) ? g : null, null, null, [], links);
        }

        var members = latestGroup.Where(m => m.Value == group).Select(m => m.Key).ToList();
        var values = await (from v in db.IndicatorValues
                            where v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Council && v.Value != null && members.Contains(v.OrganisationId!.Value)
                            join o in db.Organisations on v.OrganisationId equals o.Id
                            select new { Council = o.Id, o.Name, v.Period, v.FromYear, v.ToYear, Value = v.Value!.Value })
            .ToListAsync(cancellationToken);
        var latest = values.Where(v => v.Council == councilId).MaxBy(v => v.FromYear);
        if (latest is null)
        {
            return new(group, null, null, [], links);
        }

        var span = latest.ToYear - latest.FromYear;
        var end = values.Where(v => v.FromYear == latest.FromYear && v.ToYear - v.FromYear == span).ToList();
        var start = values.Where(v => v.FromYear == latest.FromYear - 5 && v.ToYear - v.FromYear == span).ToDictionary(v => v.Council);
        var changes = end.Where(v => start.ContainsKey(v.Council)).Select(v => new Change(v.Council, start[v.Council].Value, v.Value));
        var names = values.GroupBy(v => v.Council).ToDictionary(g => g.Key, g => g.First().Name);
        var improvers = Most(changes, indicator.Polarity).Select(c => new Improver(c.CouncilId, names[c.CouncilId], c.Before, c.After,
            [.. links.Where(l => linked.Any(x => x.Id == l.Id && (x.OrganisationId == c.CouncilId || x.Others.Contains(c.CouncilId))))])).ToList();
        return new(group, start.Values.FirstOrDefault()?.Period, latest.Period, improvers, links);
    }
}
