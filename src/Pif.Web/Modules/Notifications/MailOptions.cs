using MailKit.Security;

namespace Pif.Web.Modules.Notifications;

/// <summary>
/// Where e-mail goes (<c>Mail:*</c>). With a <see cref="Host"/>, MailKit sends through that SMTP server; in Development
/// without one, each message is written as an <c>.eml</c> file under <see cref="PickupDirectory"/>; otherwise Pif sends
/// no e-mail and notifications are shown in Pif only.
/// </summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    public const string DefaultPickupDirectory = "App_Data/mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when the server offers it), StartTls (required), SslOnConnect, or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, as <c>Pif &lt;pif@council.gov.uk&gt;</c> or an address alone.</summary>
    public string From { get; set; } = "Pif <no-reply@pif.example>";

    /// <summary>The service's public address (https://...), which links in e-mails lead to.</summary>
    public Uri? SiteAddress { get; set; }

    /// <summary>Development only, with no <see cref="Host"/>: the folder the messages are written to.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How long one SMTP conversation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether this copy of Pif sends e-mail at all (set at start-up from the configuration and environment).</summary>
    public bool Sends => !string.IsNullOrWhiteSpace(Host) || !string.IsNullOrWhiteSpace(PickupDirectory);
}
