using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.ImprovementPlans;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>Progress updates: dated, kept as written, corrected only by a later update, and what they may point to.</summary>
public sealed class ActionUpdateTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static Task<HttpResponseMessage> PostUpdateAsync(HttpClient client, Guid plan, Guid action, params (string Name, string Value)[] fields) =>
        client.PostFormAsync($"/improvement-plans/{plan}/actions/{action}?handler=Update", fields);

    /// <summary>Posts an update as someone who cannot open the action's page, with a token from a page they can.</summary>
    private static async Task<HttpResponseMessage> PostBlindAsync(HttpClient client, Guid plan, Guid action, string narrative)
    {
        var token = await client.GetFormTokenAsync("/improvement-plans");
        return await client.PostAsync($"/improvement-plans/{plan}/actions/{action}?handler=Update",
            new FormUrlEncodedContent([new("Update.Narrative", narrative), new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
    }

    private async Task<Guid> EvidenceAsync(string email, string title)
    {
        var added = await Evidence.EvidenceSteps.AddAsync(await AsAsync(factory, email), title, "Document", ("note.pdf", Evidence.EvidenceSteps.Pdf));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        return Guid.Parse(added.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
    }

    [Fact]
    public async Task Update_ChangesTheStatus_PointsToEvidence_AndACorrectionIsANewUpdate_TheFirstKeptAsWritten()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Updated plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var evidence = await EvidenceAsync(Lead, "Review schedule, June");

        var first = await Html.ParseAsync(await PostUpdateAsync(lead, plan, actions[0], ("Update.Narrative", "Twelve reviews booked.\nTwo are late."),
            ("Update.Status", "AtRisk"), ("Update.EvidenceItemId", evidence.ToString())));
        var firstId = await factory.QueryAsync(db => db.ActionUpdates.Where(u => u.ActionId == actions[0]).Select(u => u.Id).SingleAsync());
        var second = await Html.ParseAsync(await PostUpdateAsync(lead, plan, actions[0], ("Update.Narrative", "Three are late, not two."), ("Update.CorrectsId", firstId.ToString())));

        Assert.Equal("Your update has been added", first.QuerySelector(".ds_notification-panel__title").Text());
        var items = second.QuerySelectorAll(".pif-timeline__item");
        Assert.Equal(2, items.Length);
        Assert.Contains("Three are late, not two.", items[0].Text(), StringComparison.Ordinal);
        Assert.StartsWith("Corrects the update of", items[0].QuerySelector("a[href^='#update-']").Text(), StringComparison.Ordinal);
        Assert.Contains("Status: Not started to At risk", items[1].Text(), StringComparison.Ordinal);
        Assert.Equal("Review schedule, June", items[1].QuerySelector("a[href^='/evidence/']").Text());
        Assert.Equal("Twelve reviews booked.\nTwo are late.", items[1].QuerySelector(".pif-lines")!.TextContent);
        Assert.StartsWith("At risk", second.QuerySelectorAll(".ds_summary-list__item").Single(i => i.QuerySelector("dt").Text() == "Status").QuerySelector("dd").Text(), StringComparison.Ordinal);
        var saved = await factory.QueryAsync(db => db.ActionUpdates.Where(u => u.ActionId == actions[0]).OrderBy(u => u.At).ToListAsync());
        Assert.Equal(["Twelve reviews booked.\nTwo are late.", "Three are late, not two."], saved.Select(u => u.Narrative));
        Assert.Equal(ActionStatus.AtRisk, await factory.QueryAsync(db => db.PlanActions.Where(a => a.Id == actions[0]).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Update_Empty_WithAnotherCouncilsEvidence_OrOnTrackPastDue_IsRefusedWithMessages_AndNothingIsSaved()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Refused updates");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var fifeEvidence = await EvidenceAsync(Fife, "Fife's own survey");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
        await EditAsync(lead, plan, actions[0], ("Form.StartDate", due.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Form.DueDate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var empty = await Html.ParseAsync(await PostUpdateAsync(lead, plan, actions[0], ("Update.Narrative", " "), ("Update.EvidenceItemId", fifeEvidence.ToString())));
        var onTrack = await Html.ParseAsync(await PostUpdateAsync(lead, plan, actions[0], ("Update.Narrative", "Going well"), ("Update.Status", "OnTrack")));

        Assert.Equal(["Write what has happened since the last update, in 4,000 characters or fewer", "Choose evidence from the council's library"],
            empty.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal([$"The action was due on {due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: say why it is still on track"],
            onTrack.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("Going well", onTrack.QuerySelector("#Update_Narrative")!.TextContent);
        Assert.False(await factory.QueryAsync(db => db.ActionUpdates.AnyAsync(u => u.ActionId == actions[0])));
    }

    [Fact]
    public async Task Merge_OfAnActionWithUpdatesOrCycles_IsRefused_SoNothingIsLost()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "No merge after updates");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        await PostUpdateAsync(lead, plan, actions[1], ("Update.Narrative", "Started the survey"));
        var (other, _) = await SubmittedAsync(factory, lead, "No merge after milestones or cycles");
        var (second, more) = await PlanAsync(factory, lead, other);
        await lead.PostFormAsync($"/improvement-plans/{second}/actions/{more[1]}/cycles", ("Form.Change", "A reminder call"), ("Form.Prediction", "Fewer moves"), ("Form.Measure", "Moves a week"));

        var page = await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Merge", ("Actions", actions[0].ToString()), ("Actions", actions[1].ToString())));
        var cycled = await Html.ParseAsync(await lead.PostFormAsync($"/improvement-plans/{second}?handler=Merge", ("Actions", more[0].ToString()), ("Actions", more[1].ToString())));

        Assert.Equal(["Action 2 has progress updates, which are kept: mark it superseded instead of merging it away"], page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(["Action 2 has PDSA cycles, which are kept: mark it superseded instead of merging it away"], cycled.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(2, await factory.QueryAsync(db => db.PlanActions.CountAsync(a => a.PlanId == second)));
        Assert.Equal(2, await factory.QueryAsync(db => db.PlanActions.CountAsync(a => a.PlanId == plan)));
    }

    [Fact]
    public async Task Update_ByAnyoneButTheOwnerOrAManager_IsRefused()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Owners only");
        var (plan, actions) = await PlanAsync(factory, lead, id);

        var contributor = await PostBlindAsync(await AsAsync(factory, Contributor1), plan, actions[0], "Not mine to say");
        var fife = await PostBlindAsync(await AsAsync(factory, Fife), plan, actions[0], "Not my council");

        Assert.Equal(HttpStatusCode.NotFound, contributor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fife.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.ActionUpdates.AnyAsync(u => u.ActionId == actions[0])));
    }
}
