using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Organisations.ApiKeys;

/// <summary>
/// A key for the API. It acts as the user who created it, with their roles in one organisation.
/// Only a SHA-256 hash of the secret is stored; the secret is shown once, when it is made.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;
    public const int PrefixLength = 12;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public Guid OrganisationId { get; init; }

    public Organisation Organisation { get; init; } = null!;

    public required string Name { get; init; }

    /// <summary>The first characters of the key, so people can tell their keys apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>Lower-case hex SHA-256 of the whole key; unique.</summary>
    public required string Hash { get; init; }

    public bool ReadOnly { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    public DateTime? RevokedAt { get; set; }

    public PifUser User { get; init; } = null!;
}
