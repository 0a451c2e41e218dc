using Microsoft.Playwright;

namespace Pif.BrowserTests;

/// <summary>Supported validation as its people take it: challenge, reply, return, resubmit, validate, publish and read.</summary>
public sealed class ValidationJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Inspector_ChallengesReturnsAndValidates_LeadRepliesResubmitsAndPublishes_ViewerReadsIt_AllAccessible(bool javaScript)
    {
        var title = $"Validation journey ({(javaScript ? "JavaScript" : "no JavaScript")})";
        await SubmittedEvaluations.SubmitAsync(browser.Factory, title, ("2.1", 4), ("2.2", 3));

        await using var inspectorContext = await browser.NewContextAsync(javaScript);
        var inspector = await inspectorContext.NewPageAsync();
        await inspector.SignInAsync("inspector@pif.example");
        await inspector.GetByRole(AriaRole.Link, new() { Name = "See the self-evaluations of the councils you support" }).ClickAsync();
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        await inspector.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        var overview = inspector.Url;
        await inspector.Locator("table a", new() { HasTextString = "2.1 " }).ClickAsync();
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Add your comment" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_error-summary")).ToContainTextAsync("Choose whether this is support or challenge");
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        await inspector.Locator("label", new() { HasTextString = "Challenge:" }).ClickAsync();
        await inspector.GetByLabel("Your comment").FillAsync("How do you know reviews happen on time in every team?");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Add your comment" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your comment has been added");
        var challengedQi = inspector.Url.Split('#')[0];
        await inspector.Locator("label", new() { HasTextString = "Agree with the council's grade" }).ClickAsync();
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Record your decision" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your validation decision has been recorded");
        await inspector.AssertNoViolationsAsync(browser, javaScript);

        await using var leadContext = await browser.NewContextAsync(javaScript);
        var lead = await leadContext.NewPageAsync();
        await lead.SignInAsync("lead.glasgow@pif.example");
        await lead.GotoAsync(challengedQi);
        await Assertions.Expect(lead.Locator(".pif-thread")).ToContainTextAsync("How do you know reviews happen on time in every team?");
        await lead.GetByLabel("Your reply to the link inspector").FillAsync("The review tracker is checked monthly by each team manager.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add your reply" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your reply has been added");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await inspector.GotoAsync(overview);
        await inspector.GetByLabel("Why you are returning it").FillAsync("Say how you know 2.2 is adequate: the evidence is thin.");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Return it to the council" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_page-header__metadata")).ToContainTextAsync("In progress");

        await lead.GotoAsync(overview);
        await Assertions.Expect(lead.Locator(".ds_inset-text")).ToContainTextAsync("Say how you know 2.2 is adequate");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.Locator("table a", new() { HasTextString = "2.2 " }).ClickAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = "Compare contributions and agree the record" }).ClickAsync();
        await lead.Locator("label", new() { HasTextString = "2: Weak" }).ClickAsync();
        await lead.GetByLabel("Why this is the agreed grade").FillAsync("On a second look the case file reading shows weaknesses in most teams.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the agreed record" }).ClickAsync();
        await lead.GotoAsync(overview);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Submit to the link inspector" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Confirm and submit" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_page-header__metadata")).ToContainTextAsync("Submitted");

        await inspector.GotoAsync(overview);
        await inspector.GetByRole(AriaRole.Link, new() { Name = "Record decisions and the validation summary" }).ClickAsync();
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        var validation = inspector.Url;
        await Assertions.Expect(inspector.Locator("table tbody tr").First).ToContainTextAsync("Agreed (council's grade then 4)");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Record earlier decisions again where the grade has not changed" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_notification-panel__title")).ToHaveTextAsync("1 earlier decision has been recorded again for this submission");
        await inspector.Locator("table a", new() { HasTextString = "2.1 " }).ClickAsync();
        await Assertions.Expect(inspector.Locator("#decision ~ .ds_inset-text")).ToContainTextAsync("Made on submission 1, which was returned");
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        await inspector.GotoAsync(validation);
        await inspector.Locator("table a", new() { HasTextString = "2.2 " }).ClickAsync();
        await inspector.Locator("label", new() { HasTextString = "Validate a different grade" }).ClickAsync();
        await inspector.Locator("label", new() { HasTextString = "3: Adequate" }).ClickAsync();
        await inspector.GetByLabel("Reasons").FillAsync("The council is too hard on itself: most assessments read were sound.");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Record your decision" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your validation decision has been recorded");
        await inspector.GotoAsync(validation);
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Validate the self-evaluation" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_error-summary")).ToContainTextAsync("Write the strengths of the self-evaluation");
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        await inspector.GetByLabel("Strengths of the self-evaluation").FillAsync("Honest grades, and every contributor wrote.");
        await inspector.GetByLabel("What to improve in how it was done").FillAsync("Bring in the views of people who use services.");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Validate the self-evaluation" }).ClickAsync();
        await Assertions.Expect(inspector.Locator("h1")).ToHaveTextAsync("Check before you validate");
        await Assertions.Expect(inspector.Locator("main")).ToContainTextAsync("Nothing in the self-evaluation can change after this");
        await inspector.AssertNoViolationsAsync(browser, javaScript);
        await inspector.GetByRole(AriaRole.Button, new() { Name = "Confirm and validate" }).ClickAsync();
        await Assertions.Expect(inspector.Locator(".ds_page-header__metadata")).ToContainTextAsync("Validated");
        await inspector.AssertNoViolationsAsync(browser, javaScript);

        await lead.GotoAsync(overview);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Publish to the council's viewers" }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Check before you publish");
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("it cannot be changed or withdrawn");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Confirm and publish" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_page-header__metadata")).ToContainTextAsync("Published");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await using var viewerContext = await browser.NewContextAsync(javaScript);
        var viewer = await viewerContext.NewPageAsync();
        await viewer.SignInAsync("viewer.glasgow@pif.example");
        await viewer.GetByRole(AriaRole.Link, new() { Name = "See your council's self-evaluations" }).ClickAsync();
        await viewer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(viewer.Locator("main")).ToContainTextAsync("2.2 Impact on carers: from 2 (Weak) to 3 (Adequate)");
        await viewer.AssertNoViolationsAsync(browser, javaScript);
        await viewer.GetByRole(AriaRole.Link, new() { Name = "Grade profile and agreement with the link inspector" }).ClickAsync();
        await Assertions.Expect(viewer.Locator(".ds_summary-list")).ToContainTextAsync("50%: the same grade on 1 of 2 quality indicators");
        await Assertions.Expect(viewer.Locator(".ds_summary-list")).ToContainTextAsync("Too few to compute kappa");
        await Assertions.Expect(viewer.Locator("#profile-summary")).ToHaveTextAsync("The council's agreed grades for 2 quality indicators run from 2 to 4; the link inspector agreed 1 of 2 and raised 1.");
        await viewer.AssertNoViolationsAsync(browser, javaScript);
        await viewer.Locator("table a", new() { HasTextString = "2.2 " }).ClickAsync();
        await Assertions.Expect(viewer.Locator("#decision + .ds_summary-list")).ToContainTextAsync("The council is too hard on itself");
        await Assertions.Expect(viewer.Locator("#thread")).ToHaveCountAsync(0);
        await viewer.AssertNoViolationsAsync(browser, javaScript);
    }
}
