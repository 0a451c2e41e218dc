using System.Diagnostics.CodeAnalysis;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Frameworks;

/// <summary>
/// What a user may see of the frameworks: every signed-in user reads published and retired versions;
/// drafts exist only for those who edit them (what they may do is <see cref="FrameworkPermissions"/>).
/// </summary>
public static class FrameworkAccess
{
    public static IQueryable<FrameworkVersion> Visible(AppDbContext db, UserAccess? access) => Visible(db, FrameworkPermissions.CanEdit(access));

    /// <summary>The versions a reader may see, for callers that already know whether they see drafts.</summary>
    public static IQueryable<FrameworkVersion> Visible(AppDbContext db, bool drafts)
    {
        ArgumentNullException.ThrowIfNull(db);
        return drafts ? db.FrameworkVersions : db.FrameworkVersions.Where(v => v.Status != FrameworkStatus.Draft);
    }
}

/// <summary>What a user may do to the frameworks: national administrators import, draft, publish and retire them.</summary>
public static class FrameworkPermissions
{
    public static bool CanEdit([NotNullWhen(true)] UserAccess? access) => access?.IsNationalAdministrator() == true;
}
