using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;

namespace Pif.Web.Modules.Outcomes;

/// <summary>
/// An outcome agreement with each local outcome's status in the line its page gives (<see cref="OutcomeThread.Summary"/>),
/// read in one query without the rest of the threads, for readers of the status alone (the annual pack).
/// </summary>
public sealed record AgreementStatus(Guid Id, string Title, AgreementState State, int FromYear, int ToYear, IReadOnlyList<AgreementStatus.Outcome> Outcomes)
{
    public sealed record Outcome(Guid Id, int Number, string Title, string Status);

    /// <summary>
    /// The council's agreement the user reads that covers the financial year starting in <paramref name="year"/> (an
    /// agreed one before a draft, then the latest), or null when there is none.
    /// </summary>
    public static async Task<AgreementStatus?> ForYearAsync(AppDbContext db, UserAccess access, Guid councilId, int year, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var agreements = await OutcomeAccess.Visible(db, access).Where(a => a.OrganisationId == councilId && a.FromYear <= year && a.ToYear >= year)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.State,
                a.FromYear,
                a.ToYear,
                Outcomes = db.LocalOutcomes.Where(o => o.AgreementId == a.Id).Select(o => new
                {
                    o.Id,
                    o.Number,
                    o.Title,
                    Indicators = (from l in db.LocalOutcomeIndicators
                                  join i in db.PerformanceIndicators on l.IndicatorId equals i.Id
                                  where l.LocalOutcomeId == o.Id
                                  select new
                                  {
                                      i.Polarity,
                                      l.BaselinePeriod,
                                      Figures = db.IndicatorValues.Where(v => v.IndicatorId == i.Id && v.OrganisationId == councilId && v.Current && v.Value != null)
                                          .Select(v => new { v.Period, v.FromYear, v.ToYear, v.Value }).ToList(),
                                  }).ToList(),
                    Actions = (from l in db.LocalOutcomeActions
                               join x in db.PlanActions on l.ActionId equals x.Id
                               where l.LocalOutcomeId == o.Id
                               select new { x.Status, x.DueDate }).ToList(),
                }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var agreement = agreements.OrderByDescending(a => a.State).ThenByDescending(a => a.FromYear).FirstOrDefault();
        if (agreement is null)
        {
            return null;
        }

        return new AgreementStatus(agreement.Id, agreement.Title, agreement.State, agreement.FromYear, agreement.ToYear,
            [.. agreement.Outcomes.OrderBy(o => o.Number).Select(o => new Outcome(o.Id, o.Number, o.Title, OutcomeThread.Status(
                [.. o.Indicators.Select(i =>
                {
                    var figures = i.Figures.Select(v => new SpcPeriod(v.Period, v.FromYear, v.ToYear, v.Value!.Value, null, null)).ToList();
                    return OutcomeThread.Direction(i.Polarity, figures.Find(f => f.Period == i.BaselinePeriod), figures.MaxBy(f => f.FromYear));
                })],
                [.. o.Actions.Select(a => ActionRag.Of(a.Status, a.DueDate, today))])))]);
    }
}
