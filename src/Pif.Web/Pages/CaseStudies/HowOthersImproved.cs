using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.CaseStudies;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>"How others improved this": the published case studies linked to a quality indicator, newest work first.</summary>
public static class HowOthersImproved
{
    public const int Shown = 5;

    public sealed record Row(Guid Id, string Title, string Council, int Year, string Framework, string Qi);

    /// <summary>The case studies linked to the QI with <paramref name="qiCode"/> of the self-evaluation's framework, in one query.</summary>
    public static async Task<IReadOnlyList<Row>> ForQiAsync(AppDbContext db, Guid selfEvaluationId, string qiCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var framework = db.SelfEvaluations.Where(e => e.Id == selfEvaluationId)
            .Join(db.FrameworkVersions, e => e.FrameworkVersionId, v => v.Id, (e, v) => v.Framework.Code);
        var published = CaseStudyAccess.Published(db);
        return await (from l in db.CaseStudyQis
                      where l.QiCode == qiCode && framework.Contains(l.FrameworkCode)
                      join r in db.CaseStudyRevisions on l.RevisionId equals r.Id
                      where r.State == RevisionState.Published
                      join c in published on r.CaseStudyId equals c.Id
                      join o in db.Organisations on c.OrganisationId equals o.Id
                      orderby r.Year descending, r.Title
                      select new Row(c.Id, r.Title, o.Name, r.Year, l.FrameworkCode, l.QiCode)).Take(Shown + 1).ToListAsync(cancellationToken);
    }
}
