using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Jobs;

namespace Pif.Web.Modules.Notifications;

/// <summary>
/// The weekly digest: from 8am on Monday (UK time), each person who chose a weekly e-mail for some kinds gets one
/// message with what they were told of before then. Their notifications are claimed together by one atomic update
/// and marked sent with it, so a restart or a second node never sends them again; what arrives after 8am on Monday
/// waits for the next Monday. A digest the mail server refuses is tried again on the next run, and given up a day on.
/// </summary>
public sealed partial class WeeklyDigest(AppDbContext db, IMailTransport transport, NotificationMail mail, TimeProvider clock, ILogger<WeeklyDigest> logger) : IBackgroundJob
{
    public static readonly TimeOnly SendsFrom = new(8, 0);

    private const int UsersPerRun = 200;

    /// <summary>The Monday of the week of <paramref name="utc"/> and the moment, in UTC, its digest goes out.</summary>
    public static (DateOnly Monday, DateTime Cutoff) WeekOf(DateTime utc)
    {
        var london = DateOnly.FromDateTime(Dates.InLondon(utc));
        var monday = london.AddDays(-(((int)london.DayOfWeek + 6) % 7));
        return (monday, Dates.LondonToUtc(monday.ToDateTime(SendsFrom)));
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (monday, cutoff) = WeekOf(now);
        if (now < cutoff)
        {
            // Early on Monday: last week's digest went out last Monday, and this week's is not due yet.
            (monday, cutoff) = (monday.AddDays(-7), cutoff.AddDays(-7));
        }

        var users = await db.Notifications.Where(n => n.EmailState == EmailState.Weekly && n.CreatedAt < cutoff).Select(n => n.UserId).Distinct().OrderBy(u => u).Take(UsersPerRun).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            if (cancellationToken.IsCancellationRequested || !await SendAsync(user, monday, cutoff, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Sends one person's digest; false when the mail server is not taking mail, so the run stops.</summary>
    private async Task<bool> SendAsync(Guid userId, DateOnly monday, DateTime cutoff, CancellationToken cancellationToken)
    {
        var claim = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Notifications.Where(n => n.UserId == userId && n.EmailState == EmailState.Weekly && n.CreatedAt < cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Sending).SetProperty(n => n.EmailClaim, claim).SetProperty(n => n.EmailClaimedAt, now), cancellationToken) == 0)
        {
            return true;
        }

        var person = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email, u.LockoutEnd }).SingleAsync(cancellationToken);
        var items = await db.Notifications.Where(n => n.EmailClaim == claim)
            .Select(n => new NotificationMail.Item(n.Kind, n.Text, n.Link, n.CreatedAt)).ToListAsync(cancellationToken);
        // Grouped by kind, in the order people choose them in, oldest first within each.
        items = items.OrderBy(i => NotificationKinds.All.ToList().FindIndex(d => d.Kind == i.Kind)).ThenBy(i => i.CreatedAt).ToList();
        if (string.IsNullOrWhiteSpace(person.Email) || NotificationMailer.IsLockedByAdministrator(person.LockoutEnd))
        {
            var why = string.IsNullOrWhiteSpace(person.Email) ? NotificationMailer.NoAddress : NotificationMailer.Locked;
            await db.Notifications.Where(n => n.EmailClaim == claim).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.None).SetProperty(n => n.EmailError, why), cancellationToken);
            return true;
        }

        try
        {
            await transport.SendAsync(mail.Digest(userId, person.DisplayName, person.Email, items, monday), cancellationToken);
            var sent = clock.GetUtcNow().UtcDateTime;
            await db.Notifications.Where(n => n.EmailClaim == claim).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Sent).SetProperty(n => n.EmailSentAt, sent), CancellationToken.None);
            await LogAsync(userId, items.Count, DeliveryResult.Sent, null);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await db.Notifications.Where(n => n.EmailClaim == claim).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Weekly), CancellationToken.None);
            return false;
        }
        catch (MailNotSentException failed)
        {
            LogNotSent(logger, userId, failed.Message);
            var givesUp = clock.GetUtcNow().UtcDateTime - cutoff >= NotificationMailer.GiveUpAfter;
            await db.Notifications.Where(n => n.EmailClaim == claim).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.EmailState, givesUp ? EmailState.Failed : EmailState.Weekly)
                .SetProperty(n => n.EmailAttempts, n => n.EmailAttempts + 1)
                .SetProperty(n => n.EmailError, NotificationMailer.Shorten(failed.Message)), CancellationToken.None);
            await LogAsync(userId, items.Count, givesUp ? DeliveryResult.GaveUp : DeliveryResult.Retrying, failed.Message);
            return !failed.ServerDown;
        }
    }

    private Task LogAsync(Guid userId, int items, DeliveryResult result, string? error) =>
        NotificationMailer.LogAsync(db, clock, userId, NotificationDelivery.WeeklyDigest, items, result, error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The weekly digest of user {UserId} was not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, Guid userId, string reason);
}

/// <summary>Deletes notifications and send-log rows older than <see cref="Notification.KeptFor"/>, but not a notification whose e-mail is still to go.</summary>
public sealed class NotificationCleanup(AppDbContext db, TimeProvider clock) : IBackgroundJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().UtcDateTime - Notification.KeptFor;
        if (await db.Notifications.Where(n => n.CreatedAt < before && n.EmailState != EmailState.Pending && n.EmailState != EmailState.Sending && n.EmailState != EmailState.Weekly).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            // An unread one may have gone: every page's header counts them.
            await DataChanges.StampAsync(db, cancellationToken);
        }

        await db.NotificationDeliveries.Where(d => d.At < before).ExecuteDeleteAsync(cancellationToken);
    }
}
