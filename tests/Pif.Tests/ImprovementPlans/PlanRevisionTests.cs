using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.ImprovementPlans;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>
/// Revising an approved plan: its actions' details open again, the approved revision stays readable and stands
/// until the next is approved, and each revision says what changed since the one before.
/// </summary>
public sealed class PlanRevisionTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid plan, string handler)
    {
        var form = await FormAsync(client, $"/improvement-plans/{plan}");
        return await client.PostFormAsync($"/improvement-plans/{plan}?handler={handler}", ("Stamp", form["Stamp"]));
    }

    private async Task<(HttpClient Lead, Guid Plan, List<Guid> Actions)> ApprovedAsync(string title)
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, title);
        var (plan, actions) = await PlanAsync(factory, lead, id);
        await EditAsync(lead, plan, actions[0], ("Form.SuccessMeasure", "Nine in ten reviews on time"));
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(lead, plan, "Approve")).StatusCode);
        return (lead, plan, actions);
    }

    [Fact]
    public async Task Revise_OpensTheDetails_KeepsTheApprovedRevisionReadable_AndTheNextApprovalSaysWhatChanged()
    {
        var (lead, plan, actions) = await ApprovedAsync("Revised plan");
        var viewer = await AsAsync(factory, "viewer.glasgow@pif.example");

        var revising = await Html.ParseAsync(await MoveAsync(lead, plan, "Revise"));
        var edited = await EditAsync(lead, plan, actions[0], ("Form.DueDate", "2027-03-31"), ("Form.Priority", "High"));
        var update = await viewer.GetAsync($"/improvement-plans/{plan}/revisions/1", TestContext.Current.CancellationToken);
        var first = await Html.ParseAsync(update);
        var seenByViewer = await Html.ParseAsync(await viewer.GetAsync($"/improvement-plans/{plan}", TestContext.Current.CancellationToken));

        Assert.Equal("You are revising the plan: the approved revision stands until you approve this one", revising.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal("Approved, being revised", revising.QuerySelector("#State").Text());
        Assert.Equal("Approve revision 2", revising.QuerySelector("form[action*='handler=Approve'] button").Text());
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Contains("revision 1 as approved on", seenByViewer.QuerySelector("#Revising").Text(), StringComparison.Ordinal);
        Assert.Equal("Improvement plan 2026 to 2027: revision 1 as approved", first.QuerySelector("h1").Text());
        Assert.Equal(["Action 1", "Action 2"], first.QuerySelectorAll("main h3").Select(h => h.Text()));
        var firstAction = first.QuerySelector("main h3 + dl")!;
        Assert.Contains("1 June 2026 to 31 May 2027", firstAction.Text(), StringComparison.Ordinal);
        Assert.Contains("Nine in ten reviews on time", firstAction.Text(), StringComparison.Ordinal);
        Assert.Contains("Reviews of care plans are often late", firstAction.Text(), StringComparison.Ordinal);
        Assert.Null(first.QuerySelector("#Changes"));

        // Progress carries on while the revision is worked on.
        var posted = await lead.PostFormAsync($"/improvement-plans/{plan}/actions/{actions[1]}?handler=Update", ("Update.Narrative", "Young people's panel met"), ("Update.Status", "OnTrack"));
        Assert.Equal("Your update has been added", (await Html.ParseAsync(posted)).QuerySelector(".ds_notification-panel__title").Text());

        var approved = await Html.ParseAsync(await MoveAsync(lead, plan, "Approve"));
        var second = await Html.ParseAsync(await viewer.GetAsync($"/improvement-plans/{plan}/revisions/2", TestContext.Current.CancellationToken));
        var firstAgain = await Html.ParseAsync(await viewer.GetAsync($"/improvement-plans/{plan}/revisions/1", TestContext.Current.CancellationToken));

        Assert.Equal("Approved", approved.QuerySelector("#State").Text());
        Assert.Equal(["Revision 1", "Revision 2"], approved.QuerySelectorAll("dd li a").Select(a => a.Text()));
        Assert.Equal([1, 2], await factory.QueryAsync(db => db.PlanApprovals.Where(a => a.PlanId == plan).OrderBy(a => a.Revision).Select(a => a.Revision).ToListAsync()));
        Assert.Equal(
            [
                "Action 1|Dates|1 June 2026 to 31 May 2027|1 June 2026 to 31 March 2027",
                "Action 1|Priority|Medium|High",
            ],
            second.QuerySelectorAll("#Changes tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.Text()))));
        Assert.Contains("1 June 2026 to 31 March 2027", second.QuerySelector("main h3 + dl")!.Text(), StringComparison.Ordinal);
        Assert.Contains("1 June 2026 to 31 May 2027", firstAgain.QuerySelector("main h3 + dl")!.Text(), StringComparison.Ordinal);
        var audit = (await Html.ParseAsync(await (await AsAsync(factory, "admin.glasgow@pif.example")).GetAsync("/audit", TestContext.Current.CancellationToken))).QuerySelector("main").Text();
        Assert.Contains("Began revising the improvement plan 'Improvement plan 2026 to 2027'", audit, StringComparison.Ordinal);
        Assert.Contains("Approved revision 2 of the improvement plan 'Improvement plan 2026 to 2027'", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revise_IsForTheCouncilsManagers_OnAnApprovedPlan_FromWhatTheyLastSaw()
    {
        var (lead, plan, actions) = await ApprovedAsync("Guarded revision");
        var contributorId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync());
        var stamp = (await FormAsync(lead, $"/improvement-plans/{plan}"))["Stamp"];

        Assert.Equal(HttpStatusCode.Forbidden, (await (await AsAsync(factory, "viewer.glasgow@pif.example")).PostFormAsync($"/improvement-plans/{plan}?handler=Revise", ("Stamp", stamp))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await AsAsync(factory, "inspector@pif.example")).PostFormAsync($"/improvement-plans/{plan}?handler=Revise", ("Stamp", stamp))).StatusCode);
        var fife = await AsAsync(factory, Fife);
        var token = await fife.GetFormTokenAsync("/improvement-plans");
        Assert.Equal(HttpStatusCode.NotFound, (await fife.PostAsync($"/improvement-plans/{plan}?handler=Revise",
            new FormUrlEncodedContent([new("Stamp", stamp), new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/improvement-plans/{plan}/actions/{actions[0]}/edit", TestContext.Current.CancellationToken)).StatusCode);
        var stale = await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Revise", ("Stamp", Guid.NewGuid().ToString())));
        Assert.Equal(["The plan is approved now: someone else changed it first"], stale.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(PlanState.Approved, await factory.QueryAsync(db => db.ImprovementPlans.Where(p => p.Id == plan).Select(p => p.State).SingleAsync()));

        // Revising lets the managers change the owner; a closed plan cannot be revised.
        await MoveAsync(lead, plan, "Revise");
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(lead, plan, actions[0], ("Form.OwnerId", contributorId.ToString()))).StatusCode);
        await MoveAsync(lead, plan, "Approve");
        await MoveAsync(lead, plan, "Close");
        var closed = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/{plan}", TestContext.Current.CancellationToken));
        Assert.Null(closed.QuerySelector("form[action*='handler=Revise']"));
        Assert.Equal(PlanState.Closed, await factory.QueryAsync(db => db.ImprovementPlans.Where(p => p.Id == plan).Select(p => p.State).SingleAsync()));
        Assert.Equal(["The plan is closed now: someone else changed it first"],
            (await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Revise", ("Stamp", stamp)))).QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    [Fact]
    public async Task ARevision_IsSeenByThoseWhoSeeThePlan_AndOnlyOnceApproved()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Unapproved plan");
        var (draft, _) = await PlanAsync(factory, lead, id);
        var (_, plan, _) = await ApprovedAsync("Approved once");

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/improvement-plans/{draft}/revisions/1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/improvement-plans/{plan}/revisions/2", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(factory, Fife)).GetAsync($"/improvement-plans/{plan}/revisions/1", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await AsAsync(factory, "inspector@pif.example")).GetAsync($"/improvement-plans/{plan}/revisions/1", TestContext.Current.CancellationToken)).StatusCode);
    }
}
