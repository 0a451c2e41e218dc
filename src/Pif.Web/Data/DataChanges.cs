using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure.Exports;
using Pif.Web.Infrastructure.OnceOnly;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Data;

/// <summary>
/// Keeps <see cref="DataVersion"/> true: a new stamp in the same transaction as every change to what pages show, so
/// that what <see cref="DataCache"/> keeps is never served after the data under it changed, on any node.
/// </summary>
public static class DataChanges
{
    /// <summary>
    /// What no kept page data is ever made from: a person's sessions and their one-time secrets, kept forms and posted
    /// tokens, the keys that protect cookies, the log of e-mails sent, and export jobs. These change on ordinary
    /// requests (signing in, a posted form), and changing them leaves what is kept alone. (Notifications and the "read
    /// up to here" markers of a QI's thread are not among them: every page's header counts the unread notifications,
    /// and the home page's "what needs you" is made from the markers.)
    /// </summary>
    private static readonly HashSet<Type> Quiet =
    [
        typeof(UserSession), typeof(HeldSecret), typeof(KeptForm), typeof(OnceToken), typeof(DataProtectionKey),
        typeof(NotificationDelivery), typeof(ExportJob), typeof(ExportFile), typeof(DataVersion),
    ];

    /// <summary>Whether a change to an entity of this type leaves kept page data true.</summary>
    public static bool IsQuiet(Type entityType) => Quiet.Contains(entityType);

    /// <summary>Before a save: when it changes anything pages show, a new stamp goes in the same save.</summary>
    internal static bool StampIfChanged(AppDbContext db)
    {
        var tracker = db.ChangeTracker;
        var detects = tracker.AutoDetectChangesEnabled;
        if (detects)
        {
            tracker.DetectChanges();
        }

        // Detected once above: the save detects again anyway, so the reads below need not.
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (!tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !Quiet.Contains(e.Metadata.ClrType)))
            {
                return false;
            }

            var version = tracker.Entries<DataVersion>().FirstOrDefault() ?? db.Attach(new DataVersion { Id = DataVersion.TheOne });
            version.Entity.Stamp = Guid.NewGuid();
            version.Property(v => v.Stamp).IsModified = true;
            return true;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detects;
        }
    }

    /// <summary>
    /// A new stamp now, for the writes that bypass the change tracker (bulk updates, deletes and raw inserts): call it
    /// in the same transaction, after them.
    /// </summary>
    public static async Task StampAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = Guid.NewGuid();
        await db.Set<DataVersion>().Where(v => v.Id == DataVersion.TheOne).ExecuteUpdateAsync(u => u.SetProperty(v => v.Stamp, stamp), cancellationToken);
        db.Stamped();
    }
}
