using Microsoft.EntityFrameworkCore;
using Pif.Statistics.Funnels;
using Pif.Web.Data;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>
/// The Chief Social Work Officer's annual pack for a council and a financial year (issue: reports, item 4): the grade
/// profile of the year's self-evaluation with the change since the previous one, each indicator's latest figure with its
/// direction and its Making Data Count variation, the improvement plans' progress by RAG, the case studies published,
/// and the outcome agreement's status. Each part shows only what the reader may see on its own pages.
/// </summary>
public sealed record AnnualPack(
    Guid CouncilId,
    string Council,
    int Year,
    AnnualPack.Evaluation? SelfEvaluation,
    IReadOnlyList<AnnualPack.Indicator> Indicators,
    IReadOnlyList<AnnualPack.Plan> Plans,
    IReadOnlyList<AnnualPack.Study> CaseStudies,
    AgreementStatus? Outcomes)
{
    public string YearLabel => $"{Year} to {Year + 1}";

    public sealed record Evaluation(Guid Id, string Title, SelfEvaluationState State, GradeProfile Profile);

    /// <param name="Direction">Since the period before the latest: Better, Worse, No change (Higher or Lower where neither way is better); null with one figure.</param>
    /// <param name="Variation">Making Data Count's summary of the council's series, in words; null when it cannot be worked out.</param>
    /// <param name="Funnel">
    /// Where the council sits on the latest period's funnel plot against every council (limits widened for
    /// over-dispersion, as the indicator's page draws it by default); null when no funnel can be drawn (no counts, a cost).
    /// </param>
    public sealed record Indicator(string Code, string Title, string? Category, string LatestPeriod, string Latest, string? PreviousPeriod, string? Previous, string? Direction, string? Variation, string? Funnel);

    public sealed record Plan(Guid Id, string Title, PlanState State, IReadOnlyDictionary<Rag, int> ByRag);

    public sealed record Study(Guid Id, string Title, string Summary, DateTime PublishedAt);

    /// <summary>
    /// The pack of a council the caller has found by its id and name, or null when the user may not take a pack of the
    /// council (a 404). Fifteen queries at most, whatever the council holds.
    /// </summary>
    public static async Task<AnnualPack?> LoadAsync(AppDbContext db, UserAccess access, (Guid Id, string Name) council, int year, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var councilId = council.Id;
        if (!ReportAccess.TakesAnnualPack(access, councilId))
        {
            return null;
        }

        var from = new DateOnly(year, 4, 1);
        var to = new DateOnly(year + 1, 3, 31);

        // The year's self-evaluation: one whose period starts in the year, the furthest on first.
        var evaluation = (await SelfEvaluationAccess.Visible(db, access)
                .Where(s => s.OrganisationId == councilId && s.PeriodStart >= from && s.PeriodStart <= to)
                .Select(s => new { s.Id, s.Title, s.State, s.PeriodStart }).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.State).ThenByDescending(s => s.PeriodStart).FirstOrDefault();
        var profile = evaluation is null ? null : await GradeProfiles.LoadAsync(db, access, evaluation.Id, cancellationToken);

        var plans = await ImprovementPlanAccess.Visible(db, access)
            .Where(p => p.OrganisationId == councilId && p.State != PlanState.Draft && p.PeriodStart <= to && p.PeriodEnd >= from)
            .OrderBy(p => p.PeriodStart)
            .Select(p => new { p.Id, p.Title, p.State, Actions = p.Actions.Select(a => new { a.Status, a.DueDate }).ToList() })
            .ToListAsync(cancellationToken);

        var studies = await CaseStudyAccess.Visible(db, access).Where(c => c.OrganisationId == councilId && c.PublishedRevision != null && c.WithdrawnAt == null)
            .Join(db.CaseStudyRevisions, c => new { c.Id, Number = c.PublishedRevision!.Value }, r => new { Id = r.CaseStudyId, r.Number }, (c, r) => new { c.Id, r.Title, r.Summary, r.PublishedAt })
            .ToListAsync(cancellationToken);
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);

        var outcomes = await AgreementStatus.ForYearAsync(db, access, councilId, year, today, cancellationToken);

        return new AnnualPack(councilId, council.Name, year,
            evaluation is null ? null : new Evaluation(evaluation.Id, evaluation.Title, evaluation.State, profile!),
            await IndicatorsAsync(db, councilId, council.Name, year, cancellationToken),
            plans.Select(p => new Plan(p.Id, p.Title, p.State,
                Enum.GetValues<Rag>().ToDictionary(r => r, r => p.Actions.Count(a => ActionRag.Of(a.Status, a.DueDate, today) == r)))).ToList(),
            studies.Where(s => s.PublishedAt >= start && s.PublishedAt < end).OrderBy(s => s.PublishedAt)
                .Select(s => new Study(s.Id, s.Title, s.Summary, s.PublishedAt!.Value)).ToList(),
            outcomes);
    }

    /// <summary>
    /// Every national indicator the council has figures of up to the year, read with those figures and the council's
    /// rebasings in one query; two more for the funnels, whatever their number.
    /// </summary>
    private static async Task<List<Indicator>> IndicatorsAsync(AppDbContext db, Guid councilId, string council, int year, CancellationToken cancellationToken)
    {
        var read = await db.PerformanceIndicators.AsNoTracking().Where(i => i.OwnerOrganisationId == null)
            .Select(i => new
            {
                Indicator = i,
                Figures = db.IndicatorValues.Where(v => v.IndicatorId == i.Id && v.Current && v.Area == ValueArea.Council && v.OrganisationId == councilId && v.Value != null && v.FromYear <= year)
                    .Select(v => new SpcPeriod(v.Period, v.FromYear, v.ToYear, v.Value!.Value, v.Numerator, v.Denominator)).ToList(),
                Rebases = db.SpcRebases.Where(r => r.IndicatorId == i.Id && r.OrganisationId == councilId).OrderBy(r => r.FromYear).ToList(),
            })
            .Where(i => i.Figures.Count > 0)
            .ToListAsync(cancellationToken);
        var indicators = read.Select(r => r.Indicator).ToList();
        var figures = read.SelectMany(r => r.Figures.Select(f => (r.Indicator.Id, Figure: f))).ToLookup(f => f.Id, f => f.Figure);
        var rebases = read.SelectMany(r => r.Rebases).ToLookup(r => r.IndicatorId);
        var funnels = await FunnelsAsync(db, councilId, indicators, figures, cancellationToken);
        return indicators.OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal).Select(i =>
        {
            var series = figures[i.Id].ToList();
            var latest = series.OrderBy(p => p.FromYear).ThenBy(p => p.ToYear).Last();
            var previous = series.Where(p => p.ToYear - p.FromYear == latest.ToYear - latest.FromYear && p.FromYear < latest.FromYear).MaxBy(p => p.FromYear);
            var (spc, _) = IndicatorSpc.Compute(i, councilId, council, series, [.. rebases[i.Id]], null, null, SpcChart.Auto, null);
            return new Indicator(i.Code, i.Title, i.Category, latest.Period, IndicatorSeries.Format(i, latest.Value),
                previous?.Period, previous is null ? null : IndicatorSeries.Format(i, previous.Value),
                previous is null ? null : CaseStudyLinks.Direction(i.Polarity, previous.Value, latest.Value),
                spc?.Variation is { } variation ? AnalysisWording.Variation(variation).Label : null,
                funnels.GetValueOrDefault(i.Id));
        }).ToList();
    }

    /// <summary>
    /// The council's position on each indicator's funnel for its latest period: every council's figures of those
    /// periods, and the councils with their family groups, read once (two queries), each funnel worked out from them.
    /// </summary>
    private static async Task<Dictionary<Guid, string>> FunnelsAsync(AppDbContext db, Guid councilId, List<PerformanceIndicator> indicators, ILookup<Guid, SpcPeriod> figures, CancellationToken cancellationToken)
    {
        var latest = indicators.ToDictionary(i => i.Id, i => figures[i.Id].OrderBy(p => p.FromYear).ThenBy(p => p.ToYear).Last().Period);
        var ids = latest.Keys.ToList();
        var periods = latest.Values.Distinct().ToList();
        var values = (await db.IndicatorValues.Where(v => ids.Contains(v.IndicatorId) && v.Current && v.Area != ValueArea.FamilyGroup && periods.Contains(v.Period))
                .Select(v => new { v.IndicatorId, v.Period, Figure = new FunnelFigure(v.Area, v.OrganisationId, v.Value, v.Numerator, v.Denominator) })
                .ToListAsync(cancellationToken))
            .Where(v => latest[v.IndicatorId] == v.Period).ToLookup(v => v.IndicatorId, v => v.Figure);
        var (councils, families) = await IndicatorFunnel.CouncilsAsync(db, indicators.Select(i => i.Grouping).Distinct().ToList(), cancellationToken);
        if (!councils.TryGetValue(councilId, out var council))
        {
            return [];
        }

        var positions = new Dictionary<Guid, string>();
        foreach (var i in indicators)
        {
            var funnel = IndicatorFunnel.Compute(i, latest[i.Id], [latest[i.Id]], [.. values[i.Id]], councils, families[i.Grouping], OverdispersionAdjustment.Additive);
            if (funnel.Result?.Points.FirstOrDefault(p => p.Unit.Id == council.Code) is { } point)
            {
                positions[i.Id] = AnalysisWording.Position(point, i.Polarity);
            }
        }

        return positions;
    }
}
