namespace Pif.Web.Modules.Organisations;

/// <summary>A council, or the inspectorate. Every record in Pif belongs to one.</summary>
public sealed class Organisation
{
    public const int CodeMaxLength = 16;
    public const int NameMaxLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The GSS code for a council (such as S12000049); <c>CI</c> for the Care Inspectorate.</summary>
    public required string Code { get; set; }

    /// <summary>The code a council had before a boundary change, as older files still use it.</summary>
    public string? FormerCode { get; set; }

    public required string Name { get; set; }

    public required OrganisationKind Kind { get; set; }

    public List<OrganisationAlias> Aliases { get; init; } = [];

    /// <summary>Changes on every save, so a second person's stale edit is refused, not silently kept.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public enum OrganisationKind
{
    Council,
    Inspectorate,
}
