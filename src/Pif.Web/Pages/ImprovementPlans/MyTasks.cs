using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>
/// The home page's improvement tasks for the user: actions they own that are overdue or due within 30 days, actions
/// of an approved plan with no update for 30 days, and their actions' milestones due within the week.
/// </summary>
public static class MyTasks
{
    public const int SoonDays = 30;
    public const int QuietDays = 30;
    public const int MilestoneDays = 7;

    public sealed record Item(Guid PlanId, Guid ActionId, int Number, string Plan, string Description, string Why);

    public static async Task<IReadOnlyList<Item>> LoadAsync(AppDbContext db, UserAccess access, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var me = access.UserId;
        var mine = ImprovementPlanAccess.Visible(db, access).Where(p => p.State != PlanState.Closed)
            .SelectMany(p => p.Actions.Where(a => a.OwnerId == me && a.Status != ActionStatus.Complete && a.Status != ActionStatus.Superseded),
                (p, a) => new { PlanId = p.Id, Plan = p.Title, p.State, a.Id, a.Number, a.Description, a.DueDate });
        var actions = await mine.Select(a => new
        {
            a.PlanId,
            a.Plan,
            a.State,
            a.Id,
            a.Number,
            a.Description,
            a.DueDate,
            LastUpdate = db.ActionUpdates.Where(u => u.ActionId == a.Id).Max(u => (DateTime?)u.At),
            Approved = db.PlanApprovals.Where(x => x.PlanId == a.PlanId).Min(x => (DateTime?)x.At),
        })
            .ToListAsync(cancellationToken);
        var weekEnd = today.AddDays(MilestoneDays);
        var milestones = await mine.Join(db.Milestones.Where(m => m.DoneAt == null && m.DueDate <= weekEnd), a => a.Id, m => m.ActionId,
                (a, m) => new { a.PlanId, a.Plan, a.Id, a.Number, a.Description, m.Title, m.DueDate })
            .ToListAsync(cancellationToken);

        var quietSince = today.AddDays(-QuietDays);
        var tasks = new List<(DateOnly When, Item Task)>();
        foreach (var a in actions)
        {
            if (a.DueDate < today)
            {
                tasks.Add((a.DueDate, new(a.PlanId, a.Id, a.Number, a.Plan, a.Description, $"overdue: it was due on {Dates.Written(a.DueDate)}")));
            }
            else if (a.DueDate <= today.AddDays(SoonDays))
            {
                tasks.Add((a.DueDate, new(a.PlanId, a.Id, a.Number, a.Plan, a.Description, $"due on {Dates.Written(a.DueDate)}")));
            }

            var last = a.LastUpdate ?? a.Approved;
            if (a.State != PlanState.Draft && last is { } since && DateOnly.FromDateTime(since) <= quietSince)
            {
                tasks.Add((DateOnly.FromDateTime(since), new(a.PlanId, a.Id, a.Number, a.Plan, a.Description,
                    a.LastUpdate is null ? $"no update since the plan was approved on {Dates.LondonDate(since)}" : $"no update since {Dates.LondonDate(since)}")));
            }
        }

        foreach (var m in milestones)
        {
            tasks.Add((m.DueDate, new(m.PlanId, m.Id, m.Number, m.Plan, m.Description,
                m.DueDate < today ? $"the milestone “{m.Title}” was due on {Dates.Written(m.DueDate)}" : $"the milestone “{m.Title}” is due on {Dates.Written(m.DueDate)}")));
        }

        return tasks.OrderBy(t => t.When).ThenBy(t => t.Task.Number).Select(t => t.Task).ToList();
    }
}
