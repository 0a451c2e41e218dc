using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.PerformanceIndicators.Targets;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Outcomes;

/// <summary>An outcome agreement as its pages show it: every local outcome with the thread from it to what serves it.</summary>
public sealed record AgreementView(
    Guid Id, Guid OrganisationId, string Council, string Title, int FromYear, int ToYear, AgreementState State, Guid OutcomeSetId, string SetTitle,
    DateTime? AgreedAt, Guid Stamp, IReadOnlyList<OutcomeThread> Outcomes);

/// <summary>
/// The golden thread of one local outcome: the national outcomes it serves; its indicators with the latest figure,
/// the direction since the baseline and the target's status; the QIs with their latest agreed and validated grades;
/// the actions with their RAG; the case studies; and the progress statements by year.
/// </summary>
public sealed record OutcomeThread(
    Guid Id, int Number, string Title, string? Description,
    IReadOnlyList<OutcomeThread.National> NationalOutcomes,
    IReadOnlyList<OutcomeThread.Indicator> Indicators,
    IReadOnlyList<OutcomeThread.Qi> Qis,
    IReadOnlyList<OutcomeThread.Action> Actions,
    IReadOnlyList<OutcomeThread.CaseStudy> CaseStudies,
    IReadOnlyList<OutcomeThread.Progress> Statements)
{
    public sealed record National(Guid Id, int Number, string Title);

    /// <summary>Direction is Better, Worse, No change, or Higher or Lower for an indicator with no better direction; null without a baseline and a later figure.</summary>
    /// <remarks>Variation is the Making Data Count summary of the council's chart of the indicator, as its indicator page draws it.</remarks>
    public sealed record Indicator(
        Guid Id, string Code, string Title, Polarity Polarity, string? BaselinePeriod, string? BaselineValue, string? LatestPeriod, string? LatestValue,
        string? Direction, string? Target, TargetRag? TargetStatus, Pif.Statistics.Spc.VariationSummary? Variation);

    /// <summary>
    /// The QI in the council's self-evaluations the reader sees: the latest that has it (linked), the latest agreed grade
    /// and the latest validated grade, each with the self-evaluation it comes from.
    /// </summary>
    public sealed record Qi(
        string Framework, string Code, Guid? SelfEvaluationId, Guid? QiEvaluationId, string? SelfEvaluation, int? Agreed, string? AgreedIn, int? Validated, string? ValidatedIn);

    public sealed record Action(Guid PlanId, Guid Id, int Number, string Description, string Plan, Rag Rag, bool Readable);

    public sealed record CaseStudy(Guid Id, string Title);

    public sealed record Progress(int Year, string Text, DateTime UpdatedAt);

    /// <summary>One line for the agreement's page: how the indicators moved and how the actions stand.</summary>
    public string Summary() => Status([.. Indicators.Select(i => i.Direction)], [.. Actions.Select(a => a.Rag)]);

    /// <summary>
    /// The line <see cref="Summary"/> gives, from each indicator's direction since its baseline (null without one) and
    /// each action's RAG, so a reader of statuses alone (the annual pack) words them the same without the whole thread.
    /// </summary>
    public static string Status(IReadOnlyCollection<string?> directions, IReadOnlyCollection<Rag> rags)
    {
        ArgumentNullException.ThrowIfNull(directions);
        ArgumentNullException.ThrowIfNull(rags);
        var parts = new List<string>();
        var moved = directions.OfType<string>().ToList();
        if (directions.Count > 0)
        {
            parts.Add(moved.Count == 0
                ? $"{Count(directions.Count, "indicator")}, none with a baseline and a later figure yet"
                : $"{Count(directions.Count, "indicator")}: {moved.Count(d => d == "Better")} better and {moved.Count(d => d == "Worse")} worse since the baseline");
        }

        var open = rags.Where(r => r is not (Rag.Done or Rag.None)).ToList();
        if (rags.Count > 0)
        {
            parts.Add($"{Count(rags.Count, "action")}: {rags.Count(r => r == Rag.Done)} done, {open.Count(r => r == Rag.Red)} red, {open.Count(r => r == Rag.Amber)} amber, {open.Count(r => r == Rag.Green)} green");
        }

        return parts.Count == 0 ? "Nothing linked yet" : string.Join("; ", parts);
    }

    /// <summary>How an indicator moved from its baseline to its latest figure; null without both, or when the latest is not later.</summary>
    public static string? Direction(Polarity polarity, SpcPeriod? baseline, SpcPeriod? latest) =>
        baseline is null || latest is null || latest.FromYear <= baseline.FromYear ? null : CaseStudyLinks.Direction(polarity, baseline.Value, latest.Value);

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}

