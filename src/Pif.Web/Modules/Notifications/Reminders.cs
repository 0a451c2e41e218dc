using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Notifications;

/// <summary>What the modules' reminding jobs share: the week a reminder is for, and saving them.</summary>
public static class Reminders
{
    /// <summary>The ISO week of a date, as 2026-W49: a reminder is written once per item and week.</summary>
    public static string Week(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }

    /// <summary>Saves a job's reminders. One another node wrote first breaks the unique key: its copy stands, and ours are written one by one.</summary>
    public static async Task SaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            foreach (var reminder in added)
            {
                db.Notifications.Add(reminder);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Already written for this person, item and week.
                }

                db.ChangeTracker.Clear();
            }
        }
    }
}
