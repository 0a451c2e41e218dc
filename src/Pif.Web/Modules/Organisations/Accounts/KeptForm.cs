namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// What someone posted after their session had timed out, kept encrypted for an hour so that, once
/// they sign in again, it goes back into the form they were filling in. Only that user can read it.
/// </summary>
public sealed class KeptForm
{
    public const int PathMaxLength = 2000;

    /// <summary>Random, not time-ordered: it travels in the address they return to.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid UserId { get; init; }

    /// <summary>The address the form was posted to, without its handler.</summary>
    public required string Path { get; init; }

    /// <summary>The posted fields as JSON, encrypted with data protection for this user.</summary>
    public required string Protected { get; init; }

    /// <summary>Whether the post carried files, which are not kept.</summary>
    public bool HadFiles { get; init; }

    public DateTime ExpiresAt { get; init; }
}
