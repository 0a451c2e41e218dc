using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Notifications;

/// <summary>A person's notifications: reading them, marking them read, and choosing which come by e-mail and when.</summary>
public sealed class NotificationsService(AppDbContext db, TimeProvider clock)
{
    public sealed record Row(Guid Id, NotificationKind Kind, string Text, string Link, DateTime CreatedAt, DateTime? ReadAt);

    public const int PageSize = 25;

    /// <summary>Newest first, of one kind or all; a page of <see cref="PageSize"/> and how many there are.</summary>
    public async Task<(IReadOnlyList<Row> Rows, int Total)> ListAsync(UserAccess access, NotificationKind? kind, bool unreadOnly, int page, CancellationToken cancellationToken)
    {
        var query = NotificationAccess.Visible(db, access);
        if (kind is { } k)
        {
            query = query.Where(n => n.Kind == k);
        }

        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize)
            .Select(n => new Row(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(cancellationToken);
        return (rows, total);
    }

    public Task<Row?> FindAsync(UserAccess access, Guid id, CancellationToken cancellationToken) =>
        NotificationAccess.Visible(db, access).Where(n => n.Id == id).Select(n => new Row(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>How many of the person's notifications are unread: every signed-in page's header asks, so the query is compiled once.</summary>
    public static Task<int> UnreadAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Unread(db, userId, cancellationToken);
    }

    /// <summary>
    /// How many notifications the person has not read, for every page's header: kept in <see cref="DataCache"/> for
    /// them (a notification comes in a save that stamps, and reading one stamps).
    /// </summary>
    public static Task<int> UnreadAsync(DataCache cache, AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetAsync((typeof(NotificationsService), userId), ct => UnreadAsync(db, userId, ct), cancellationToken);
    }

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<int>> Unread = EF.CompileAsyncQuery(
        (AppDbContext db, Guid userId, CancellationToken cancellationToken) => db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null));

    /// <summary>Marks one read and gives its link; NotFound when it is not the person's own.</summary>
    public async Task<(ServiceResult Result, string? Link)> ReadAsync(UserAccess access, Guid id, CancellationToken cancellationToken)
    {
        var found = await NotificationAccess.Visible(db, access).Where(n => n.Id == id).Select(n => new { n.Link, n.ReadAt }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return (ServiceResult.NotFound, null);
        }

        if (found.ReadAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (await NotificationAccess.Visible(db, access).Where(n => n.Id == id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken) > 0)
            {
                // Every page's header counts the unread ones.
                await DataChanges.StampAsync(db, cancellationToken);
            }
        }

        return (ServiceResult.Done(id), found.Link);
    }

    public async Task<int> ReadAllAsync(UserAccess access, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var read = await NotificationAccess.Visible(db, access).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (read > 0)
        {
            await DataChanges.StampAsync(db, cancellationToken);
        }

        return read;
    }

    /// <summary>The person's choice for every kind (at once where they made none; always at once for mandatory kinds).</summary>
    public async Task<IReadOnlyDictionary<NotificationKind, EmailDelivery>> PreferencesAsync(Guid userId, CancellationToken cancellationToken)
    {
        var chosen = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        return NotificationKinds.All.ToDictionary(d => d.Kind, d => d.Mandatory ? EmailDelivery.Immediately : chosen.GetValueOrDefault(d.Kind, EmailDelivery.Immediately));
    }

    /// <summary>
    /// Saves the person's choices. A mandatory kind cannot be turned off or delayed, and says so. Notifications
    /// already waiting for an e-mail follow the new choice: a kind turned to weekly waits for the digest, one turned off sends nothing more.
    /// </summary>
    public async Task<ServiceResult> SetPreferencesAsync(Guid userId, IReadOnlyDictionary<NotificationKind, EmailDelivery> choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var problems = new List<FieldProblem>();
        foreach (var (kind, delivery) in choices)
        {
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(delivery))
            {
                problems.Add(new(kind.ToString(), "Choose at once, weekly or never"));
            }
            else if (NotificationKinds.IsMandatory(kind) && delivery != EmailDelivery.Immediately)
            {
                problems.Add(new(kind.ToString(), $"You always get an e-mail at once when {NotificationKinds.Of(kind).Label.ToLowerInvariant()}: it cannot be turned off"));
            }
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var (kind, delivery) in choices.Where(c => !NotificationKinds.IsMandatory(c.Key)))
        {
            if (existing.TryGetValue(kind, out var row))
            {
                row.Delivery = delivery;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Delivery = delivery });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (kind, delivery) in choices.Where(c => !NotificationKinds.IsMandatory(c.Key)))
        {
            await FollowAsync(userId, kind, delivery, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done();
    }

    /// <summary>Stops e-mails of one kind (or, for the digest, every weekly kind): what an unsubscribe link does. Mandatory kinds stay.</summary>
    public async Task<IReadOnlyList<NotificationKind>> UnsubscribeAsync(UnsubscribeTokens.Subject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var current = await PreferencesAsync(subject.UserId, cancellationToken);
        var stopped = current.Where(c => !NotificationKinds.IsMandatory(c.Key) && c.Value != EmailDelivery.Never
                && (subject.IsDigest ? c.Value == EmailDelivery.Weekly : c.Key == subject.Kind))
            .Select(c => c.Key).ToList();
        if (stopped.Count > 0 && await db.Users.AnyAsync(u => u.Id == subject.UserId, cancellationToken))
        {
            await SetPreferencesAsync(subject.UserId, stopped.ToDictionary(k => k, _ => EmailDelivery.Never), cancellationToken);
        }

        return stopped;
    }

    private async Task FollowAsync(Guid userId, NotificationKind kind, EmailDelivery delivery, CancellationToken cancellationToken)
    {
        var waiting = db.Notifications.Where(n => n.UserId == userId && n.Kind == kind && (n.EmailState == EmailState.Pending || n.EmailState == EmailState.Weekly));
        var now = clock.GetUtcNow().UtcDateTime;
        _ = delivery switch
        {
            EmailDelivery.Never => await waiting.ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.None).SetProperty(n => n.EmailDueAt, (DateTime?)null), cancellationToken),
            EmailDelivery.Weekly => await waiting.ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Weekly).SetProperty(n => n.EmailDueAt, (DateTime?)null), cancellationToken),
            _ => await waiting.Where(n => n.EmailState == EmailState.Weekly).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailState, EmailState.Pending).SetProperty(n => n.EmailDueAt, now), cancellationToken),
        };
    }
}
