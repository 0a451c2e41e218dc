using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Jobs;
using Pif.Web.Modules.Notifications;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// Reminds action owners, once a week per action, while an action of an approved plan is due within
/// <see cref="DueWithinDays"/> days or overdue, and while it has had no update for <see cref="QuietDays"/> days.
/// Each reminder's key names the action and the week, so running again (or on another node) adds nothing.
/// </summary>
public sealed class ActionReminders(AppDbContext db, Notifier notifier, TimeProvider clock) : IBackgroundJob
{
    public const int DueWithinDays = 7;

    public const int QuietDays = 30;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = Dates.LondonToday(clock);
        var week = Reminders.Week(today);
        var now = clock.GetUtcNow().UtcDateTime;
        var quietSince = now.AddDays(-QuietDays);
        var open = await db.PlanActions
            .Where(a => a.Status != ActionStatus.Complete && a.Status != ActionStatus.Superseded)
            .Join(db.ImprovementPlans.Where(p => p.State == PlanState.Approved || p.State == PlanState.Revising), a => a.PlanId, p => p.Id, (a, p) => new
            {
                a.Id,
                a.PlanId,
                a.Number,
                a.Description,
                a.OwnerId,
                a.DueDate,
                p.OrganisationId,
                PlanTitle = p.Title,
                LastNews = a.Updates.Max(u => (DateTime?)u.At) ?? db.PlanApprovals.Where(x => x.PlanId == p.Id).Max(x => (DateTime?)x.At),
            })
            .Where(a => a.DueDate <= today.AddDays(DueWithinDays) || a.LastNews < quietSince)
            .ToListAsync(cancellationToken);
        foreach (var a in open)
        {
            var link = $"/improvement-plans/{a.PlanId}/actions/{a.Id}";
            var what = $"Action {a.Number} of {a.PlanTitle}, \"{Texts.Shortened(a.Description, 150)}\",";
            if (a.DueDate <= today.AddDays(DueWithinDays))
            {
                var text = a.DueDate < today
                    ? $"{what} is overdue: it was due on {Dates.Written(a.DueDate)}. Post an update to say where it stands."
                    : $"{what} is due on {Dates.Written(a.DueDate)}.";
                await notifier.RemindAsync(NotificationKind.ActionDue, a.OwnerId, text, link, a.OrganisationId, $"action-due:{a.Id:N}:{week}", cancellationToken);
            }

            if (a.LastNews < quietSince)
            {
                await notifier.RemindAsync(NotificationKind.ActionNoUpdate, a.OwnerId,
                    $"{what} has had no update since {Dates.LondonDate(a.LastNews.Value)}. Post an update to say how it is going.",
                    link, a.OrganisationId, $"action-quiet:{a.Id:N}:{week}", cancellationToken);
            }
        }

        await Reminders.SaveAsync(db, cancellationToken);
    }
}
