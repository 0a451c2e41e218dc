using Microsoft.EntityFrameworkCore;
using Pif.Statistics;
using Pif.Web.Data;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>
/// The inspectorate's national picture of one framework (issue: reports, item 5): per QI, how councils' latest
/// published self-evaluations spread their agreed and validated grades; agreement between councils and link inspectors
/// across every validation; what areas for improvement most often name; and each cycle's figures. Counts only: no
/// council is named, so it is the same for everyone who may open it.
/// </summary>
public sealed record NationalOverview(
    NationalOverview.FrameworkChoice Framework,
    IReadOnlyList<NationalOverview.FrameworkChoice> Frameworks,
    IReadOnlyList<(int Value, string Label)> Levels,
    int Councils,
    IReadOnlyList<NationalOverview.QiSpread> Qis,
    AgreementResult Agreement,
    IReadOnlyList<(int Difference, int Count)> Moves,
    IReadOnlyList<Theme> Words,
    IReadOnlyList<Theme> Phrases,
    IReadOnlyList<NationalOverview.Cycle> Trend)
{
    /// <summary>How many themes of each kind the overview lists.</summary>
    public const int ThemeCount = 15;

    public sealed record FrameworkChoice(string Code, string Title);

    /// <param name="Agreed">How many councils agreed each level (by the level's value).</param>
    /// <param name="Validated">How many had each level validated.</param>
    public sealed record QiSpread(string Code, string Title, IReadOnlyDictionary<int, int> Agreed, IReadOnlyDictionary<int, int> Validated);

    /// <summary>One cycle: the self-evaluations of periods starting in a year that have been validated.</summary>
    public sealed record Cycle(int Year, int SelfEvaluations, double? MeanAgreed, double? MeanValidated, AgreementResult Agreement)
    {
        public string Label => $"{Year} to {Year + 1}";
    }

    /// <summary>The overview of the framework with <paramref name="code"/>, or of the one with the most validated self-evaluations; null when none is validated yet.</summary>
    public static async Task<NationalOverview?> LoadAsync(AppDbContext db, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var validated = await db.SelfEvaluations.Where(s => s.State == SelfEvaluationState.Validated || s.State == SelfEvaluationState.Published)
            .Join(db.FrameworkVersions, s => s.FrameworkVersionId, v => v.Id, (s, v) => new
            {
                s.Id,
                s.OrganisationId,
                s.State,
                s.PeriodStart,
                s.PublishedAt,
                s.Submissions,
                v.Framework.Code,
                FrameworkTitle = v.Title,
                v.ScaleId,
                v.Number,
            })
            .ToListAsync(cancellationToken);
        var frameworks = validated.GroupBy(s => s.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FrameworkChoice(g.Key, g.MaxBy(s => s.Number)!.FrameworkTitle)).ToList();
        var framework = frameworks.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.OrdinalIgnoreCase)) ?? frameworks.FirstOrDefault();
        if (framework is null)
        {
            return null;
        }

        var these = validated.Where(s => s.Code == framework.Code).ToList();
        var scale = these.MaxBy(s => s.Number)!.ScaleId;
        var levels = await db.ScaleLevels.Where(l => l.ScaleId == scale).OrderBy(l => l.Value).Select(l => new { l.Value, l.Label }).ToListAsync(cancellationToken);
        var latest = these.Where(s => s.State == SelfEvaluationState.Published).GroupBy(s => s.OrganisationId)
            .Select(g => g.OrderByDescending(s => s.PeriodStart).ThenByDescending(s => s.PublishedAt).First()).ToList();
        var latestIds = latest.Select(s => s.Id).ToList();
        var allIds = these.Select(s => s.Id).ToList();

        var agreed = await db.QiEvaluations.Where(q => latestIds.Contains(q.SelfEvaluationId))
            .Join(db.QualityIndicators, q => q.QualityIndicatorId, i => i.Id, (q, i) => new
            {
                q.QiCode,
                i.Title,
                q.Position,
                Grade = q.Records.Where(r => r.Kind == RecordKind.Agreed).Select(r => r.Grade).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // The decisions that stand: those on each self-evaluation's last submission (a returned submission's are superseded).
        var decisions = await db.ValidationDecisions
            .Join(db.QiEvaluations.Where(q => allIds.Contains(q.SelfEvaluationId)), d => d.QiEvaluationId, q => q.Id, (d, q) => new { d, q })
            .Join(db.SelfEvaluations, x => x.q.SelfEvaluationId, s => s.Id, (x, s) => new { x.d, x.q, s.Submissions })
            .Where(x => x.d.Submission == x.Submissions)
            .Select(x => new { x.q.SelfEvaluationId, x.q.QiCode, x.d.AgreedGrade, x.d.Grade })
            .ToListAsync(cancellationToken);

        var improvements = await db.RecordItems.Where(i => i.Kind == ItemKind.AreaForImprovement)
            .Join(db.EvaluationRecords.Where(r => r.Kind == RecordKind.Agreed), i => i.RecordId, r => r.Id, (i, r) => new { i.Text, r.QiEvaluationId })
            .Join(db.QiEvaluations.Where(q => latestIds.Contains(q.SelfEvaluationId)), x => x.QiEvaluationId, q => q.Id, (x, q) => new { x.Text, q.SelfEvaluationId })
            .ToListAsync(cancellationToken);

        var values = levels.Select(l => l.Value).ToList();
        var latestSet = latestIds.ToHashSet();
        var qis = agreed.GroupBy(q => q.QiCode).OrderBy(g => g.Min(q => q.Position)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QiSpread(g.Key, g.First().Title,
                Spread(values, g.Select(q => q.Grade)),
                Spread(values, decisions.Where(d => d.QiCode == g.Key && latestSet.Contains(d.SelfEvaluationId)).Select(d => (int?)d.Grade))))
            .ToList();
        var pairs = decisions.Select(d => (d.AgreedGrade, d.Grade)).ToList();
        var council = these.ToDictionary(s => s.Id, s => s.OrganisationId);
        var (words, phrases) = Themes.Find(improvements.Select(i => (council[i.SelfEvaluationId], i.Text)), ThemeCount);
        var trend = these.GroupBy(s => s.PeriodStart.Year).OrderBy(g => g.Key).Select(g =>
        {
            var ids = g.Select(s => s.Id).ToHashSet();
            var cycle = decisions.Where(d => ids.Contains(d.SelfEvaluationId)).ToList();
            return new Cycle(g.Key, g.Count(),
                cycle.Count == 0 ? null : cycle.Average(d => d.AgreedGrade),
                cycle.Count == 0 ? null : cycle.Average(d => d.Grade),
                Statistics.Agreement.Measure(cycle.Select(d => (d.AgreedGrade, d.Grade)).ToList(), values));
        }).ToList();

        return new NationalOverview(framework, frameworks, levels.Select(l => (l.Value, l.Label)).ToList(), latest.Count, qis,
            Statistics.Agreement.Measure(pairs, values),
            pairs.GroupBy(p => p.Grade - p.AgreedGrade).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            words, phrases, trend);
    }

    private static Dictionary<int, int> Spread(IReadOnlyList<int> levels, IEnumerable<int?> grades)
    {
        var given = grades.OfType<int>().ToList();
        return levels.ToDictionary(l => l, l => given.Count(g => g == l));
    }
}
