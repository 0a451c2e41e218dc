using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// Deterministic demo plans (Development and the benchmark), dated around today so their RAG stays as meant.
/// <c>demo</c>: Glasgow City's published self-evaluation has an approved plan of 8 actions, one for each of its first
/// eight areas for improvement, in every RAG state, with milestones, updates over the year and two PDSA cycles.
/// <c>national</c>: that, and every other council an approved plan of 10 to 15 actions.
/// </summary>
public sealed class ImprovementPlanDemo(AppDbContext db, TimeProvider clock)
{
    private static readonly (string Outcome, ActionStatus Status, int DueInDays, string Measure)[] Shapes =
    [
        ("People's plans are reviewed while they still fit their lives", ActionStatus.Complete, -20, "Nine in ten reviews held on time"),
        ("People know who their worker is and how to reach them", ActionStatus.OnTrack, 120, "Fewer than one in ten people say they do not know who to contact"),
        ("Carers are offered their own support plan", ActionStatus.AtRisk, 60, "Twice as many adult carer support plans as last year"),
        ("Young people leaving care have a settled home", ActionStatus.OffTrack, 90, "Every care leaver has a pathway plan with housing in it"),
        ("Staff feel able to do their best work", ActionStatus.NotStarted, 150, "Two in three staff say caseloads let them do their best work"),
        ("Adults at risk are protected without delay", ActionStatus.OnTrack, -10, "Every referral screened within 24 hours"),
        ("Performance reports show what changed for people", ActionStatus.Superseded, 30, "Outcome measures in every quarterly report"),
        ("Families are heard before decisions are made about them", ActionStatus.AtRisk, 20, "Families' views recorded in every child's plan"),
    ];

