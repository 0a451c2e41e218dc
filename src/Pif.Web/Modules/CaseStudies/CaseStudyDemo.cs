using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// Development and the benchmark: ten demonstration case studies, published and labelled as examples, spread over
/// quality indicators and service areas, some linked to demo indicator values, and for the benchmark 10,000 generated
/// ones. Written as by the Pif team's national administrator, so no council is said to have written them.
/// </summary>
public sealed partial class CaseStudyDemo(AppDbContext db, TimeProvider clock)
{
    /// <summary>The ten written examples; with <paramref name="size"/> <c>national</c>, the 10,000 generated ones too.</summary>
    public async Task SeedAsync(string size, CancellationToken cancellationToken)
    {
        if (await db.CaseStudies.AnyAsync(c => c.IsDemonstration, cancellationToken))
        {
            return;
        }

        var author = await db.Memberships.Where(m => m.Role == OrganisationRole.NationalAdministrator).OrderBy(m => m.UserId).Select(m => (Guid?)m.UserId).FirstOrDefaultAsync(cancellationToken);
        if (author is null)
        {
            return;
        }

        var councils = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Code).ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken);
        var indicators = await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null).ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var examples = Examples.ToList();
        if (size == "national")
        {
            var codes = councils.Keys.ToList();
            examples.AddRange(Enumerable.Range(0, Generated).Select(n => GeneratedExample(n, codes)));
        }

        foreach (var (example, index) in examples.Select((e, i) => (e, i)))
        {
            var revision = Add(example, councils[example.Council], indicators, author.Value, now.AddMinutes(-10 * (examples.Count - index)));
            if (index < Examples.Length)
            {
                await BestPeriodsAsync(revision, councils[example.Council], example.Year, cancellationToken);
            }

            if (index % 500 == 499)
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives each indicator of a written example the periods before and after the work in which the council's demo
    /// figures improved most, so the example's results read true against the figures shown beside them: the figures
    /// run to a year or two before the work is written up, so before is three to seven years earlier, after the latest two.
    /// </summary>
    private async Task BestPeriodsAsync(CaseStudyRevision revision, Guid council, int year, CancellationToken cancellationToken)
    {
        foreach (var link in revision.Indicators)
        {
            var polarity = await db.PerformanceIndicators.Where(i => i.Id == link.IndicatorId).Select(i => i.Polarity).SingleAsync(cancellationToken);
            var figures = (await db.IndicatorValues.Where(v => v.IndicatorId == link.IndicatorId && v.OrganisationId == council && v.Current && v.Value != null)
                .Select(v => new { v.Period, v.FromYear, Value = v.Value!.Value }).ToListAsync(cancellationToken)).OrderBy(v => v.FromYear).ToList();
            var sign = polarity == Polarity.LowerIsBetter ? -1 : 1;
            var best = (from before in figures.Where(f => f.FromYear >= year - 7 && f.FromYear <= year - 3)
                        from after in figures.Where(f => f.FromYear >= year - 2)
                        let gain = sign * (after.Value - before.Value)
                        where gain > 0 && polarity != Polarity.Neither
                        orderby gain descending, before.FromYear
                        select (before.Period, after.Period)).FirstOrDefault();
            if (best != default)
            {
                (link.BeforePeriod, link.AfterPeriod) = best;
            }
        }
    }

    private CaseStudyRevision Add(Example example, Guid council, Dictionary<string, Guid> indicators, Guid author, DateTime at)
    {
        var study = new CaseStudy { OrganisationId = council, CreatedAt = at, CreatedById = author, PublishedRevision = 1, IsDemonstration = true };
        var revision = new CaseStudyRevision
        {
            CaseStudyId = study.Id,
            Number = 1,
            State = RevisionState.Published,
            Title = example.Title,
            Summary = example.Summary,
            ServiceAreas = example.Areas,
            Year = example.Year,
            Problem = example.Problem,
            WhatWasDone = example.WhatWasDone,
            Results = example.Results,
            WhatHelped = example.WhatHelped,
            WhatGotInTheWay = example.WhatGotInTheWay,
            CostAndResources = example.Cost,
            ContactRole = example.Contact,
            CreatedAt = at,
            CreatedById = author,
            UpdatedAt = at,
            SubmittedAt = at,
            PublishedAt = at,
            PublishedById = author,
        };
        revision.Qis.AddRange(example.Qis.Distinct(StringComparer.Ordinal).Select(q => new CaseStudyQi { RevisionId = revision.Id, FrameworkCode = "PIF", QiCode = q }));
        revision.Indicators.AddRange(example.Indicators.Where(indicators.ContainsKey).Select(code => new CaseStudyIndicator { RevisionId = revision.Id, IndicatorId = indicators[code] }));
        study.Revisions.Add(revision);
        db.CaseStudies.Add(study);
        db.CaseStudySearchEntries.Add(CaseStudySearch.Entry(study, revision));
        return revision;
    }
}
