using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Evidence;

namespace Pif.Tests.Reports;

internal static class ReportSteps
{
    /// <summary>
    /// The demo links its evidence to the self-evaluation in progress; this gives the published one <paramref name="id"/>
    /// the same links, QI by QI, and says how many items it then has.
    /// </summary>
    public static Task<int> LinkDemoEvidenceAsync(PifWebFactory factory, Guid id) => factory.QueryAsync(async db =>
    {
        var links = await db.EvidenceLinks.Join(db.QiEvaluations, l => l.QiEvaluationId, q => q.Id, (l, q) => new { l, q.QiCode }).ToListAsync();
        var published = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id).ToDictionaryAsync(q => q.QiCode, q => q.Id);
        db.EvidenceLinks.AddRange(links.Select(x => new EvidenceLink { EvidenceItemId = x.l.EvidenceItemId, QiEvaluationId = published[x.QiCode], LinkedAt = x.l.LinkedAt, LinkedById = x.l.LinkedById }));
        await db.SaveChangesAsync();
        return links.Select(x => x.l.EvidenceItemId).Distinct().Count();
    });
}
