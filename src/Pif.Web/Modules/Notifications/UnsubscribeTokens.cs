using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace Pif.Web.Modules.Notifications;

/// <summary>
/// The signed token in an e-mail's unsubscribe link: whose it is and what it stops (one kind, or the weekly digest).
/// It needs no sign-in, so it says no more than that; it cannot be forged or changed to another person or kind.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    public sealed record Subject(Guid UserId, NotificationKind? Kind)
    {
        /// <summary>The weekly digest: every kind the person has sent weekly.</summary>
        public bool IsDigest => Kind is null;
    }

    private const string Digest = "digest";

    private readonly IDataProtector _protector = protection.CreateProtector("Pif.Notifications.Unsubscribe.v1");

    public string For(Guid userId, NotificationKind? kind) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{userId:N}|{kind?.ToString() ?? Digest}")));

    /// <summary>What the token stops, or null when it is not one of ours (or has been tampered with).</summary>
    public Subject? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var userId))
            {
                return null;
            }

            if (parts[1] == Digest)
            {
                return new Subject(userId, null);
            }

            return Enum.TryParse<NotificationKind>(parts[1], out var kind) && Enum.IsDefined(kind) ? new Subject(userId, kind) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
