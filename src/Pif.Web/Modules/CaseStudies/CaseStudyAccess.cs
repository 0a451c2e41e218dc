using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// Who sees a case study (what they may do is <see cref="CaseStudyPermissions"/>): every signed-in user reads a
/// published one that has not been withdrawn; the writing council's administrators and evaluation leads see all of
/// theirs; national administrators see every one that has been submitted for review. Anyone else: it does not exist (404).
/// Lists of what every council reads go through <see cref="CaseStudySearchEntry"/>, which holds exactly those case studies.
/// </summary>
public static class CaseStudyAccess
{
    public static IQueryable<CaseStudy> Visible(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var writing = CaseStudyPermissions.WritingCouncils(access);
        var reviews = CaseStudyPermissions.Reviews(access);
        return db.CaseStudies.Where(c =>
            (c.PublishedRevision != null && c.WithdrawnAt == null)
            || writing.Contains(c.OrganisationId)
            || (reviews && c.Revisions.Any(r => r.State != RevisionState.Draft)));
    }

    /// <summary>Whether the user sees the case study's work in progress (its latest revision and the review's record), not only what is published.</summary>
    public static bool SeesWork(UserAccess access, Guid organisationId) =>
        CaseStudyPermissions.Writes(access, organisationId) || CaseStudyPermissions.Reviews(access);
}
