namespace Pif.Web.Infrastructure.OnceOnly;

/// <summary>A form post that has been taken, by its one-time token: where its first answer sent the person, once known.</summary>
public sealed class OnceToken
{
    /// <summary>How long a token is remembered: long enough for any double click or resent page.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    public Guid Token { get; init; }

    public Guid UserId { get; init; }

    public DateTime At { get; init; }

    /// <summary>Where the first post redirected to; null while it is being handled.</summary>
    public string? Location { get; set; }
}
