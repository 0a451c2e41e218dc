using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.NationalOutcomes;

namespace Pif.Web.Modules.Outcomes;

/// <summary>The national view: how councils' agreed local outcomes map to each national outcome of a set, and how their indicators moved.</summary>
public static class NationalMapping
{
    public sealed record Row(int Number, string Title, IReadOnlyList<string> Councils, int LocalOutcomes, int Better, int Worse, int Unknown);

    public static async Task<List<Row>> LoadAsync(AppDbContext db, OutcomeSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(set);
        var mapped = await (from n in db.LocalOutcomeNationals
                            join l in db.LocalOutcomes on n.LocalOutcomeId equals l.Id
                            join a in db.OutcomeAgreements on l.AgreementId equals a.Id
                            join o in db.Organisations on a.OrganisationId equals o.Id
                            where a.OutcomeSetId == set.Id && a.State == AgreementState.Agreed
                            select new { n.NationalOutcomeId, LocalOutcomeId = l.Id, a.OrganisationId, Council = o.Name }).ToListAsync(cancellationToken);
        var locals = mapped.Select(m => m.LocalOutcomeId).Distinct().ToList();
        var links = await (from l in db.LocalOutcomeIndicators
                           join i in db.PerformanceIndicators on l.IndicatorId equals i.Id
                           where locals.Contains(l.LocalOutcomeId)
                           select new { l.LocalOutcomeId, l.IndicatorId, l.BaselinePeriod, i.Polarity }).ToListAsync(cancellationToken);
        var indicators = links.Select(l => l.IndicatorId).Distinct().ToList();
        var councils = mapped.Select(m => m.OrganisationId).Distinct().ToList();
        var values = indicators.Count == 0 ? [] : await db.IndicatorValues
            .Where(v => indicators.Contains(v.IndicatorId) && v.OrganisationId != null && councils.Contains(v.OrganisationId.Value) && v.Current && v.Value != null)
            .Select(v => new { v.IndicatorId, Council = v.OrganisationId!.Value, v.Period, v.FromYear, Value = v.Value!.Value }).ToListAsync(cancellationToken);
        var councilOf = mapped.GroupBy(m => m.LocalOutcomeId).ToDictionary(g => g.Key, g => g.First().OrganisationId);
        var directions = links.Select(l =>
        {
            var own = values.Where(v => v.IndicatorId == l.IndicatorId && v.Council == councilOf[l.LocalOutcomeId]).ToList();
            var baseline = own.Find(v => v.Period == l.BaselinePeriod);
            var latest = own.MaxBy(v => v.FromYear);
            return (l.LocalOutcomeId, Direction: baseline is null || latest is null || latest.FromYear <= baseline.FromYear ? null : CaseStudyLinks.Direction(l.Polarity, baseline.Value, latest.Value));
        }).ToList();
        return [.. set.Outcomes.OrderBy(o => o.Number).Select(o =>
        {
            var here = mapped.Where(m => m.NationalOutcomeId == o.Id).ToList();
            var moved = directions.Where(d => here.Any(h => h.LocalOutcomeId == d.LocalOutcomeId)).ToList();
            return new Row(o.Number, o.Title, [.. here.Select(h => h.Council).Distinct().Order(StringComparer.CurrentCulture)], here.Select(h => h.LocalOutcomeId).Distinct().Count(),
                moved.Count(d => d.Direction == "Better"), moved.Count(d => d.Direction == "Worse"), moved.Count(d => d.Direction is null));
        })];
    }
}
