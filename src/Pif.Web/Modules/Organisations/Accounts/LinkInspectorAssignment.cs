namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// A link inspector assigned to a council from one date, until another (open while current).
/// Kept when it ends, because what an inspector could see depends on who was assigned when.
/// </summary>
public sealed class LinkInspectorAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InspectorId { get; init; }

    public Guid CouncilId { get; init; }

    public Organisation Council { get; init; } = null!;

    public DateTime From { get; init; }

    public DateTime? Until { get; set; }
}
