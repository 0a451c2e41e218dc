namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// How long a session lasts (ASVS 3.3.2: re-authenticate after an idle period and after a fixed
/// time however active): <c>Security:IdleTimeoutMinutes</c>, 30 by default, and twelve hours at most.
/// </summary>
public sealed class SessionTimeouts
{
    public const string SectionName = "Security";

    /// <summary>The page that says how long the session has left (GET) and keeps it alive (POST).</summary>
    public const string SessionPath = "/session";

    /// <summary>How often a session's last activity is written: not on every request.</summary>
    public static readonly TimeSpan ActivityResolution = TimeSpan.FromMinutes(1);

    public int IdleTimeoutMinutes { get; set; } = 30;

    public TimeSpan Idle => TimeSpan.FromMinutes(Math.Clamp(IdleTimeoutMinutes, 5, 12 * 60));

    /// <summary>How long before the end the page warns, with a chance to stay signed in.</summary>
    public TimeSpan WarnBefore => TimeSpan.FromMinutes(Math.Min(5, Idle.TotalMinutes / 3));

    /// <summary>Asking how long is left is not activity: it would keep an idle session alive for ever.</summary>
    public static bool IsStatusCheck(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(SessionPath, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Why a session ended by itself: <see cref="Idle"/> after no activity, <see cref="Lifetime"/> after the most it may last.</summary>
public enum SessionEnd
{
    Idle,
    Lifetime,
}

/// <summary>When the current request's session ends unless the browser does something first.</summary>
public sealed record SessionTimes(DateTime IdleEndsAt, DateTime ExpiresAt)
{
    public DateTime EndsAt => IdleEndsAt < ExpiresAt ? IdleEndsAt : ExpiresAt;

    /// <summary>Whether it ends at its fixed lifetime, which staying active cannot move.</summary>
    public bool EndsAtLifetime => IdleEndsAt >= ExpiresAt;
}

/// <summary>The session of a request that arrived after it had timed out: whose it was, and why it ended.</summary>
public sealed record TimedOutSession(Guid UserId, SessionEnd Reason);
