using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Outcomes;

/// <summary>
/// Who sees a council's outcome agreements (what they may do is <see cref="OutcomePermissions"/>): its administrators
/// and evaluation leads see all of them, drafts included; once agreed, its other members, its link inspector and the
/// national administrators read it too. Anyone else: it does not exist (404). National outcome sets are read by everyone.
/// </summary>
public static class OutcomeAccess
{
    public static IQueryable<OutcomeAgreement> Visible(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var writing = OutcomePermissions.WritingCouncils(access);
        var readers = access.Memberships.Select(m => m.OrganisationId).Concat(access.AssignedCouncils.Select(c => c.CouncilId)).Distinct().ToList();
        var national = access.IsNationalAdministrator();
        return db.OutcomeAgreements.Where(a =>
            writing.Contains(a.OrganisationId)
            || (a.State == AgreementState.Agreed && (national || readers.Contains(a.OrganisationId))));
    }
}
