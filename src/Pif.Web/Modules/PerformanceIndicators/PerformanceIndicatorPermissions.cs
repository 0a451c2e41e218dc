using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// What a user may do with performance indicators: national administrators import the national files (the
/// catalogue and LGBF's figures); a council's administrators and evaluation leads import its own (local) indicators,
/// set its targets and write its commentary. Every signed-in user reads the national catalogue and figures, which are
/// public.
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

    /// <summary>Whether the user imports the council's own (local) indicators.</summary>
    public static bool ImportsLocal(UserAccess access, Guid councilId) => SetsTargets(access, councilId);

    /// <summary>The councils whose own indicators the user imports.</summary>
    public static IReadOnlyList<Guid> LocalImportCouncils(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Where(m => m.Kind == Organisations.OrganisationKind.Council && ImportsLocal(access, m.OrganisationId))
            .Select(m => m.OrganisationId).Distinct().ToList();
    }

    /// <summary>Whether the user imports any file: national files, or a council's own indicators.</summary>
    public static bool ImportsAny(UserAccess access) => ImportsNational(access) || LocalImportCouncils(access).Count > 0;
}
