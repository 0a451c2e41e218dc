using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Statistics;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>How a QI's grade moved since the council's previous self-evaluation.</summary>
public enum GradeChange
{
    New,
    Up,
    Down,
    Same,
}

/// <summary>
/// A self-evaluation's grades QI by QI: the council's agreed grade, the link inspector's validated grade
/// (on the current submission), the grade in the previous self-evaluation, and the agreement between
/// the council and the inspector.
/// </summary>
public sealed record GradeProfile(
    IReadOnlyList<GradeProfile.Row> Rows,
    IReadOnlyList<(int Value, string Label)> Levels,
    AgreementResult Agreement,
    GradeProfile.Earlier? Previous)
{
    /// <param name="Current">The grade that stands now: the validated grade once decided, otherwise the agreed grade.</param>
    /// <param name="Change">Against the previous self-evaluation; null when there is none or no grade now.</param>
    public sealed record Row(Guid QiEvaluationId, string Code, string Title, int? Agreed, int? Validated, int? Previous, GradeChange? Change)
    {
        public int? Current => Validated ?? Agreed;
    }

    public sealed record Earlier(Guid Id, string Title, DateOnly PeriodStart, DateOnly PeriodEnd);

    public string LevelName(int? grade) => grade is { } g ? $"{g}: {Levels.FirstOrDefault(l => l.Value == g).Label}" : "None";

    /// <summary>The one-sentence text summary of the profile chart, shown above it.</summary>
    public string Summary()
    {
        var decided = Rows.Where(r => r is { Agreed: not null, Validated: not null }).ToList();
        var agreed = Rows.Select(r => r.Agreed).OfType<int>().ToList();
        if (agreed.Count == 0)
        {
            return "The council has not agreed any grades yet.";
        }

        var head = $"The council's agreed grades for {Count(Rows.Count, "quality indicator")} run from {agreed.Min()} to {agreed.Max()}";
        if (decided.Count == 0)
        {
            return head + ", with no validation decisions yet.";
        }

        var same = decided.Count(r => r.Agreed == r.Validated);
        var down = decided.Count(r => r.Validated < r.Agreed);
        var up = decided.Count(r => r.Validated > r.Agreed);
        var changes = new[] { down > 0 ? $"lowered {down}" : null, up > 0 ? $"raised {up}" : null }.OfType<string>().ToList();
        return $"{head}; the link inspector agreed {same} of {(decided.Count == Rows.Count ? decided.Count : $"the {decided.Count} decided so far")}"
            + (changes.Count > 0 ? $" and {string.Join(" and ", changes)}." : ".");
    }

    /// <summary>The weighted kappa in words, by the usual bands (Landis and Koch), so a reader need not know the statistic.</summary>
    public static string Strength(double kappa) => kappa switch
    {
        < 0 => "less than chance agreement",
        <= 0.20 => "slight agreement",
        <= 0.40 => "fair agreement",
        <= 0.60 => "moderate agreement",
        <= 0.80 => "substantial agreement",
        _ => "almost perfect agreement",
    };

    public static string Percent(double rate) => (rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

public static class GradeProfiles
{
    /// <summary>How a grade moved: new when the QI was not graded last time.</summary>
    public static GradeChange Compare(int? previous, int current) =>
        previous is not { } was ? GradeChange.New : current > was ? GradeChange.Up : current < was ? GradeChange.Down : GradeChange.Same;

    /// <summary>
    /// The profile of a self-evaluation the caller has already found visible, with the link inspector's grades as far
    /// as the caller may read them (<see cref="SelfEvaluationAccess.SeesCurrentDecisions"/>). The previous
    /// self-evaluation (DOMAIN.md section 5) is the council's latest Published one the caller may see, with the same
    /// framework code and the same service areas, and an earlier period; QIs match by code across framework versions.
    /// </summary>
    public static async Task<GradeProfile> LoadAsync(AppDbContext db, UserAccess access, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var evaluation = await db.SelfEvaluations.Where(s => s.Id == id)
            .Join(db.FrameworkVersions, s => s.FrameworkVersionId, v => v.Id, (s, v) => new
            {
                s.OrganisationId,
                s.ServiceAreas,
                s.PeriodStart,
                s.State,
                s.Submissions,
                v.Framework.Code,
                Levels = db.ScaleLevels.Where(l => l.ScaleId == v.ScaleId).OrderBy(l => l.Value).Select(l => new { l.Value, l.Label }).ToList(),
            })
            .SingleAsync(cancellationToken);
        var previous = await SelfEvaluationAccess.Visible(db, access)
            .Where(s => s.OrganisationId == evaluation.OrganisationId && s.Id != id && s.State == SelfEvaluationState.Published
                && s.ServiceAreas == evaluation.ServiceAreas && s.PeriodStart < evaluation.PeriodStart)
            .Join(db.FrameworkVersions.Where(v => v.Framework.Code == evaluation.Code), s => s.FrameworkVersionId, v => v.Id, (s, _) => s)
            .OrderByDescending(s => s.PeriodStart).ThenByDescending(s => s.PublishedAt)
            .Select(s => new { s.Id, s.Title, s.PeriodStart, s.PeriodEnd, s.State, s.Submissions }).FirstOrDefaultAsync(cancellationToken);

        // Both self-evaluations' grades in one read, each with the decisions on its own deciding submission (a
        // returned submission's never count; the current one's only for a reader who may see them).
        var submission = SelfEvaluationAccess.SeesCurrentDecisions(access, evaluation.OrganisationId, evaluation.State)
            ? SelfEvaluation.DecidingSubmission(evaluation.State, evaluation.Submissions) : -1;
        var previousId = previous?.Id;
        var previousSubmission = previous is null ? -1 : SelfEvaluation.DecidingSubmission(previous.State, previous.Submissions);
        var grades = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id || q.SelfEvaluationId == previousId).OrderBy(q => q.Position)
            .Select(q => new
            {
                q.SelfEvaluationId,
                q.Id,
                q.QiCode,
                Title = db.QualityIndicators.Where(i => i.Id == q.QualityIndicatorId).Select(i => i.Title).First(),
                Agreed = q.Records.Where(r => r.Kind == RecordKind.Agreed).Select(r => r.Grade).FirstOrDefault(),
                Validated = q.Decisions.Where(d => d.Submission == (q.SelfEvaluationId == id ? submission : previousSubmission)).Select(d => (int?)d.Grade).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var before = grades.Where(g => g.SelfEvaluationId != id && (g.Validated ?? g.Agreed) is not null)
            .ToDictionary(g => g.QiCode, g => (g.Validated ?? g.Agreed)!.Value, StringComparer.Ordinal);
        var rows = grades.Where(g => g.SelfEvaluationId == id).Select(q => new GradeProfile.Row(q.Id, q.QiCode, q.Title, q.Agreed, q.Validated, null, null)).ToList();
        var profileRows = rows.Select(r => r with
        {
            Previous = before.TryGetValue(r.Code, out var was) ? was : null,
            Change = previous is null || r.Current is not { } now ? null : Compare(before.TryGetValue(r.Code, out var then) ? then : null, now),
        }).ToList();
        var pairs = rows.Where(r => r is { Agreed: not null, Validated: not null }).Select(r => (r.Agreed!.Value, r.Validated!.Value)).ToList();
        var levels = evaluation.Levels;
        return new GradeProfile(profileRows, levels.Select(l => (l.Value, l.Label)).ToList(), Agreement.Measure(pairs, levels.Select(l => l.Value).ToList()),
            previous is null ? null : new GradeProfile.Earlier(previous.Id, previous.Title, previous.PeriodStart, previous.PeriodEnd));
    }
}
