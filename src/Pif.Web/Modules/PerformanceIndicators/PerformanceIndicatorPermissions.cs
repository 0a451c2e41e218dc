using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// What a user may do with performance indicators: national administrators import the national files (the
/// catalogue and LGBF's figures). Every signed-in user reads the national catalogue and figures, which are public.
/// </summary>
public static class PerformanceIndicatorPermissions
{
    /// <summary>Whether the user imports national files.</summary>
    public static bool ImportsNational(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => m.Role == OrganisationRole.NationalAdministrator);
    }
}
