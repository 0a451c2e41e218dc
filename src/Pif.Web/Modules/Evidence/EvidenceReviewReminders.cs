using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Jobs;
using Pif.Web.Modules.Notifications;

namespace Pif.Web.Modules.Evidence;

/// <summary>Reminds each owner, once a week per item, of evidence past its review date.</summary>
public sealed class EvidenceReviewReminders(AppDbContext db, Notifier notifier, TimeProvider clock) : IBackgroundJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = Dates.LondonToday(clock);
        var week = Reminders.Week(today);
        var due = await db.EvidenceItems.Where(e => e.ReviewDate != null && e.ReviewDate < today)
            .Select(e => new { e.Id, e.Title, e.OwnerId, e.OrganisationId, e.ReviewDate }).ToListAsync(cancellationToken);
        foreach (var e in due)
        {
            await notifier.RemindAsync(NotificationKind.EvidenceReview, e.OwnerId,
                $"Your evidence \"{Texts.Shortened(e.Title, 200)}\" was due for review on {Dates.Written(e.ReviewDate!.Value)}: check it still holds, and set its next review date.",
                $"/evidence/{e.Id}", e.OrganisationId, $"evidence-review:{e.Id:N}:{week}", cancellationToken);
        }

        await Reminders.SaveAsync(db, cancellationToken);
    }
}
