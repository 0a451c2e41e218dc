using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>What a revision links to outside its words, named for the reader: indicators with their figures, actions, and shared evidence files.</summary>
public static class CaseStudyLinks
{
    /// <summary>The indicators, by code; for those with periods, the writing council's current figures for both.</summary>
    public static async Task<List<CaseStudyView.IndicatorLink>> IndicatorsAsync(
        AppDbContext db, Guid councilId, IReadOnlyList<CaseStudyIndicator> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var ids = links.Select(l => l.IndicatorId).ToList();
        var indicators = await db.PerformanceIndicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken);
        var periods = links.SelectMany(l => new[] { l.BeforePeriod, l.AfterPeriod }).OfType<string>().Distinct().ToList();
        var values = periods.Count == 0 ? [] : await db.IndicatorValues
            .Where(v => ids.Contains(v.IndicatorId) && v.OrganisationId == councilId && v.Current && v.Value != null && periods.Contains(v.Period))
            .Select(v => new { v.IndicatorId, v.Period, Value = v.Value!.Value }).ToListAsync(cancellationToken);
        return [.. indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i =>
        {
            var link = links.First(l => l.IndicatorId == i.Id);
            var before = values.Find(v => v.IndicatorId == i.Id && v.Period == link.BeforePeriod);
            var after = values.Find(v => v.IndicatorId == i.Id && v.Period == link.AfterPeriod);

            // A figure revised away since the link was made shows the link without figures, never a stale one.
            var change = before is null || after is null ? null : new CaseStudyView.IndicatorLink.Change(
                before.Period, IndicatorSeries.Format(i, before.Value), after.Period, IndicatorSeries.Format(i, after.Value), Direction(i.Polarity, before.Value, after.Value));
            return new CaseStudyView.IndicatorLink(i.Id, i.Code, i.Title, change);
        })];
    }

    /// <summary>Whether a change from one figure to another was for the better, by the indicator's polarity.</summary>
    public static string Direction(Polarity polarity, double before, double after) =>
        before == after ? "No change"
        : polarity == Polarity.Neither ? after > before ? "Higher" : "Lower"
        : (after > before) == (polarity == Polarity.HigherIsBetter) ? "Better" : "Worse";

    /// <summary>The actions, in plan and number order, each readable as a link when the reader sees its plan.</summary>
    public static async Task<List<CaseStudyView.ActionLink>> ActionsAsync(
        AppDbContext db, UserAccess access, IReadOnlyList<CaseStudyAction> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var ids = links.Select(l => l.ActionId).ToList();
        var actions = await (from a in db.PlanActions
                             join p in db.ImprovementPlans on a.PlanId equals p.Id
                             where ids.Contains(a.Id)
                             select new { a.PlanId, a.Id, a.Number, a.Description, p.Title }).ToListAsync(cancellationToken);
        var planIds = actions.Select(a => a.PlanId).Distinct().ToList();
        var readable = await ImprovementPlanAccess.Visible(db, access).Where(p => planIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. actions.OrderBy(a => a.Title, StringComparer.CurrentCulture).ThenBy(a => a.Number)
            .Select(a => new CaseStudyView.ActionLink(a.PlanId, a.Id, a.Number, a.Description, a.Title, readable.Contains(a.PlanId)))];
    }

    /// <summary>The national outcomes, newest set first, by number.</summary>
    public static async Task<List<CaseStudyView.OutcomeLink>> OutcomesAsync(AppDbContext db, IReadOnlyList<CaseStudyOutcome> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var ids = links.Select(l => l.NationalOutcomeId).ToList();
        var outcomes = await (from o in db.NationalOutcomes
                              join s in db.OutcomeSets on o.SetId equals s.Id
                              where ids.Contains(o.Id)
                              select new { o.Id, s.Title, s.Year, o.Number, Name = o.Title }).ToListAsync(cancellationToken);
        return [.. outcomes.OrderByDescending(o => o.Year).ThenBy(o => o.Number).Select(o => new CaseStudyView.OutcomeLink(o.Id, o.Title, o.Number, o.Name))];
    }

    /// <summary>The shared evidence items with their files, by title.</summary>
    public static async Task<List<CaseStudyView.SharedEvidence>> EvidenceAsync(AppDbContext db, IReadOnlyList<CaseStudyEvidence> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var ids = links.Select(l => l.EvidenceItemId).ToList();
        var items = await db.EvidenceItems.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Title, Files = e.Files.OrderBy(f => f.FileName).Select(f => new CaseStudyView.SharedFile(f.Id, f.FileName, f.Length)).ToList() })
            .ToListAsync(cancellationToken);
        return [.. items.OrderBy(e => e.Title, StringComparer.CurrentCulture).Select(e => new CaseStudyView.SharedEvidence(e.Id, e.Title, e.Files))];
    }

    /// <summary>
    /// The case studies that tell of an action, as the user reads them: a published revision that links it, or, for
    /// the council's writers, the revision being worked on.
    /// </summary>
    public static async Task<List<(Guid Id, string Title, bool Published)>> TellingOfAsync(AppDbContext db, UserAccess access, Guid actionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var writing = CaseStudyPermissions.WritingCouncils(access);
        var found = await (from c in CaseStudyAccess.Visible(db, access)
                           join r in db.CaseStudyRevisions on c.Id equals r.CaseStudyId
                           where db.CaseStudyActions.Any(a => a.RevisionId == r.Id && a.ActionId == actionId)
                               && ((r.Number == c.PublishedRevision && c.WithdrawnAt == null)
                                   || (writing.Contains(c.OrganisationId) && r.Number == c.Revisions.Max(x => x.Number)))
                           select new { c.Id, r.Title, Published = r.Number == c.PublishedRevision && c.WithdrawnAt == null })
            .ToListAsync(cancellationToken);

        // A writer sees both the published revision and the one being worked on: the published title names it.
        return [.. found.GroupBy(f => f.Id).Select(g => g.OrderByDescending(f => f.Published).First())
            .OrderBy(f => f.Title, StringComparer.CurrentCulture).Select(f => (f.Id, f.Title, f.Published))];
    }

    /// <summary>
    /// A file the reader may download from a case study: one of the files the revision they read shares. Null: it
    /// does not exist for them.
    /// </summary>
    public static async Task<EvidenceFile?> SharedFileAsync(AppDbContext db, UserAccess access, Guid id, int? revision, Guid fileId, CancellationToken cancellationToken)
    {
        var view = await CaseStudyReading.LoadAsync(db, access, id, revision, cancellationToken);
        if (view is null || !view.Evidence.Any(e => e.Files.Any(f => f.Id == fileId)))
        {
            return null;
        }

        return await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId, cancellationToken);
    }
}
