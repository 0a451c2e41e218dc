using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Pif.Web.Infrastructure;

namespace Pif.Web.Modules.Notifications;

/// <summary>
/// The e-mails: one notification at once, or a week's in a digest. Plain text and HTML with the same words, links
/// back to Pif, an unsubscribe link (and the one-click header of RFC 8058), and nothing that tracks the reader.
/// </summary>
public sealed class NotificationMail(IOptions<MailOptions> options, UnsubscribeTokens tokens, TimeProvider clock)
{
    public sealed record Item(NotificationKind Kind, string Text, string Link, DateTime CreatedAt);

    public MimeMessage AtOnce(Guid userId, string name, string email, Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var unsubscribe = NotificationKinds.IsMandatory(item.Kind) ? null : Address($"/notifications/unsubscribe?token={tokens.For(userId, item.Kind)}");
        return Compose(name, email, $"Pif: {Subject(item.Text)}", [item], unsubscribe,
            unsubscribe is null
                ? "You get this e-mail whatever your settings: it tells you that something you take part in needs you."
                : $"You get this e-mail because you chose to hear at once when: {NotificationKinds.Of(item.Kind).Label.ToLowerInvariant()}.");
    }

    public MimeMessage Digest(Guid userId, string name, string email, IReadOnlyList<Item> items, DateOnly weekOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        var unsubscribe = Address($"/notifications/unsubscribe?token={tokens.For(userId, null)}");
        return Compose(name, email, $"Pif: your week's notifications ({items.Count}), week of {weekOf.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}", items, unsubscribe,
            "You get this e-mail because you chose to hear of these once a week.");
    }

    private MimeMessage Compose(string name, string email, string subject, IReadOnlyList<Item> items, Uri? unsubscribe, string why)
    {
        var mail = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mail.From));
        message.To.Add(new MailboxAddress(name, email));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (unsubscribe is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var settings = Address("/notifications/settings");
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Hello {name},\n\n");
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#333\"><p>Hello {Encode(name)},</p>");
        if (items.Count > 1)
        {
            html.Append("<ul>");
        }

        foreach (var item in items)
        {
            var link = Address(item.Link);
            var when = Dates.LondonTime(item.CreatedAt);
            text.Append(items.Count > 1 ? "* " : "").Append(item.Text).Append('\n').Append(items.Count > 1 ? "  " : "").Append(CultureInfo.InvariantCulture, $"Open it in Pif: {link}\n");
            if (items.Count > 1)
            {
                text.Append(CultureInfo.InvariantCulture, $"  ({NotificationKinds.ShortLabel(item.Kind)}, {when})\n\n");
                html.Append(CultureInfo.InvariantCulture, $"<li><p>{Encode(item.Text)}<br><a href=\"{Encode(link.ToString())}\">Open it in Pif</a> <span style=\"color:#5e5e5e\">({Encode(NotificationKinds.ShortLabel(item.Kind))}, {Encode(when)})</span></p></li>");
            }
            else
            {
                text.Append('\n');
                html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(item.Text)}</p><p><a href=\"{Encode(link.ToString())}\">Open it in Pif</a></p>");
            }
        }

        if (items.Count > 1)
        {
            html.Append("</ul>");
        }

        text.Append(CultureInfo.InvariantCulture, $"{why}\nChoose which e-mails you get: {settings}\n");
        html.Append(CultureInfo.InvariantCulture, $"<hr><p style=\"font-size:14px;color:#5e5e5e\">{Encode(why)} <a href=\"{Encode(settings.ToString())}\">Choose which e-mails you get</a>.");
        if (unsubscribe is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Stop these e-mails: {unsubscribe}\n");
            html.Append(CultureInfo.InvariantCulture, $" <a href=\"{Encode(unsubscribe.ToString())}\">Stop these e-mails</a>.");
        }

        html.Append("</p></body></html>");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private Uri Address(string path) => new(options.Value.SiteAddress ?? new Uri("http://localhost:5080"), path);

    private static string Subject(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 120 ? line : line[..117] + "...";
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
