using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Notifications;

/// <summary>What a user may see: their own notifications, nobody else's.</summary>
public static class NotificationAccess
{
    public static IQueryable<Notification> Visible(AppDbContext db, UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        return db.Notifications.Where(n => n.UserId == access.UserId);
    }
}

/// <summary>What a user may do: each person reads and sets up their own; national administrators read the send log.</summary>
public static class NotificationPermissions
{
    public static bool ReadsSendLog(UserAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.IsNationalAdministrator();
    }
}
