using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.ImprovementPlans;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>Improvement plans made from a self-evaluation's findings: what is offered, what is made, merging actions, and who sees what.</summary>
public sealed class ImprovementPlanTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Create_FromASubmittedSelfEvaluation_MakesAnActionForEachTickedArea_LinkedToItsQi()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, qis) = await SubmittedAsync(factory, lead, "Planned self-evaluation");

        var form = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/new?selfEvaluation={id}", TestContext.Current.CancellationToken));
        var created = await CreateAsync(lead, id, await CandidatesAsync(lead, id), title: "Our plan for 2026");

        Assert.Equal(["Reviews of care plans are often late", "Young people are not asked what they think"], form.QuerySelectorAll("input[name='Ticked'] + label").Select(l => l.Text()));
        Assert.Equal("Improvement plan: Planned self-evaluation", form.QuerySelector("#Title")!.GetAttribute("value"));
        var page = await Html.ParseAsync(created);
        Assert.Equal("The plan has been made with 2 actions", page.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal("Our plan for 2026", page.QuerySelector("h1").Text());
        Assert.Equal(["Action 1", "Action 2"], page.QuerySelectorAll("#Actions tbody th a").Select(a => a.Text()));
        Assert.Equal(["1.1", "2.1"], page.QuerySelectorAll("#Actions tbody tr").Select(r => r.QuerySelectorAll("td")[1].Text()));
        var saved = await factory.QueryAsync(db => db.ImprovementPlans.Include(p => p.Actions).ThenInclude(a => a.Sources).SingleAsync(p => p.SelfEvaluationId == id));
        Assert.Equal(PlanState.Draft, saved.State);
        Assert.Equal(new DateOnly(2027, 5, 31), saved.Actions.Single(a => a.Number == 1).DueDate);
        Assert.Equal([qis["1.1"], qis["2.1"]], saved.Actions.OrderBy(a => a.Number).Select(a => a.Sources.Single().QiEvaluationId!.Value));
        var audit = await Html.ParseAsync(await (await AsAsync(factory, "admin.glasgow@pif.example")).GetAsync("/audit", TestContext.Current.CancellationToken));
        Assert.Contains("Made the improvement plan 'Our plan for 2026' with 2 actions", audit.QuerySelector("main").Text(), StringComparison.Ordinal);

        // The link read from the QI's side.
        var qiPage = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["2.1"]}", TestContext.Current.CancellationToken));
        Assert.Equal(["Action 2 of Our plan for 2026"], qiPage.QuerySelectorAll("[aria-labelledby='actions-heading'] a").Select(a => a.Text()));

        // One plan answers a self-evaluation: asking again opens it.
        var again = await lead.GetAsync($"/improvement-plans/new?selfEvaluation={id}", TestContext.Current.CancellationToken);
        Assert.Equal($"/improvement-plans/{saved.Id}", again.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Create_WithNothingTicked_ABadPeriod_OrAFindingOfAnotherEvaluation_IsRefusedWithMessages_AndNothingIsSaved()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Refused plans");
        var before = await factory.QueryAsync(db => db.ImprovementPlans.CountAsync());

        var empty = await Html.ParseAsync(await CreateAsync(lead, id, [], title: "", start: "2027-01-01", end: "2026-12-31"));
        var foreign = await Html.ParseAsync(await CreateAsync(lead, id, [PlanCandidate.ItemKey(Guid.NewGuid())]));

        Assert.Equal(
            ["Enter a title of 200 characters or fewer, such as Improvement plan 2026 to 2027", "The plan's period must end after the day it starts", "Tick at least one area for improvement for the plan to answer"],
            empty.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("2027-01-01", empty.QuerySelector("#PeriodStart")!.GetAttribute("value"));
        Assert.Equal(["Tick at least one area for improvement for the plan to answer"], foreign.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(before, await factory.QueryAsync(db => db.ImprovementPlans.CountAsync()));
    }

    [Fact]
    public async Task Create_BeforeSubmission_SaysWhy_AndThePostIsRefused()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Still being written");
        await PrepareAsync(factory, id, "1.1");

        var page = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/new?selfEvaluation={id}", TestContext.Current.CancellationToken));
        var post = await Html.ParseAsync(await CreateAsync(lead, id, ["anything"]));

        Assert.Contains("once the self-evaluation has been submitted", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form[method='post'] input[name='Ticked']"));
        Assert.Equal(["A plan can be made once the self-evaluation has been submitted to the link inspector"], post.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.False(await factory.QueryAsync(db => db.ImprovementPlans.AnyAsync(p => p.SelfEvaluationId == id)));
    }

    [Fact]
    public async Task Plan_FiltersItsActions_AndDrawsTheirRagAsAChartWithTheCountsInWords()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Filtered plan");
        var (plan, _) = await PlanAsync(factory, lead, id);

        var byQi = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/{plan}?Qi=2.1", TestContext.Current.CancellationToken));
        var byRag = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/{plan}?Rag=Red", TestContext.Current.CancellationToken));
        var byMonth = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/{plan}?Due=2027-05&Status=NotStarted", TestContext.Current.CancellationToken));
        var chart = await lead.GetAsync($"/improvement-plans/{plan}?handler=Chart", TestContext.Current.CancellationToken);

        Assert.Equal(["Action 2"], byQi.QuerySelectorAll("#Actions tbody th a").Select(a => a.Text()));
        Assert.StartsWith("Showing 1 of 2 actions.", byQi.QuerySelector("main p a[href$='" + plan + "']")!.ParentElement!.Text(), StringComparison.Ordinal);
        Assert.Empty(byRag.QuerySelectorAll("#Actions tbody tr"));
        Assert.Equal(["Action 1", "Action 2"], byMonth.QuerySelectorAll("#Actions tbody th a").Select(a => a.Text()));
        Assert.Equal("Bar chart of the plan's actions by RAG: Red 0, Amber 0, Green 2, Complete 0", byQi.QuerySelector("img.pif-chart")!.GetAttribute("alt"));
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Green", await chart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_TwoActions_MakesOneThatAnswersBothFindings()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, qis) = await SubmittedAsync(factory, lead, "Merged plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);

        var one = await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Merge", ("Actions", actions[0].ToString())));
        var merged = await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Merge", ("Actions", actions[0].ToString()), ("Actions", actions[1].ToString())));

        Assert.Equal(["Tick two or more actions of this plan to merge them into one"], one.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("2 actions have been merged into one", merged.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(["Quality indicator 1.1", "Quality indicator 2.1"], merged.QuerySelectorAll(".pif-finding a").Select(a => a.Text()));
        var kept = await factory.QueryAsync(db => db.PlanActions.Include(a => a.Sources).Where(a => a.PlanId == plan).ToListAsync());
        Assert.Equal(actions[0], Assert.Single(kept).Id);
        Assert.Equal(new[] { qis["1.1"], qis["2.1"] }.Order(), kept[0].Sources.Select(s => s.QiEvaluationId!.Value).Order());
        Assert.Equal("Reviews of care plans are often late\nYoung people are not asked what they think", kept[0].Description);
    }

    [Fact]
    public async Task WhoSeesWhat_ManagersSeeDrafts_AnOwnerSeesTheirPlanAndChangesOnlyTheirAction_OthersGet404()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Access plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var contributor = await AsAsync(factory, Contributor1);
        var planPath = $"/improvement-plans/{plan}";

        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync(planPath, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"/improvement-plans/new?selfEvaluation={id}", TestContext.Current.CancellationToken)).StatusCode);
        foreach (var email in new[] { Fife, "viewer.glasgow@pif.example", "inspector@pif.example", "national.admin@pif.example" })
        {
            var other = await AsAsync(factory, email);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(planPath, TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{planPath}/actions/{actions[0]}", TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(factory, Fife)).GetAsync($"/improvement-plans/new?selfEvaluation={id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await AsAsync(factory, "admin.glasgow@pif.example")).GetAsync(planPath, TestContext.Current.CancellationToken)).StatusCode);

        var contributorId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await EditAsync(lead, plan, actions[0], ("Form.OwnerId", contributorId.ToString()))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync(planPath, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync($"{planPath}/actions/{actions[0]}/edit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"{planPath}/actions/{actions[1]}/edit", TestContext.Current.CancellationToken)).StatusCode);
        var merge = await contributor.PostFormAsync($"{planPath}?handler=Merge", ("Actions", actions[0].ToString()), ("Actions", actions[1].ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, merge.StatusCode);
        Assert.Equal(2, await factory.QueryAsync(db => db.PlanActions.CountAsync(a => a.PlanId == plan)));
    }
}
