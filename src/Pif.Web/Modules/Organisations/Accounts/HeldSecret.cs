namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// A secret shown once (a one-time password, a new API key, recovery codes), held encrypted on the
/// server between the post that makes it and the page that shows it, for the one user who made it.
/// It never travels in a cookie.
/// </summary>
public sealed class HeldSecret
{
    public const int PurposeMaxLength = 100;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The only user who may read it.</summary>
    public Guid UserId { get; init; }

    /// <summary>What it is for, such as <c>one-time-password:{user id}</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>The value, encrypted with data protection.</summary>
    public required string Protected { get; init; }

    public DateTime ExpiresAt { get; init; }
}
