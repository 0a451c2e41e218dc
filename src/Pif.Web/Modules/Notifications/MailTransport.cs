using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Pif.Web.Modules.Notifications;

/// <summary>Hands a message to the mail system. Throws <see cref="MailNotSentException"/> when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A message the mail system did not take, with what it said, for the send log.</summary>
/// <param name="serverDown">
/// Whether the server could not be used at all (not reached, or it broke off), rather than refusing this one message:
/// a sender then stops, instead of trying every message against it.
/// </param>
public sealed class MailNotSentException(string message, bool serverDown, Exception? inner = null) : Exception(message, inner)
{
    public bool ServerDown { get; } = serverDown;
}

/// <summary>
/// The transport the configuration asks for: SMTP through MailKit when <c>Mail:Host</c> is set, the pickup folder in
/// Development without one. It is never asked to send when <see cref="MailOptions.Sends"/> is false.
/// </summary>
internal sealed class ConfiguredMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mail = options.Value;
        if (message.To.Mailboxes.Any(m => !MailboxAddress.TryParse(m.Address, out _)))
        {
            // An address Pif holds but no server would take: this message fails, the next may go.
            throw new MailNotSentException($"Not an e-mail address: {string.Join(", ", message.To.Mailboxes.Select(m => m.Address))}", serverDown: false);
        }

        if (!string.IsNullOrWhiteSpace(mail.Host))
        {
            await SendBySmtpAsync(mail, message, cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(mail.PickupDirectory))
        {
            Directory.CreateDirectory(mail.PickupDirectory);
            var path = Path.Combine(mail.PickupDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, cancellationToken);
        }
        else
        {
            throw new MailNotSentException("This copy of Pif has no mail server (Mail:Host).", serverDown: true);
        }
    }

    private static async Task SendBySmtpAsync(MailOptions mail, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)mail.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(mail.Host!, mail.Port, mail.Security, cancellationToken);
            if (!string.IsNullOrEmpty(mail.UserName))
            {
                await client.AuthenticateAsync(mail.UserName, mail.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or IOException
                                      or System.Security.Authentication.AuthenticationException or MailKit.Security.AuthenticationException or TimeoutException
                                      or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The server said no to this message (its sender, a recipient, or its content): the next may go.
            var refusedThisOne = e is SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted or SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted };
            throw new MailNotSentException($"{mail.Host}:{mail.Port}: {e.Message}", serverDown: !refusedThisOne, e);
        }
    }
}
