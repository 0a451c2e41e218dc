using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.ImprovementPlans;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>Changing an action: what is refused and why, the reason an overdue "on track" needs, and two people saving at once.</summary>
public sealed class PlanActionTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Edit_WithBadDatesOrAnOwnerOfAnotherCouncil_IsRefusedWithMessages_AndNothingIsSaved()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Refused action changes");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var fife = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Fife).Select(u => u.Id).SingleAsync());

        var page = await Html.ParseAsync(await EditAsync(lead, plan, actions[0],
            ("Form.Description", "  "), ("Form.StartDate", "2026-09-01"), ("Form.DueDate", "2026-08-31"), ("Form.OwnerId", fife.ToString())));

        Assert.Equal(
            ["Enter what will be done, in 2,000 characters or fewer", "Choose an owner from the council's users", "The due date must be on or after the start date"],
            page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("2026-08-31", page.QuerySelector("#Form_DueDate")!.GetAttribute("value"));
        var saved = await factory.QueryAsync(db => db.PlanActions.SingleAsync(a => a.Id == actions[0]));
        Assert.Equal("Reviews of care plans are often late", saved.Description);
        Assert.Equal(new DateOnly(2027, 5, 31), saved.DueDate);
    }

    [Fact]
    public async Task Edit_OnTrackPastItsDueDate_NeedsAReason_WhichIsKeptAndShown_AndTheActionIsRed()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var due = today.AddDays(-1);
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Overdue action");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var saved = await EditAsync(lead, plan, actions[0], ("Form.StartDate", today.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Form.DueDate", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Form.Status", "AtRisk"),
            ("Form.Outcome", "Children's plans are reviewed\nwhile they still fit"), ("Form.SuccessMeasure", "90% of reviews on time"));
        Assert.Equal("Action 1 has been changed", (await Html.ParseAsync(saved)).QuerySelector(".ds_notification-panel__title").Text());

        var refused = await Html.ParseAsync(await EditAsync(lead, plan, actions[0], ("Form.Status", "OnTrack")));
        var kept = await Html.ParseAsync(await EditAsync(lead, plan, actions[0], ("Form.Status", "OnTrack"), ("Form.StatusReason", "The last two reviews are booked for next week")));

        Assert.Equal([$"The action was due on {due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: say why it is still on track"], refused.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Contains("Why it is on track: The last two reviews are booked for next week", kept.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal("Red", kept.QuerySelector(".ds_summary-list .ds_tag").Text());
        Assert.Equal("Children's plans are reviewed\nwhile they still fit", await factory.QueryAsync(db => db.PlanActions.Where(a => a.Id == actions[0]).Select(a => a.Outcome).SingleAsync()));
        var planPage = await Html.ParseAsync(await lead.GetAsync($"/improvement-plans/{plan}", TestContext.Current.CancellationToken));
        Assert.Equal(["Red", "Green"], planPage.QuerySelectorAll("#Actions tbody tr").Select(r => r.QuerySelectorAll("td")[^1].Text()));
        Assert.Equal("Red 1", planPage.QuerySelector(".pif-rag-counts li").Text());
    }

    [Fact]
    public async Task Edit_SavedByTwoPeopleFromTheSameStart_RefusesTheSecond_ShowsWhatIsSaved_AndKeepsWhatTheyTyped()
    {
        var lead = await AsAsync(factory, Lead);
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");
        var (id, _) = await SubmittedAsync(factory, lead, "Two editors");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var path = $"/improvement-plans/{plan}/actions/{actions[0]}/edit";
        var leadForm = await FormAsync(lead, path);
        var adminForm = await FormAsync(admin, path);

        leadForm["Form.Description"] = "Book every review before the month starts";
        adminForm["Form.Description"] = "Audit twenty case files";
        await lead.PostFormAsync(path, [.. leadForm.Select(f => (f.Key, f.Value))]);
        var second = await Html.ParseAsync(await admin.PostFormAsync(path, [.. adminForm.Select(f => (f.Key, f.Value))]));

        Assert.StartsWith("Someone else changed this action after you opened it", second.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);
        Assert.Equal("Audit twenty case files", second.QuerySelector("#Form_Description")!.TextContent);
        Assert.Contains("Book every review before the month starts", second.QuerySelectorAll(".ds_summary-list__value").Select(v => v.Text()));
        Assert.Equal("Book every review before the month starts", await factory.QueryAsync(db => db.PlanActions.Where(a => a.Id == actions[0]).Select(a => a.Description).SingleAsync()));
    }

    [Theory]
    [InlineData(ActionStatus.Complete, "2026-01-01", Rag.Done)]
    [InlineData(ActionStatus.Superseded, "2026-01-01", Rag.None)]
    [InlineData(ActionStatus.OnTrack, "2026-01-01", Rag.Red)]
    [InlineData(ActionStatus.NotStarted, "2026-12-31", Rag.Green)]
    [InlineData(ActionStatus.OnTrack, "2026-07-01", Rag.Green)]
    [InlineData(ActionStatus.AtRisk, "2026-12-31", Rag.Amber)]
    [InlineData(ActionStatus.OffTrack, "2026-12-31", Rag.Red)]
    public void Rag_IsDerivedFromTheStatusAndTheDueDate(ActionStatus status, string due, Rag rag) =>
        Assert.Equal(rag, ActionRag.Of(status, DateOnly.Parse(due, CultureInfo.InvariantCulture), new DateOnly(2026, 7, 1)));
}
