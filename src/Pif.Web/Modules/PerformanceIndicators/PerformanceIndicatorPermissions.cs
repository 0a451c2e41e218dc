using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// What a user may do with performance indicators: national administrators import the national files (the
/// catalogue and LGBF's figures); a council's administrators and evaluation leads set its targets and write its
/// commentary. Every signed-in user reads the national catalogue and figures, which are public.
/// </summary>
public static class PerformanceIndicatorPermissions
{
    /// <summary>Whether the user imports national files.</summary>
    public static bool ImportsNational(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => m.Role == OrganisationRole.NationalAdministrator);
    }

    /// <summary>Whether the user sets the council's targets and writes its commentary on its figures.</summary>
    public static bool SetsTargets(UserAccess access, Guid councilId)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => m.OrganisationId == councilId && m.Role is OrganisationRole.OrganisationAdministrator or OrganisationRole.EvaluationLead);
    }
}
