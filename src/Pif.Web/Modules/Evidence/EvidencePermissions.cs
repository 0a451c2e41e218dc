using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// What a user may do with a council's evidence: its administrators, evaluation leads and contributors
/// add to its library; the owner, the council's administrators and the named lead of a self-evaluation
/// an item supports change and delete it. Linking to a QI also needs the user to write on the QI
/// (SelfEvaluationPermissions.WritesOnQi).
/// </summary>
public static class EvidencePermissions
{
    public static bool CanAdd(UserAccess access, Guid organisationId) => EvidenceAccess.Councils(access).Contains(organisationId);

    /// <summary>The owner, the council's administrators, and the named lead of a self-evaluation it supports change and delete an item.</summary>
    public static async Task<bool> CanChangeAsync(AppDbContext db, UserAccess access, EvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(item);
        if ((item.OwnerId == access.UserId && CanAdd(access, item.OrganisationId)) || access.Has(OrganisationRole.OrganisationAdministrator, item.OrganisationId))
        {
            return true;
        }

        var user = access.UserId;
        var id = item.Id;
        return access.Has(OrganisationRole.EvaluationLead, item.OrganisationId)
            && await db.EvidenceLinks.Where(l => l.EvidenceItemId == id)
                .Join(db.QiEvaluations, l => l.QiEvaluationId, q => q.Id, (_, q) => q.SelfEvaluationId)
                .Join(db.SelfEvaluations, s => s, s => s.Id, (_, s) => s.LeadUserId)
                .AnyAsync(lead => lead == user, cancellationToken);
    }
}
