namespace Pif.Web.Modules.Organisations.Audit;

/// <summary>
/// One change or security event: who, when, what, and the record before and after (JSON).
/// Rows are only ever added; nothing in the product edits or deletes them.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 80;
    public const int EntityTypeMaxLength = 80;
    public const int ActorNameMaxLength = 256;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTime At { get; init; }

    /// <summary>The user who acted; null for an anonymous attempt such as a failed sign-in.</summary>
    public Guid? ActorId { get; init; }

    /// <summary>The actor's name or the e-mail address tried, as it was at the time.</summary>
    public required string ActorName { get; init; }

    /// <summary>The organisation the row is about, which decides who may read it.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>What happened, such as <c>sign-in.failed</c> or <c>membership.added</c>.</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public Guid? EntityId { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    public string? ClientAddress { get; init; }
}
