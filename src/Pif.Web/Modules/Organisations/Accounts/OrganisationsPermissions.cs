namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>What the Organisations module lets people do, and the roles that grant each.</summary>
public static class OrganisationsPermissions
{
    /// <summary>Add users to an organisation and set their roles there.</summary>
    public const string ManageUsers = "organisations.manage-users";

    /// <summary>Assign link inspectors to councils.</summary>
    public const string ManageAssignments = "organisations.manage-assignments";

    /// <summary>Read the audit log rows about an organisation.</summary>
    public const string ViewAuditLog = "organisations.view-audit-log";

    private static readonly Dictionary<string, OrganisationRole[]> Grants = new(StringComparer.Ordinal)
    {
        [ManageUsers] = [OrganisationRole.OrganisationAdministrator, OrganisationRole.NationalAdministrator],
        [ManageAssignments] = [OrganisationRole.NationalAdministrator],
        [ViewAuditLog] = [OrganisationRole.OrganisationAdministrator, OrganisationRole.NationalAdministrator],
    };

    /// <summary>
    /// Whether the user holds the permission for one organisation: through a role in that
    /// organisation, or as a national administrator, who manages every organisation.
    /// </summary>
    public static bool Allows(this UserAccess access, string permission, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(access);
        var roles = Grants[permission];
        return access.Memberships.Any(m => roles.Contains(m.Role)
            && (m.OrganisationId == organisationId || m.Role == OrganisationRole.NationalAdministrator));
    }

    /// <summary>Whether the user holds the permission anywhere.</summary>
    public static bool AllowsAnywhere(this UserAccess access, string permission)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Memberships.Any(m => Grants[permission].Contains(m.Role));
    }

    public static bool IsNationalAdministrator(this UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.Has(OrganisationRole.NationalAdministrator);
    }
}
