using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Jobs;

namespace Pif.Web.Modules.Notifications;

/// <summary>
/// The outbox's sender: e-mails what is due, oldest first. Each notification is claimed by one atomic update, so on
/// several nodes it is sent once; one that fails is tried again later (1, 2, 4 ... up to 60 minutes apart) and given
/// up a day after it was written, with the failure in the send log. A message the server refuses does not hold up the
/// others; when the server cannot be reached at all, the run stops rather than trying every message against it.
/// </summary>
public sealed partial class NotificationMailer(AppDbContext db, IMailTransport transport, NotificationMail mail, TimeProvider clock, ILogger<NotificationMailer> logger) : IBackgroundJob
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    /// <summary>A claim older than this belongs to a node that stopped mid-send: the e-mail is due again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    private const int Batch = 50;

    public const string NoAddress = "The person has no e-mail address.";

    public const string Locked = "The account is locked: Pif sends it no e-mail.";

    /// <summary>
    /// An account an administrator locked (until the end of time, as <c>UsersService.LockAsync</c> does) belongs to
    /// someone who should hear nothing more; a lockout after wrong passwords passes, and does not stop their e-mail.
    /// </summary>
    internal static bool IsLockedByAdministrator(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year >= 9999;

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await RecoverAsync(db, now, cancellationToken);
        var due = await db.Notifications.Where(n => n.EmailState == EmailState.Pending && n.EmailDueAt <= now).OrderBy(n => n.EmailDueAt).Take(Batch)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => new { n.Id, n.UserId, n.Kind, n.Text, n.Link, n.CreatedAt, n.EmailAttempts, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        foreach (var n in due)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            var claim = Guid.NewGuid();
            now = clock.GetUtcNow().UtcDateTime;
            if (await db.Notifications.Where(x => x.Id == n.Id && x.EmailState == EmailState.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailState, EmailState.Sending).SetProperty(x => x.EmailClaim, claim).SetProperty(x => x.EmailClaimedAt, now), cancellationToken) == 0)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(n.Email) || IsLockedByAdministrator(n.LockoutEnd))
            {
                await FinishAsync(n.Id, EmailState.None, null, string.IsNullOrWhiteSpace(n.Email) ? NoAddress : Locked, cancellationToken);
                continue;
            }

            try
            {
                await transport.SendAsync(mail.AtOnce(n.UserId, n.DisplayName, n.Email, new NotificationMail.Item(n.Kind, n.Text, n.Link, n.CreatedAt)), cancellationToken);
                await FinishAsync(n.Id, EmailState.Sent, null, null, CancellationToken.None);
                await LogAsync(n.UserId, n.Kind.ToString(), 1, DeliveryResult.Sent, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // This node is stopping: the e-mail is due again at once, on whichever node runs next.
                await db.Notifications.Where(x => x.Id == n.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailState, EmailState.Pending), CancellationToken.None);
                return;
            }
            catch (MailNotSentException failed)
            {
                LogNotSent(logger, n.Id, failed.Message);
                var attempts = n.EmailAttempts + 1;
                var givesUp = clock.GetUtcNow().UtcDateTime - n.CreatedAt >= GiveUpAfter;
                await db.Notifications.Where(x => x.Id == n.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.EmailState, givesUp ? EmailState.Failed : EmailState.Pending)
                    .SetProperty(x => x.EmailAttempts, attempts)
                    .SetProperty(x => x.EmailDueAt, givesUp ? null : clock.GetUtcNow().UtcDateTime + Backoff(attempts))
                    .SetProperty(x => x.EmailError, Shorten(failed.Message)), CancellationToken.None);
                await LogAsync(n.UserId, n.Kind.ToString(), 1, givesUp ? DeliveryResult.GaveUp : DeliveryResult.Retrying, failed.Message);
                if (failed.ServerDown)
                {
                    // The server is not taking mail: the rest wait for the next run rather than fail one by one now.
                    return;
                }
            }
        }
    }

    /// <summary>Claims of nodes that stopped mid-send: due again (at once), or back to the weekly digest.</summary>
    internal static async Task RecoverAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var stale = now - StaleAfter;
        await db.Notifications.Where(n => n.EmailState == EmailState.Sending && n.EmailClaimedAt < stale && n.EmailDueAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Pending), cancellationToken);
        await db.Notifications.Where(n => n.EmailState == EmailState.Sending && n.EmailClaimedAt < stale && n.EmailDueAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Weekly), cancellationToken);
    }

    private async Task FinishAsync(Guid id, EmailState state, DateTime? dueAt, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.EmailState, state).SetProperty(x => x.EmailDueAt, dueAt)
            .SetProperty(x => x.EmailSentAt, state == EmailState.Sent ? now : null).SetProperty(x => x.EmailError, error), cancellationToken);
    }

    private Task LogAsync(Guid userId, string kind, int items, DeliveryResult result, string? error) => LogAsync(db, clock, userId, kind, items, result, error);

    /// <summary>Writes one attempt to the send log, at once and on its own: it must stand whatever happens next.</summary>
    internal static async Task LogAsync(AppDbContext db, TimeProvider clock, Guid userId, string kind, int items, DeliveryResult result, string? error)
    {
        db.NotificationDeliveries.Add(new NotificationDelivery { UserId = userId, Kind = kind, Items = items, At = clock.GetUtcNow().UtcDateTime, Result = result, Error = error is null ? null : Shorten(error) });
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    internal static string Shorten(string error) => error.Length <= Notification.ErrorMaxLength ? error : error[..(Notification.ErrorMaxLength - 3)] + "...";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The e-mail of notification {NotificationId} was not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, Guid notificationId, string reason);
}
