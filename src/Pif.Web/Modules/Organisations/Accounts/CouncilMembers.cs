using Pif.Web.Data;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>The people of a council who can be given work (an evidence item, an improvement action) to own.</summary>
public static class CouncilMembers
{
    /// <summary>The council's members who do more than read: a viewer owns nothing.</summary>
    public static IQueryable<PifUser> WhoOwnWork(AppDbContext db, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Users.Where(u => db.Memberships.Any(m => m.UserId == u.Id && m.OrganisationId == organisationId && m.Role != OrganisationRole.Viewer));
    }
}
