using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;

namespace Pif.Web.Modules.Evidence;

/// <summary>An evidence item as it supports one QI evaluation.</summary>
public sealed record LinkedEvidence(Guid QiEvaluationId, Guid Id, string Title, string? Summary, EvidenceKind Kind, DateOnly From, DateOnly To, DateOnly? ReviewDate)
{
    public EvidenceFamily Family => EvidenceKinds.FamilyOf(Kind);
}

/// <summary>What a QI evaluation's evidence lacks: the flags of triangulation, raised as warnings, never blocks.</summary>
public enum EvidenceWarning
{
    /// <summary>An agreed or proposed grade with no evidence linked.</summary>
    NoEvidence,

    /// <summary>A grade in the top two levels of the scale on evidence from fewer than two families.</summary>
    TopGradeOnOneFamily,

    /// <summary>Evidence whose period ended more than two years before the self-evaluation's period starts.</summary>
    Stale,

    /// <summary>Evidence past its review date.</summary>
    DueForReview,
}

/// <summary>
/// Triangulation (DOMAIN.md section 6): which of the four families a QI evaluation's evidence covers, and
/// the flags for judgements that rest on too little. The SelfEvaluations pages read it from here.
/// </summary>
public static class Triangulation
{
    public const int StaleAfterYears = 2;

    public static IReadOnlyList<EvidenceFamily> Families(IEnumerable<LinkedEvidence> evidence) =>
        evidence.Select(e => e.Family).Distinct().Order().ToList();

    /// <param name="grades">Every grade given on the QI: the agreed grade and the contributors' proposed grades.</param>
    /// <param name="topLevels">The two highest levels of the scale.</param>
    public static IReadOnlyList<EvidenceWarning> Warnings(IReadOnlyCollection<LinkedEvidence> evidence, IReadOnlyCollection<int> grades, IReadOnlyCollection<int> topLevels, DateOnly periodStart, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(grades);
        ArgumentNullException.ThrowIfNull(topLevels);
        var warnings = new List<EvidenceWarning>();
        if (grades.Count > 0 && evidence.Count == 0)
        {
            warnings.Add(EvidenceWarning.NoEvidence);
        }

        if (evidence.Count > 0 && grades.Any(topLevels.Contains) && Families(evidence).Count < 2)
        {
            warnings.Add(EvidenceWarning.TopGradeOnOneFamily);
        }

        if (evidence.Any(e => e.To < periodStart.AddYears(-StaleAfterYears)))
        {
            warnings.Add(EvidenceWarning.Stale);
        }

        if (evidence.Any(e => e.ReviewDate < today))
        {
            warnings.Add(EvidenceWarning.DueForReview);
        }

        return warnings;
    }

    public static string Describe(EvidenceWarning warning) => warning switch
    {
        EvidenceWarning.NoEvidence => "A grade with no evidence linked",
        EvidenceWarning.TopGradeOnOneFamily => "A top grade resting on fewer than two families of evidence",
        EvidenceWarning.Stale => $"Evidence describing a period that ended over {StaleAfterYears} years before this self-evaluation's period starts",
        _ => "Evidence past its review date",
    };

    /// <summary>A few words for a tag in a table.</summary>
    public static string Tag(EvidenceWarning warning) => warning switch
    {
        EvidenceWarning.NoEvidence => "No evidence",
        EvidenceWarning.TopGradeOnOneFamily => "Top grade on one family",
        EvidenceWarning.Stale => "Stale evidence",
        _ => "Evidence due for review",
    };

    /// <summary>Every QI evaluation's evidence in one self-evaluation, in one query.</summary>
    public static async Task<ILookup<Guid, LinkedEvidence>> ForSelfEvaluationAsync(AppDbContext db, Guid selfEvaluationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var qis = db.QiEvaluations.Where(q => q.SelfEvaluationId == selfEvaluationId).Select(q => q.Id);
        return (await LinkedAsync(db, db.EvidenceLinks.Where(l => qis.Contains(l.QiEvaluationId)), cancellationToken)).ToLookup(e => e.QiEvaluationId);
    }

    public static async Task<IReadOnlyList<LinkedEvidence>> ForQiAsync(AppDbContext db, Guid qiEvaluationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await LinkedAsync(db, db.EvidenceLinks.Where(l => l.QiEvaluationId == qiEvaluationId), cancellationToken);
    }

    private static async Task<List<LinkedEvidence>> LinkedAsync(AppDbContext db, IQueryable<EvidenceLink> links, CancellationToken cancellationToken) =>
        (await links.Join(db.EvidenceItems, l => l.EvidenceItemId, e => e.Id, (l, e) => new { l.QiEvaluationId, e.Id, e.Title, e.Summary, e.Kind, e.EffectiveFrom, e.EffectiveTo, e.ReviewDate })
            .OrderBy(e => e.Title).ToListAsync(cancellationToken))
        .Select(e => new LinkedEvidence(e.QiEvaluationId, e.Id, e.Title, e.Summary, e.Kind, e.EffectiveFrom, e.EffectiveTo, e.ReviewDate)).ToList();
}
