using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// Development and the benchmark: ten demonstration case studies, published and labelled as examples, spread over
/// quality indicators and service areas, some linked to demo indicator values. Written as by the Pif team's national
/// administrator, so no council is said to have written them.
/// </summary>
public sealed partial class CaseStudyDemo(AppDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
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

        var councils = await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.Id, cancellationToken);
        var indicators = await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null).ToDictionaryAsync(i => i.Code, i => i.Id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (example, index) in Examples.Select((e, i) => (e, i)))
        {
            var at = now.AddDays(-7 * (Examples.Length - index));
            var study = new CaseStudy { OrganisationId = councils[example.Council], CreatedAt = at, CreatedById = author.Value, PublishedRevision = 1, IsDemonstration = true };
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
                CreatedById = author.Value,
                UpdatedAt = at,
                SubmittedAt = at,
                PublishedAt = at,
                PublishedById = author.Value,
            };
            revision.Qis.AddRange(example.Qis.Select(q => new CaseStudyQi { RevisionId = revision.Id, FrameworkCode = "PIF", QiCode = q }));
            revision.Indicators.AddRange(example.Indicators.Where(indicators.ContainsKey).Select(code => new CaseStudyIndicator { RevisionId = revision.Id, IndicatorId = indicators[code] }));
            study.Revisions.Add(revision);
            db.CaseStudies.Add(study);
            await CaseStudySearch.IndexAsync(db, study.Id, revision, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
