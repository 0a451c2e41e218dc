using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// Who sees a council's evidence (what they may do with it is <see cref="EvidencePermissions"/>). The council's administrators, evaluation leads and
/// contributors read its library and add to it; the owner, the council's administrators and the named
/// lead of a self-evaluation it supports change and delete an item. Beyond them, an item is seen where it supports a self-evaluation the user sees: the
/// council's viewers (published ones) read its title and summary, not its files; the link inspector
/// (submitted ones) reads it and its files. Anyone else: it does not exist (404).
/// </summary>
public static class EvidenceAccess
{
    private static readonly OrganisationRole[] Readers = [OrganisationRole.OrganisationAdministrator, OrganisationRole.EvaluationLead, OrganisationRole.Contributor];

    public static IQueryable<EvidenceItem> Visible(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        var councils = Councils(access);
        var seen = SelfEvaluationAccess.Visible(db, access).Select(s => s.Id);
        return db.EvidenceItems.Where(e => councils.Contains(e.OrganisationId)
            || db.EvidenceLinks.Any(l => l.EvidenceItemId == e.Id && db.QiEvaluations.Any(q => q.Id == l.QiEvaluationId && seen.Contains(q.SelfEvaluationId))));
    }

    /// <summary>Whether the user may open the item's files: the council's readers and its link inspector, not viewers.</summary>
    public static bool SeesFiles(UserAccess access, Guid organisationId) =>
        Councils(access).Contains(organisationId) || SelfEvaluationAccess.IsLinkInspector(access, organisationId);

    /// <summary>The councils whose library the user reads and adds to.</summary>
    public static List<Guid> Councils(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Where(m => Readers.Contains(m.Role)).Select(m => m.OrganisationId).Distinct().ToList();
    }
}
