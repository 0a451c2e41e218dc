using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;

namespace Pif.Web.Modules.Notifications;

/// <summary>
/// What other modules call when something happens that someone needs to know. It adds the notifications to the
/// caller's unit of work, so they are saved in the same transaction as the event, or not at all (the outbox). The
/// caller names who; the notifier leaves out the person who acted and anyone outside the council concerned.
/// </summary>
public sealed class Notifier(AppDbContext db, TimeProvider clock, IOptions<MailOptions> mail)
{
    public async Task NotifyAsync(NotificationKind kind, IEnumerable<Guid> recipients, string text, string link, Guid? organisationId, Guid? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var users = await WithinAsync(recipients.Where(u => u != actor).Distinct().ToList(), organisationId, cancellationToken);
        if (users.Count == 0)
        {
            return;
        }

        var chosen = await db.NotificationPreferences.Where(p => users.Contains(p.UserId) && p.Kind == kind).ToDictionaryAsync(p => p.UserId, p => p.Delivery, cancellationToken);
        foreach (var user in users)
        {
            db.Notifications.Add(New(kind, user, text, link, organisationId, chosen.TryGetValue(user, out var delivery) ? delivery : null, null));
        }
    }

    /// <summary>
    /// A reminder about one thing for one person, written once for its <paramref name="reminderKey"/> (what and which
    /// week) however often the reminding job runs, on however many nodes: the key is unique per person.
    /// Returns whether it was added.
    /// </summary>
    public async Task<bool> RemindAsync(NotificationKind kind, Guid user, string text, string link, Guid? organisationId, string reminderKey, CancellationToken cancellationToken)
    {
        if (await db.Notifications.AnyAsync(n => n.UserId == user && n.ReminderKey == reminderKey, cancellationToken)
            || (await WithinAsync([user], organisationId, cancellationToken)).Count == 0)
        {
            return false;
        }

        var delivery = await db.NotificationPreferences.Where(p => p.UserId == user && p.Kind == kind).Select(p => (EmailDelivery?)p.Delivery).SingleOrDefaultAsync(cancellationToken);
        db.Notifications.Add(New(kind, user, text, link, organisationId, delivery, reminderKey));
        return true;
    }

    /// <summary>The e-mail a new notification starts with: at once, in the digest, or none.</summary>
    public static EmailState FirstEmailState(NotificationKind kind, EmailDelivery? chosen, bool sends) =>
        !sends ? EmailState.None
        : NotificationKinds.IsMandatory(kind) ? EmailState.Pending
        : chosen switch
        {
            EmailDelivery.Weekly => EmailState.Weekly,
            EmailDelivery.Never => EmailState.None,
            _ => EmailState.Pending,
        };

    private Notification New(NotificationKind kind, Guid user, string text, string link, Guid? organisationId, EmailDelivery? delivery, string? reminderKey)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var state = FirstEmailState(kind, delivery, mail.Value.Sends);
        return new Notification
        {
            UserId = user,
            Kind = kind,
            Text = text.Length <= Notification.TextMaxLength ? text : text[..(Notification.TextMaxLength - 3)] + "...",
            Link = link,
            OrganisationId = organisationId,
            CreatedAt = now,
            EmailState = state,
            EmailDueAt = state == EmailState.Pending ? now : null,
            ReminderKey = reminderKey,
        };
    }

    /// <summary>Of <paramref name="users"/>, those who belong to the council or are its link inspector today: nobody else ever hears of it.</summary>
    private async Task<List<Guid>> WithinAsync(List<Guid> users, Guid? organisationId, CancellationToken cancellationToken)
    {
        if (users.Count == 0 || organisationId is not { } council)
        {
            return users;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Users.Where(u => users.Contains(u.Id)
                && (db.Memberships.Any(m => m.UserId == u.Id && m.OrganisationId == council)
                    || db.LinkInspectorAssignments.Any(a => a.InspectorId == u.Id && a.CouncilId == council && a.From <= now && (a.Until == null || a.Until > now))))
            .Select(u => u.Id).ToListAsync(cancellationToken);
    }
}
