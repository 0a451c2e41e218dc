using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// The signed-in user and what they may act for, read once per request: their memberships and
/// the councils they are the link inspector for today.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, AppDbContext db, TimeProvider clock)
{
    private UserAccess? _access;

    public Guid? Id =>
        Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public async Task<UserAccess?> GetAccessAsync(CancellationToken cancellationToken = default)
    {
        if (_access is not null || Id is not { } id)
        {
            return _access;
        }

        // The session check has usually read the user already.
        var user = http.HttpContext?.Items[typeof(SessionUser)] is SessionUser read && read.Id == id ? read : null;
        // An API key acts with its creator's roles in the key's organisation only.
        var keyOrganisation = Guid.TryParse(http.HttpContext?.User.FindFirstValue(ApiKeys.ApiKeyAuthenticationHandler.OrganisationClaim), out var o) ? o : (Guid?)null;
        _access = await ReadAsync(db, id, clock.GetUtcNow().UtcDateTime, keyOrganisation, user, cancellationToken);
        return _access;
    }

    /// <summary>
    /// What a user may act for at <paramref name="now"/>: their memberships (in <paramref name="keyOrganisation"/>
    /// only, for an API key) and the councils they are the link inspector for; null for no such user.
    /// </summary>
    public static async Task<UserAccess?> ReadAsync(AppDbContext db, Guid id, DateTime now, Guid? keyOrganisation, SessionUser? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        user ??= await db.Users.Where(u => u.Id == id)
            .Select(u => new SessionUser(u.Id, u.DisplayName, u.Email ?? "", u.MustChangePassword))
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var memberships = user.Memberships is { } read && keyOrganisation is null
            ? read
            : await db.Memberships.Where(m => m.UserId == id && (keyOrganisation == null || m.OrganisationId == keyOrganisation))
                .OrderBy(m => m.Organisation.Name).ThenBy(m => m.Role)
                .Select(m => new MembershipView(m.OrganisationId, m.Organisation.Name, m.Organisation.Kind, m.Role))
                .ToListAsync(cancellationToken);
        IReadOnlyList<AssignedCouncil> assigned = memberships.Any(m => m.Role == OrganisationRole.LinkInspector)
            ? await db.LinkInspectorAssignments
                .Where(a => a.InspectorId == id && a.From <= now && (a.Until == null || a.Until > now))
                .OrderBy(a => a.Council.Name)
                .Select(a => new AssignedCouncil(a.CouncilId, a.Council.Name))
                .ToListAsync(cancellationToken)
            : [];

        return new UserAccess(id, user.DisplayName, user.Email, memberships, assigned, user.MustChangePassword);
    }
}

public sealed record MembershipView(Guid OrganisationId, string OrganisationName, OrganisationKind Kind, OrganisationRole Role);

public sealed record AssignedCouncil(Guid CouncilId, string Name);

public sealed record UserAccess(
    Guid UserId,
    string DisplayName,
    string Email,
    IReadOnlyList<MembershipView> Memberships,
    IReadOnlyList<AssignedCouncil> AssignedCouncils,
    bool MustChangePassword)
{
    public bool Has(OrganisationRole role) => Memberships.Any(m => m.Role == role);

    public bool Has(OrganisationRole role, Guid organisationId) =>
        Memberships.Any(m => m.Role == role && m.OrganisationId == organisationId);
}
