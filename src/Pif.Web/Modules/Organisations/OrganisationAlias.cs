namespace Pif.Web.Modules.Organisations;

/// <summary>
/// A name an organisation goes by in published files (its own name included), so
/// importers can match "Argyll &amp; Bute" or "Western Isles" to the right council.
/// </summary>
public sealed class OrganisationAlias
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid OrganisationId { get; init; }

    public required string Name { get; init; }

    /// <summary><see cref="Name"/> folded by <see cref="OrganisationNames.Normalise"/>; unique.</summary>
    public required string NormalisedName { get; init; }
}
