using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>The home page's improvement tasks: overdue and soon-due actions, a quiet month, this week's milestones.</summary>
public sealed class MyTasksTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Home_ListsTheOwnersOverdueAction_ThisWeeksMilestone_AndAnApprovedActionQuietForAMonth()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Tasks plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var contributor = (await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync())).ToString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Written(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        await EditAsync(lead, plan, actions[0], ("Form.OwnerId", contributor), ("Form.StartDate", Day(today.AddDays(-60))), ("Form.DueDate", Day(today.AddDays(-1))));
        await EditAsync(lead, plan, actions[1], ("Form.OwnerId", contributor), ("Form.StartDate", Day(today.AddDays(-60))), ("Form.DueDate", Day(today.AddDays(200))));
        await lead.PostFormAsync($"/improvement-plans/{plan}/actions/{actions[1]}?handler=AddMilestone", ("Milestone.Title", "Survey sent"), ("Milestone.DueDate", Day(today.AddDays(3))));
        await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Approve", ("Stamp", (await FormAsync(lead, $"/improvement-plans/{plan}"))["Stamp"]));
        // Set-up: the approval as if it were made six weeks ago.
        var approved = DateTime.UtcNow.AddDays(-42);
        await factory.QueryAsync(db => db.PlanApprovals.Where(a => a.PlanId == plan).ExecuteUpdateAsync(s => s.SetProperty(a => a.At, approved)));

        var home = await Html.ParseAsync(await (await AsAsync(factory, Contributor1)).GetAsync("/", TestContext.Current.CancellationToken));
        var leadHome = await Html.ParseAsync(await lead.GetAsync("/", TestContext.Current.CancellationToken));

        var tasks = home.QuerySelectorAll("h2").Single(h => h.Text() == "Your improvement actions").NextElementSibling!.QuerySelectorAll("li").Select(li => li.Text()).ToList();
        Assert.Contains($"Action 1 of Improvement plan 2026 to 2027: overdue: it was due on {Written(today.AddDays(-1))}", tasks);
        Assert.Contains($"Action 2 of Improvement plan 2026 to 2027: the milestone “Survey sent” is due on {Written(today.AddDays(3))}", tasks);
        Assert.Contains(tasks, t => t.StartsWith("Action 2 of Improvement plan 2026 to 2027: no update since the plan was approved on", StringComparison.Ordinal));
        Assert.DoesNotContain(leadHome.QuerySelectorAll("h2"), h => h.Text() == "Your improvement actions");
    }
}
