using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.ImprovementPlans;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>Approving and closing a plan: who then sees it, what stays open to change, and the record of who approved it.</summary>
public sealed class PlanApprovalTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid plan, string handler)
    {
        var form = await FormAsync(client, $"/improvement-plans/{plan}");
        return await client.PostFormAsync($"/improvement-plans/{plan}?handler={handler}", ("Stamp", form["Stamp"]));
    }

    [Fact]
    public async Task Approve_ShowsThePlanToTheCouncilAndItsInspector_FixesTheActionsDetails_AndKeepsWhoApprovedIt()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Approved plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var viewer = await AsAsync(factory, "viewer.glasgow@pif.example");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/improvement-plans/{plan}", TestContext.Current.CancellationToken)).StatusCode);

        var approved = await Html.ParseAsync(await MoveAsync(lead, plan, "Approve"));

        Assert.Equal("The plan has been approved", approved.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal("Approved", approved.QuerySelector("#State").Text());
        Assert.StartsWith("Revision 1, by Demo evaluation lead, Glasgow City,", approved.QuerySelector("dd li").Text(), StringComparison.Ordinal);
        var approval = await factory.QueryAsync(db => db.PlanApprovals.SingleAsync(a => a.PlanId == plan));
        Assert.Equal(1, approval.Revision);
        foreach (var email in new[] { "viewer.glasgow@pif.example", "inspector@pif.example", Contributor1 })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await AsAsync(factory, email)).GetAsync($"/improvement-plans/{plan}", TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(factory, Fife)).GetAsync($"/improvement-plans/{plan}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/improvement-plans/{plan}/actions/{actions[0]}/edit", TestContext.Current.CancellationToken)).StatusCode);
        var update = await lead.PostFormAsync($"/improvement-plans/{plan}/actions/{actions[0]}?handler=Update", ("Update.Narrative", "Work has begun"), ("Update.Status", "OnTrack"));
        Assert.Equal("Your update has been added", (await Html.ParseAsync(update)).QuerySelector(".ds_notification-panel__title").Text());
        var merge = await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Merge", ("Actions", actions[0].ToString()), ("Actions", actions[1].ToString())));
        Assert.Equal(["Actions can be merged only while the plan is a draft or being revised"], merge.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Close_RefusesEveryChangeAfterwards_AndOnlyTheCouncilsManagersApproveOrClose()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Closed plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var contributorId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync());
        await EditAsync(lead, plan, actions[0], ("Form.OwnerId", contributorId.ToString()));
        var owner = await AsAsync(factory, Contributor1);

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostFormAsync($"/improvement-plans/{plan}?handler=Approve", ("Stamp", Guid.Empty.ToString()))).StatusCode);
        await MoveAsync(lead, plan, "Approve");
        var closed = await Html.ParseAsync(await MoveAsync(await AsAsync(factory, "admin.glasgow@pif.example"), plan, "Close"));
        var update = await Html.ParseAsync(await owner.PostFormAsync($"/improvement-plans/{plan}/actions/{actions[0]}?handler=Update", ("Update.Narrative", "Late news")));

        Assert.Equal("The plan has been closed", closed.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(PlanState.Closed, await factory.QueryAsync(db => db.ImprovementPlans.Where(p => p.Id == plan).Select(p => p.State).SingleAsync()));
        Assert.Empty(update.QuerySelectorAll("textarea[name='Update.Narrative']"));
        Assert.Equal(["The plan is closed: its actions can no longer change"], update.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.False(await factory.QueryAsync(db => db.ActionUpdates.AnyAsync(u => u.ActionId == actions[0])));
    }
}
