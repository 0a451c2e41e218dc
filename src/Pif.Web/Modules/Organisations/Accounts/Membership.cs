namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>One role that one user holds in one organisation.</summary>
public sealed class Membership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public Guid OrganisationId { get; init; }

    public Organisation Organisation { get; init; } = null!;

    public required OrganisationRole Role { get; init; }

    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}

public enum OrganisationRole
{
    NationalAdministrator,
    LinkInspector,
    OrganisationAdministrator,
    EvaluationLead,
    Contributor,
    Viewer,
}

public static class OrganisationRoles
{
    /// <summary>The roles an inspectorate grants; councils grant the others.</summary>
    public static readonly IReadOnlySet<OrganisationRole> Inspectorate =
        new HashSet<OrganisationRole> { OrganisationRole.NationalAdministrator, OrganisationRole.LinkInspector };

    public static bool IsValidFor(OrganisationRole role, OrganisationKind kind) =>
        Inspectorate.Contains(role) == (kind == OrganisationKind.Inspectorate);

    public static string Label(OrganisationRole role) => role switch
    {
        OrganisationRole.NationalAdministrator => "National administrator",
        OrganisationRole.LinkInspector => "Link inspector",
        OrganisationRole.OrganisationAdministrator => "Organisation administrator",
        OrganisationRole.EvaluationLead => "Evaluation lead",
        OrganisationRole.Contributor => "Contributor",
        OrganisationRole.Viewer => "Viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
