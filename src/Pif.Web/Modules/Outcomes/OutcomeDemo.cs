using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Outcomes;

/// <summary>
/// Deterministic demo outcome agreements (Development and the benchmark), after the demo indicators and plans they
/// link to. <c>demo</c>: Glasgow City has an agreed agreement of three local outcomes mapped to national outcomes
/// 5, 8, 9, 11 and 15 of the 2011 set, tied to demo indicators, QIs and actions of its plan, with a progress
/// statement. <c>national</c>: every council has the same shape of agreement.
/// </summary>
public sealed class OutcomeDemo(AppDbContext db, TimeProvider clock)
{
    private const string Baseline = "2019-20";

    private static readonly (string Title, int[] National, string[] Indicators, string[] Qis, int[] Actions, string? Progress)[] Shapes =
    [
        ("Children and families at risk get the right help early", [5, 8], ["CHN09"], ["2.1", "5.2"], [0, 1],
            "More families were offered help before a crisis, and fewer children needed to be looked after away from home."),
        ("People are safe from harm at home and in their communities", [9, 11], ["SW07"], ["5.5"], [2], null),
        ("Services keep improving and show what changed for people", [15], ["SW01"], ["9.4"], [3], null),
    ];

    public async Task SeedAsync(string size, CancellationToken cancellationToken)
    {
        var set = await db.OutcomeSets.Where(s => s.Code == "NPF2011").Select(s => new { s.Id, Outcomes = s.Outcomes.Select(o => new { o.Id, o.Number }).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        if (set is null)
        {
            return;
        }

        var indicators = await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null).ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        var councils = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Code).Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var council in councils)
        {
            if (!(council.Code == "S12000049" || size == "national") || await db.OutcomeAgreements.AnyAsync(a => a.OrganisationId == council.Id, cancellationToken))
            {
                continue;
            }

            var lead = await db.Memberships.Where(m => m.OrganisationId == council.Id && m.Role == OrganisationRole.EvaluationLead)
                .OrderBy(m => m.UserId).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(cancellationToken);
            if (lead is null)
            {
                continue;
            }

            var actions = await db.ImprovementPlans.Where(p => p.OrganisationId == council.Id).OrderBy(p => p.PeriodStart)
                .SelectMany(p => p.Actions.OrderBy(a => a.Number).Select(a => a.Id)).Take(8).ToListAsync(cancellationToken);
            var agreement = new OutcomeAgreement
            {
                OrganisationId = council.Id,
                Title = "Local Outcomes Improvement Plan 2024 to 2027",
                FromYear = 2024,
                ToYear = 2026,
                OutcomeSetId = set.Id,
                State = AgreementState.Agreed,
                CreatedAt = now,
                CreatedById = lead.Value,
                AgreedAt = now,
                AgreedById = lead.Value,
            };
            foreach (var (shape, index) in Shapes.Select((s, i) => (s, i)))
            {
                var outcome = new LocalOutcome { AgreementId = agreement.Id, Number = index + 1, Title = shape.Title };
                outcome.NationalOutcomes.AddRange(set.Outcomes.Where(o => shape.National.Contains(o.Number)).Select(o => new LocalOutcomeNational { LocalOutcomeId = outcome.Id, NationalOutcomeId = o.Id }));
                outcome.Indicators.AddRange(shape.Indicators.Where(indicators.ContainsKey)
                    .Select(code => new LocalOutcomeIndicator { LocalOutcomeId = outcome.Id, IndicatorId = indicators[code], BaselinePeriod = Baseline }));
                outcome.Qis.AddRange(shape.Qis.Select(q => new LocalOutcomeQi { LocalOutcomeId = outcome.Id, FrameworkCode = "PIF", QiCode = q }));
                outcome.Actions.AddRange(shape.Actions.Where(a => a < actions.Count).Select(a => new LocalOutcomeAction { LocalOutcomeId = outcome.Id, ActionId = actions[a] }));
                if (shape.Progress is { } progress)
                {
                    outcome.Progress.Add(new ProgressStatement { LocalOutcomeId = outcome.Id, Year = 2024, Text = progress, UpdatedAt = now, UpdatedById = lead.Value });
                }

                agreement.Outcomes.Add(outcome);
            }

            db.OutcomeAgreements.Add(agreement);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
