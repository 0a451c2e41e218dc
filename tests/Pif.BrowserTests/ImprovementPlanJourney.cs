using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Pif.Testing;
using Pif.Web.Infrastructure;

namespace Pif.BrowserTests;

/// <summary>
/// A lead turns a submitted self-evaluation's areas for improvement into a plan: ticks them, merges two into one
/// action, shapes it, records progress, sees it turn red once its due date passes, approves the plan, and revises it.
/// The journey has a host of its own whose clock it moves: moving the shared host's would end every other
/// journey's session.
/// </summary>
public sealed class ImprovementPlanJourney(BrowserFixture browser, ImprovementPlanJourney.ClockedHost host) : IClassFixture<ImprovementPlanJourney.ClockedHost>
{
    /// <summary>A host whose clock starts now and moves only when told (a millisecond a reading, so events keep their order).</summary>
    public sealed class ClockedHost : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

        public PifWebFactory Factory { get; } = new();

        public Uri Address { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            Factory.ExtraServices = services => services.AddSingleton<TimeProvider>(Clock);
            Address = BrowserFixture.Serve(Factory);
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lead_MakesAPlanFromTheFindings_MergesTwo_RecordsProgress_SeesItTurnRed_ApprovesAndRevisesIt(bool javaScript)
    {
        var suffix = javaScript ? "JavaScript" : "no JavaScript";
        var id = await SubmittedEvaluations.SubmitWithAreasAsync(host.Factory, $"Plan journey ({suffix})",
            ("1.1", 4, "Reviews of care plans are often late"), ("2.1", 3, "Young people are not asked what they think"));
        var today = Dates.LondonToday(host.Clock);
        string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var context = await browser.NewContextAsync(javaScript, host: host.Address);
        var lead = await context.NewPageAsync();
        await lead.SignInAsync("lead.glasgow@pif.example");
        await lead.GotoAsync($"/self-evaluations/{id}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Create the improvement plan" }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByRole(AriaRole.Button, new() { Name = "Create the plan" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_error-summary")).ToContainTextAsync("Tick at least one area for improvement for the plan to answer");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByLabel("Title").FillAsync($"Our improvement plan ({suffix})");
        await lead.Locator("label", new() { HasTextString = "Reviews of care plans are often late" }).ClickAsync();
        await lead.Locator("label", new() { HasTextString = "Young people are not asked what they think" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Create the plan" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The plan has been made with 2 actions");
        await Assertions.Expect(lead.Locator("#Actions tbody tr")).ToHaveCountAsync(2);
        await lead.AssertNoViolationsAsync(browser, javaScript);
        var plan = lead.Url;

        await lead.Locator("label[for='merge-1']").ClickAsync();
        await lead.Locator("label[for='merge-2']").ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Merge the ticked actions" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("2 actions have been merged into one");
        await Assertions.Expect(lead.Locator(".pif-finding a")).ToHaveTextAsync(["Quality indicator 1.1", "Quality indicator 2.1"]);
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByRole(AriaRole.Link, new() { Name = "Change the action" }).ClickAsync();
        await lead.GetByLabel("What will be done").FillAsync("Book every review a month ahead, and ask each young person before it");
        await lead.GetByLabel("Outcome for people (optional)").FillAsync("Young people's plans are reviewed on time, with their views in them");
        await lead.GetByLabel("Start date", new() { Exact = true }).FillAsync(Day(today.AddDays(-60)));
        await lead.GetByLabel("Due date", new() { Exact = true }).FillAsync(Day(today.AddDays(1)));
        await lead.Locator("label[for='Priority-High']").ClickAsync();
        await lead.Locator("label[for='Status-OnTrack']").ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Action 1 has been changed");
        await Assertions.Expect(lead.Locator(".ds_summary-list .ds_tag")).ToHaveTextAsync("Green");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        var action = lead.Url;

        await lead.GetByLabel("Milestone", new() { Exact = true }).FillAsync("Every review booked");
        await lead.GetByLabel("Due date", new() { Exact = true }).FillAsync(Day(today.AddDays(-30)));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the milestone" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The milestone has been added");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Tick off Every review booked" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The milestone has been ticked off");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByRole(AriaRole.Link, new() { Name = "Start a PDSA cycle" }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByLabel("The change to test").FillAsync("A reminder call two days before each review");
        await lead.GetByLabel("What you predict will happen").FillAsync("Fewer than one review in ten moves");
        await lead.GetByLabel("How you will know").FillAsync("Reviews moved, counted weekly");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the cycle" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The cycle has been saved");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Cycle 1" }).ClickAsync();
        await lead.GetByLabel("What happened when you tried it").FillAsync("Calls made for 40 reviews");
        await lead.GetByLabel("The result against your prediction").FillAsync("3 of 40 moved, against 9 of 40 before");
        await lead.Locator("label[for='Decision-Adopt']").ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the cycle" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#cycles-heading + ol h3")).ToHaveTextAsync("Cycle 1: Adopt the change");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Cycle 1" }).ClickAsync();
        await Assertions.Expect(lead.Locator("textarea")).ToHaveCountAsync(0);
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GoBackAsync();

        await lead.GetByLabel("What has happened since the last update").FillAsync("Ten of twelve reviews held on time.\nTwo moved at the family's request.");
        await lead.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "At risk" });
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the update" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your update has been added");
        await Assertions.Expect(lead.Locator("ol[aria-labelledby='updates-heading'] > li")).ToHaveCountAsync(1);
        await Assertions.Expect(lead.Locator("ol[aria-labelledby='updates-heading'] > li")).ToContainTextAsync("Status: On track to At risk");
        await lead.GetByLabel("What has happened since the last update").FillAsync("Correction: one review moved, not two.");
        await lead.GetByLabel("It corrects an earlier update (optional)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the update" }).ClickAsync();
        await Assertions.Expect(lead.Locator("ol[aria-labelledby='updates-heading'] > li").First).ToContainTextAsync("Corrects the update of");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GotoAsync(plan);
        await Assertions.Expect(lead.Locator("#Actions tbody tr td").Last).ToHaveTextAsync("Amber");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Approve the plan" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The plan has been approved");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        // Two days on, the action is past its due date: red, and "on track" now needs a reason. The session ended
        // while the clock moved, so the lead signs in again.
        host.Clock.Advance(TimeSpan.FromDays(2));
        await lead.SignInAsync("lead.glasgow@pif.example");
        await lead.GotoAsync(plan);
        await Assertions.Expect(lead.Locator("#Actions tbody tr td").Last).ToHaveTextAsync("Red");
        await lead.GotoAsync(action);
        await Assertions.Expect(lead.Locator(".ds_summary-list .ds_tag")).ToHaveTextAsync("Red");
        await lead.GetByLabel("What has happened since the last update").FillAsync("The last review is booked for Monday.");
        await lead.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "On track" });
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the update" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_error-summary")).ToContainTextAsync("say why it is still on track");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByLabel("Why it is on track (needed once it is past its due date)").FillAsync("Eleven of twelve reviews held; the last is on Monday");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the update" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your update has been added");
        await Assertions.Expect(lead.Locator("ol[aria-labelledby='updates-heading'] > li").First).ToContainTextAsync("Eleven of twelve reviews held");

        // Revising: the due date moves, and the approved revision stays readable beside the next.
        await lead.GotoAsync(plan);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Revise the plan" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#State")).ToHaveTextAsync("Approved, being revised");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GotoAsync(action);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Change the action" }).ClickAsync();
        await lead.GetByLabel("Due date", new() { Exact = true }).FillAsync(Day(today.AddDays(30)));
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_summary-list .ds_tag")).ToHaveTextAsync("Green");
        await lead.GotoAsync(plan);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Approve revision 2" }).ClickAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = "Revision 2" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#Changes tbody tr")).ToContainTextAsync(Dates.Written(today.AddDays(30)));
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Revision 1" }).ClickAsync();
        await Assertions.Expect(lead.Locator("main h3 + dl").First).ToContainTextAsync(Dates.Written(today.AddDays(1)));
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GotoAsync("/improvement-plans");
        await Assertions.Expect(lead.Locator("table a", new() { HasTextString = $"Our improvement plan ({suffix})" })).ToBeVisibleAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);
    }
}