    public async Task SeedAsync(string size, CancellationToken cancellationToken)
    {
        var councils = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Code)
            .Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
        var today = Dates.LondonToday(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var council in councils)
        {
            var glasgow = council.Code == "S12000049";
            if (!(glasgow || size == "national") || await db.ImprovementPlans.AnyAsync(p => p.OrganisationId == council.Id, cancellationToken))
            {
                continue;
            }

            var people = (await db.Memberships.Where(m => m.OrganisationId == council.Id && (m.Role == OrganisationRole.EvaluationLead || m.Role == OrganisationRole.Contributor))
                    .Select(m => new { m.UserId, m.Role }).ToListAsync(cancellationToken))
                .OrderBy(m => m.Role).ThenBy(m => m.UserId).Select(m => m.UserId).Distinct().ToList();
            if (people.Count == 0)
            {
                continue;
            }

            var lead = people[0];
            var source = glasgow
                ? await db.SelfEvaluations.Where(s => s.OrganisationId == council.Id && s.State == SelfEvaluationState.Published).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken)
                : null;
            var areas = source is { } evaluation
                ? await db.QiEvaluations.Where(q => q.SelfEvaluationId == evaluation).OrderBy(q => q.Position)
                    .SelectMany(q => q.Records.Where(r => r.Kind == RecordKind.Agreed).SelectMany(r => r.Items.Where(i => i.Kind == ItemKind.AreaForImprovement)),
                        (q, i) => new { QiId = q.Id, q.QiCode, i.Id, i.Text })
                    .Take(Shapes.Length).ToListAsync(cancellationToken)
                : [];
            var random = new Random(council.Code.Aggregate(17, (h, c) => (h * 31) + c));
            var count = glasgow ? Shapes.Length : random.Next(10, 16);
            var start = today.AddMonths(-8);
            var plan = new ImprovementPlan
            {
                OrganisationId = council.Id,
                Title = $"Improvement plan {start.Year} to {today.AddMonths(4).Year}",
                PeriodStart = start,
                PeriodEnd = today.AddMonths(4),
                State = PlanState.Approved,
                SelfEvaluationId = source,
                CreatedAt = now.AddMonths(-8),
                CreatedById = lead,
            };
            for (var n = 0; n < count; n++)
            {
                var shape = Shapes[n % Shapes.Length];
                var owner = people[n % people.Count];
                var area = n < areas.Count ? areas[n] : null;
                var action = new PlanAction
                {
                    PlanId = plan.Id,
                    Number = n + 1,
                    Description = area?.Text ?? $"{shape.Outcome}: a change of practice, tested and spread",
                    Outcome = shape.Outcome,
                    OwnerId = owner,
                    StartDate = start,
                    DueDate = today.AddDays(shape.DueInDays + (glasgow ? 0 : random.Next(0, 30))),
                    Priority = (ActionPriority)(n % 3),
                    Status = shape.Status,
                    StatusReason = shape.Status == ActionStatus.OnTrack && shape.DueInDays < 0 ? "The last referrals are screened this week; the new rota starts on Monday" : null,
                    SuccessMeasure = shape.Measure,
                    UpdatedAt = now,
                };
                if (area is not null)
                {
                    action.Sources.Add(new ActionSource { ActionId = action.Id, Kind = SourceKind.AreaForImprovement, QiEvaluationId = area.QiId, RecordItemId = area.Id, Text = area.Text });
                }

                action.Milestones.Add(new Milestone { ActionId = action.Id, Title = "Plan agreed with the team", DueDate = start.AddMonths(1), DoneAt = now.AddMonths(-7), DoneById = owner });
                action.Milestones.Add(new Milestone { ActionId = action.Id, Title = "First results reported", DueDate = Min(today.AddDays(5), action.DueDate) });
                var updates = glasgow ? 3 : 1;
                for (var u = 0; u < updates; u++)
                {
                    var last = u == updates - 1;
                    action.Updates.Add(new ActionUpdate
                    {
                        ActionId = action.Id,
                        At = now.AddMonths(-(updates - u) * 2),
                        AuthorId = owner,
                        Narrative = u == 0 ? "Work has started: the team has agreed what will change and how it will be measured." : "Progress reviewed at the monthly performance meeting.",
                        StatusFrom = last && shape.Status != ActionStatus.NotStarted ? ActionStatus.NotStarted : null,
                        StatusTo = last && shape.Status != ActionStatus.NotStarted ? shape.Status : null,
                    });
                }

                if (glasgow && n == 2)
                {
                    action.Cycles.Add(new PdsaCycle
                    {
                        ActionId = action.Id,
                        Number = 1,
                        StartedAt = now.AddMonths(-5),
                        StartedById = owner,
                        DecidedAt = now.AddMonths(-4),
                        Change = "Offer a carer support plan at every adult review",
                        Prediction = "Half of carers at reviews will take one up",
                        Measure = "Carer support plans started, counted monthly",
                        WhatHappened = "Offered at 40 reviews; 11 carers took one up",
                        Result = "Fewer than predicted: carers said the review was the wrong moment",
                        Decision = PdsaDecision.Adapt,
                        DecisionNotes = "Offer it by phone a week after the review instead",
                    });
                    action.Cycles.Add(new PdsaCycle
                    {
                        ActionId = action.Id,
                        Number = 2,
                        StartedAt = now.AddMonths(-3),
                        StartedById = owner,
                        Change = "Phone carers a week after the review to offer a support plan",
                        Prediction = "Half of carers called will take one up",
                        Measure = "Carer support plans started, counted monthly",
                        WhatHappened = "Calls made to 30 carers so far",
                    });
                }

                plan.Actions.Add(action);
            }

            var approvedAt = now.AddMonths(-8).AddDays(14);
            var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var version = ApprovedVersion.Of(plan, 1, approvedAt, names[lead], names, areas.DistinctBy(a => a.QiId).ToDictionary(a => a.QiId, a => a.QiCode));
            plan.Approvals.Add(new PlanApproval { PlanId = plan.Id, Revision = 1, At = approvedAt, ApprovedById = lead, Content = version.ToJson() });
            db.ImprovementPlans.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