public static class GoldenThread
{
    /// <summary>
    /// <see cref="LoadAsync(AppDbContext, UserAccess, Guid, Guid?, DateOnly, CancellationToken, bool)"/> for a page,
    /// kept in <see cref="DataCache"/> for this reader: what a reader sees of the thread depends on who they are.
    /// </summary>
    public static Task<AgreementView?> LoadAsync(DataCache cache, AppDbContext db, UserAccess access, Guid id, Guid? outcomeId, DateOnly today, CancellationToken cancellationToken, bool progress = false)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(access);
        return cache.GetAsync((typeof(GoldenThread), access.UserId, id, outcomeId, today, progress),
            ct => LoadAsync(db, access, id, outcomeId, today, ct, progress), cancellationToken);
    }

    /// <summary>
    /// The agreement as the user may read it, with every local outcome's thread (or only <paramref name="outcomeId"/>'s);
    /// null when it does not exist for them. Progress statements come with one outcome, or when asked for.
    /// </summary>
    public static async Task<AgreementView?> LoadAsync(AppDbContext db, UserAccess access, Guid id, Guid? outcomeId, DateOnly today, CancellationToken cancellationToken, bool progress = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var agreement = await OutcomeAccess.Visible(db, access).AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.OrganisationId,
                Council = db.Organisations.Where(o => o.Id == a.OrganisationId).Select(o => o.Name).Single(),
                a.Title,
                a.FromYear,
                a.ToYear,
                a.State,
                a.OutcomeSetId,
                Set = db.OutcomeSets.Where(s => s.Id == a.OutcomeSetId).Select(s => s.Title).Single(),
                a.AgreedAt,
                a.ConcurrencyStamp,
            }).SingleOrDefaultAsync(cancellationToken);
        if (agreement is null)
        {
            return null;
        }

        var outcomes = await db.LocalOutcomes.AsNoTracking().Where(o => o.AgreementId == id && (outcomeId == null || o.Id == outcomeId))
            .Select(o => new { o.Id, o.Number, o.Title, o.Description }).ToListAsync(cancellationToken);
        if (outcomeId is not null && outcomes.Count == 0)
        {
            return null;
        }

        var ids = outcomes.Select(o => o.Id).ToList();
        var council = agreement.OrganisationId;
        var national = await (from n in db.LocalOutcomeNationals
                              join o in db.NationalOutcomes on n.NationalOutcomeId equals o.Id
                              where ids.Contains(n.LocalOutcomeId)
                              select new { n.LocalOutcomeId, o.Id, o.Number, o.Title }).ToListAsync(cancellationToken);
        var indicators = await IndicatorsAsync(db, ids, council, agreement.Council, cancellationToken);
        var qis = await QisAsync(db, access, ids, council, cancellationToken);
        var actions = await ActionsAsync(db, access, ids, today, cancellationToken);
        var studies = await (from l in db.LocalOutcomeCaseStudies
                             join c in CaseStudyAccess.Visible(db, access) on l.CaseStudyId equals c.Id
                             where ids.Contains(l.LocalOutcomeId)
                             select new
                             {
                                 l.LocalOutcomeId,
                                 c.Id,

                                 // The published words once there are some, so a reader never sees a draft's title.
                                 Title = db.CaseStudyRevisions.Where(r => r.CaseStudyId == c.Id && (c.PublishedRevision == null || r.Number == c.PublishedRevision))
                                     .OrderByDescending(r => r.Number).Select(r => r.Title).First(),
                             })
            .ToListAsync(cancellationToken);
        var statements = outcomeId is null && !progress ? [] : await db.ProgressStatements.AsNoTracking().Where(p => ids.Contains(p.LocalOutcomeId))
            .Select(p => new { p.LocalOutcomeId, p.Year, p.Text, p.UpdatedAt }).ToListAsync(cancellationToken);

        return new AgreementView(
            agreement.Id, council, agreement.Council, agreement.Title, agreement.FromYear, agreement.ToYear, agreement.State, agreement.OutcomeSetId, agreement.Set,
            agreement.AgreedAt, agreement.ConcurrencyStamp,
            [.. outcomes.OrderBy(o => o.Number).Select(o => new OutcomeThread(
                o.Id, o.Number, o.Title, o.Description,
                [.. national.Where(n => n.LocalOutcomeId == o.Id).OrderBy(n => n.Number).Select(n => new OutcomeThread.National(n.Id, n.Number, n.Title))],
                [.. indicators.Where(i => i.Outcome == o.Id).Select(i => i.Row).OrderBy(i => i.Code, StringComparer.Ordinal)],
                [.. qis.Where(q => q.Outcome == o.Id).Select(q => q.Row).OrderBy(q => q.Framework, StringComparer.Ordinal).ThenBy(q => q.Code, StringComparer.Ordinal)],
                [.. actions.Where(a => a.Outcome == o.Id).Select(a => a.Row).OrderBy(a => a.Plan, StringComparer.CurrentCulture).ThenBy(a => a.Number)],
                [.. studies.Where(s => s.LocalOutcomeId == o.Id).OrderBy(s => s.Title, StringComparer.CurrentCulture).Select(s => new OutcomeThread.CaseStudy(s.Id, s.Title))],
                [.. statements.Where(p => p.LocalOutcomeId == o.Id).OrderBy(p => p.Year).Select(p => new OutcomeThread.Progress(p.Year, p.Text, p.UpdatedAt))]))]);
    }

    /// <summary>Each indicator with the council's baseline and latest figures, and its target for the latest period.</summary>
    private static async Task<List<(Guid Outcome, OutcomeThread.Indicator Row)>> IndicatorsAsync(
        AppDbContext db, List<Guid> ids, Guid council, string councilName, CancellationToken cancellationToken)
    {
        var links = await (from l in db.LocalOutcomeIndicators
                           join i in db.PerformanceIndicators on l.IndicatorId equals i.Id
                           where ids.Contains(l.LocalOutcomeId)
                           select new { l.LocalOutcomeId, l.BaselinePeriod, Indicator = i }).AsNoTracking().ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return [];
        }

        var indicatorIds = links.Select(l => l.Indicator.Id).Distinct().ToList();
        var values = await db.IndicatorValues.Where(v => indicatorIds.Contains(v.IndicatorId) && v.OrganisationId == council && v.Current && v.Value != null)
            .Select(v => new { v.IndicatorId, Figure = new SpcPeriod(v.Period, v.FromYear, v.ToYear, v.Value!.Value, v.Numerator, v.Denominator) }).ToListAsync(cancellationToken);
        var rebases = await db.SpcRebases.AsNoTracking().Where(r => indicatorIds.Contains(r.IndicatorId) && r.OrganisationId == council).ToListAsync(cancellationToken);
        var targets = await db.CouncilIndicatorYears.Where(t => indicatorIds.Contains(t.IndicatorId) && t.OrganisationId == council && t.Target != null)
            .Select(t => new { t.IndicatorId, t.Period, t.Target, t.RedThreshold }).ToListAsync(cancellationToken);
        return [.. links.Select(l =>
        {
            var i = l.Indicator;
            var figures = values.Where(v => v.IndicatorId == i.Id).Select(v => v.Figure).ToList();
            var latest = figures.MaxBy(v => v.FromYear);
            var baseline = figures.Find(v => v.Period == l.BaselinePeriod);
            var (spc, _) = IndicatorSpc.Compute(i, council, councilName, figures, [.. rebases.Where(r => r.IndicatorId == i.Id)], null, null, SpcChart.Auto, null);
            var target = latest is null ? null : targets.Find(t => t.IndicatorId == i.Id && t.Period == latest.Period);
            var direction = OutcomeThread.Direction(i.Polarity, baseline, latest);
            return (l.LocalOutcomeId, new OutcomeThread.Indicator(
                i.Id, i.Code, i.Title, i.Polarity, l.BaselinePeriod, baseline is null ? null : IndicatorSeries.Format(i, baseline.Value), latest?.Period,
                latest is null ? null : IndicatorSeries.Format(i, latest.Value), direction, target?.Target is { } t ? IndicatorSeries.Format(i, t) : null,
                TargetRating.Rate(i.Polarity, latest?.Value, target?.Target, target?.RedThreshold), spc?.Variation));
        })];
    }

    /// <summary>Each QI with its grades in the council's latest self-evaluation that has it and the reader sees.</summary>
    private static async Task<List<(Guid Outcome, OutcomeThread.Qi Row)>> QisAsync(AppDbContext db, UserAccess access, List<Guid> ids, Guid council, CancellationToken cancellationToken)
    {
        var links = await db.LocalOutcomeQis.Where(q => ids.Contains(q.LocalOutcomeId)).Select(q => new { q.LocalOutcomeId, q.FrameworkCode, q.QiCode }).ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return [];
        }

        var codes = links.Select(l => l.QiCode).Distinct().ToList();
        var found = await (from s in SelfEvaluationAccess.Visible(db, access)
                           where s.OrganisationId == council
                           join v in db.FrameworkVersions on s.FrameworkVersionId equals v.Id
                           join f in db.Frameworks on v.FrameworkId equals f.Id
                           join q in db.QiEvaluations on s.Id equals q.SelfEvaluationId
                           where codes.Contains(q.QiCode)
                           select new
                           {
                               Framework = f.Code,
                               q.QiCode,
                               SelfEvaluationId = s.Id,
                               QiEvaluationId = q.Id,
                               s.Title,
                               s.PeriodEnd,
                               s.CreatedAt,
                               s.State,
                               s.Submissions,
                               Agreed = q.Records.Where(r => r.Kind == RecordKind.Agreed).Select(r => r.Grade).FirstOrDefault(),
                               Decisions = q.Decisions.Select(d => new { d.Submission, d.Grade }).ToList(),
                           }).ToListAsync(cancellationToken);
        return [.. links.Select(l =>
        {
            var own = found.Where(f => f.Framework == l.FrameworkCode && f.QiCode == l.QiCode).OrderByDescending(f => f.PeriodEnd).ThenByDescending(f => f.CreatedAt).ToList();
            var latest = own.FirstOrDefault();
            var agreed = own.FirstOrDefault(f => f.Agreed is not null);
            var validated = own.Where(f => f.State is SelfEvaluationState.Validated or SelfEvaluationState.Published)
                .Select(f => new { f.Title, Grade = f.Decisions.Where(d => d.Submission == f.Submissions).Select(d => (int?)d.Grade).FirstOrDefault() })
                .FirstOrDefault(f => f.Grade is not null);
            return (l.LocalOutcomeId, new OutcomeThread.Qi(
                l.FrameworkCode, l.QiCode, latest?.SelfEvaluationId, latest?.QiEvaluationId, latest?.Title, agreed?.Agreed, agreed?.Title, validated?.Grade, validated?.Title));
        })];
    }

    /// <summary>Each action with its RAG today; a link only for readers who see its plan.</summary>
    private static async Task<List<(Guid Outcome, OutcomeThread.Action Row)>> ActionsAsync(AppDbContext db, UserAccess access, List<Guid> ids, DateOnly today, CancellationToken cancellationToken)
    {
        var actions = await (from l in db.LocalOutcomeActions
                             join a in db.PlanActions on l.ActionId equals a.Id
                             join p in db.ImprovementPlans on a.PlanId equals p.Id
                             where ids.Contains(l.LocalOutcomeId)
                             select new { l.LocalOutcomeId, a.PlanId, a.Id, a.Number, a.Description, p.Title, a.Status, a.DueDate }).ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return [];
        }

        var plans = actions.Select(a => a.PlanId).Distinct().ToList();
        var readable = await ImprovementPlanAccess.Visible(db, access).Where(p => plans.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. actions.Select(a => (a.LocalOutcomeId, new OutcomeThread.Action(a.PlanId, a.Id, a.Number, a.Description, a.Title, ActionRag.Of(a.Status, a.DueDate, today), readable.Contains(a.PlanId))))];
    }
}
