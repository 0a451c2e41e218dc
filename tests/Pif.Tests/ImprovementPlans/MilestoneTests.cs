using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>An action's milestones: dated within the action, ticked off when reached, fixed once the plan is approved.</summary>
public sealed class MilestoneTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static Task<HttpResponseMessage> AddAsync(HttpClient client, Guid plan, Guid action, string title, string due) =>
        client.PostFormAsync($"/improvement-plans/{plan}/actions/{action}?handler=AddMilestone", ("Milestone.Title", title), ("Milestone.DueDate", due));

    [Fact]
    public async Task Milestones_OutsideTheActionsDates_AreRefused_AndOnesWithinAreListedByDate_AndTickedOff()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Milestones");
        var (plan, actions) = await PlanAsync(factory, lead, id);

        var outside = await Html.ParseAsync(await AddAsync(lead, plan, actions[0], "Too late", "2027-06-30"));
        await AddAsync(lead, plan, actions[0], "Survey sent", "2026-12-01");
        var page = await Html.ParseAsync(await AddAsync(lead, plan, actions[0], "Reviews booked", "2026-09-01"));

        Assert.Equal(["The milestone must fall within the action's dates: 1 June 2026 to 31 May 2027"], outside.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("Too late", outside.QuerySelector("#Milestone_Title")!.GetAttribute("value"));
        Assert.Equal(["Reviews booked", "Survey sent"], page.QuerySelectorAll("[aria-labelledby='milestones-heading'] tbody th").Select(t => t.Text()));

        var first = await factory.QueryAsync(db => db.Milestones.Where(m => m.ActionId == actions[0] && m.Title == "Reviews booked").Select(m => m.Id).SingleAsync());
        var ticked = await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{plan}/actions/{actions[0]}?handler=Tick&milestoneId={first}"));
        Assert.Equal("The milestone has been ticked off", ticked.QuerySelector(".ds_notification-panel__title").Text());
        Assert.NotNull(await factory.QueryAsync(db => db.Milestones.Where(m => m.Id == first).Select(m => m.DoneAt).SingleAsync()));

        // The action's dates must keep its milestones inside them.
        var edit = await Html.ParseAsync(await EditAsync(lead, plan, actions[0], ("Form.DueDate", "2026-10-31")));
        Assert.Equal(["The milestone “Survey sent” is due on 1 December 2026: keep the action's dates around its milestones, or remove it first"],
            edit.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Milestones_AreFixedOnceApproved_ButStillTickedOff_AndOthersCannotTouchThem()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Approved milestones");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        await AddAsync(lead, plan, actions[0], "Reviews booked", "2026-09-01");
        var milestone = await factory.QueryAsync(db => db.Milestones.Where(m => m.ActionId == actions[0]).Select(m => m.Id).SingleAsync());
        var stamp = (await FormAsync(lead, $"/improvement-plans/{plan}"))["Stamp"];
        await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Approve", ("Stamp", stamp));

        var added = await Html.ParseAsync(await AddAsync(lead, plan, actions[0], "Another", "2026-10-01"));
        var fife = await AsAsync(factory, Fife);
        var foreign = await fife.PostAsync($"/improvement-plans/{plan}/actions/{actions[0]}?handler=Tick&milestoneId={milestone}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", await fife.GetFormTokenAsync("/improvement-plans"))]), TestContext.Current.CancellationToken);
        var ticked = await lead.PostFormAsync($"/improvement-plans/{plan}/actions/{actions[0]}?handler=Tick&milestoneId={milestone}");

        Assert.Equal(["The plan is approved, so its milestones are fixed: tick them off as they are reached, or revise the plan"], added.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ticked.StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.Milestones.CountAsync(m => m.ActionId == actions[0] && m.DoneAt != null)));
    }
}
