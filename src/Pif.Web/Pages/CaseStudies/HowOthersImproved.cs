using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>"How others improved this": the published case studies linked to a quality indicator, most recently published first.</summary>
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

        // An equality with one code (not a list) lets the database read the newest links straight from its index.
        // The search entries are the case studies every council reads, each with its published revision; newest revision first (version 7 ids).
        return await (from l in db.CaseStudyQis
                      where l.QiCode == qiCode && l.FrameworkCode == framework.FirstOrDefault()
                      join e in db.CaseStudySearchEntries on l.RevisionId equals e.RevisionId
                      join o in db.Organisations on e.OrganisationId equals o.Id
                      orderby l.RevisionId descending
                      select new Row(e.CaseStudyId, e.Title, o.Name, e.Year, l.FrameworkCode, l.QiCode)).Take(Shown + 1).ToListAsync(cancellationToken);
    }
}
