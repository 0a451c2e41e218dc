namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// One signed-in browser. The sign-in cookie names its session, and every request checks that the
/// session has not ended, so signing out makes a copied cookie useless at once (ADR 5).
/// </summary>
public sealed class UserSession
{
    public const int EndReasonMaxLength = 40;

    /// <summary>How long a session may last, however active: the cookie slides, the session does not.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromHours(12);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid UserId { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    /// <summary>When the browser last did something: the session times out when it has been idle too long.</summary>
    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Why it ended, such as <c>signed-out</c> or <c>password-reset</c>.</summary>
    public string? EndReason { get; set; }
}
