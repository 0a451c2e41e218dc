using Microsoft.Playwright;

namespace Pif.BrowserTests;

public sealed class SelfEvaluationJourney(BrowserFixture browser)
{
    private static readonly string[] Codes = ["5.2", "7.2", "9.2"];

    /// <summary>
    /// Exactly 10,000 characters as a person counts them (39,673 UTF-16 units): 99 lines of 99 emoji with skin tones,
    /// each line break one character, then 90 emoji and a last line. Few lines keep the pages it is shown on quick to check.
    /// </summary>
    private static readonly string LongAnswer = string.Concat(Enumerable.Repeat(string.Concat(Enumerable.Repeat("👍🏽", 99)) + "\n", 99))
        + string.Concat(Enumerable.Repeat("👍🏽", 90)) + "Last line!";

    private const string ShortAnswer = "First line 🙂\nSecond line\n\nA new paragraph. Last line!";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lead_StartsAssignsModeratesAndSubmits_ContributorsContribute_AllAccessible(bool javaScript)
    {
        var title = $"Journey self-evaluation ({(javaScript ? "JavaScript" : "no JavaScript")})";
        await using var leadContext = await browser.NewContextAsync(javaScript);
        var lead = await leadContext.NewPageAsync();
        await lead.SignInAsync("lead.glasgow@pif.example");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Start and lead self-evaluations" }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByRole(AriaRole.Link, new() { Name = "Start a self-evaluation" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start the self-evaluation" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_error-summary")).ToContainTextAsync("Enter a title");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByLabel("Title").FillAsync(title);
        await lead.Locator("label", new() { HasTextString = "Performance Improvement Framework, version 1" }).ClickAsync();
        await lead.Locator("label", new() { HasTextString = "Children and families" }).ClickAsync();
        await lead.GetByLabel("Start of the period it covers").FillAsync("2026-04-01");
        await lead.GetByLabel("End of the period it covers").FillAsync("2027-03-31");
        await lead.GetByLabel("Submission due date").FillAsync("2027-06-30");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start the self-evaluation" }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync(title);
        await lead.AssertNoViolationsAsync(browser, javaScript);
        var overview = lead.Url;

        await lead.GetByRole(AriaRole.Link, new() { Name = "Change which quality indicators are in scope" }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await Assertions.Expect(lead.Locator("input[name=Groups]:not(:checked)")).ToHaveCountAsync(0);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Clear all" }).ClickAsync();
        await Assertions.Expect(lead.Locator("input[name=Qis]:checked")).ToHaveCountAsync(0);
        await Assertions.Expect(lead.Locator("input[name=Groups]:checked")).ToHaveCountAsync(0);
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Select all" }).ClickAsync();
        await Assertions.Expect(lead.Locator("input[name=Qis]:not(:checked)")).ToHaveCountAsync(0);
        await Assertions.Expect(lead.Locator("input[name=Groups]:not(:checked)")).ToHaveCountAsync(0);
        foreach (var box in await lead.Locator("input[name=Qis]").AllAsync())
        {
            var label = await lead.Locator($"label[for='{await box.GetAttributeAsync("id")}']").TextContentAsync();
            await box.SetCheckedAsync(Codes.Any(c => label!.StartsWith(c + " ", StringComparison.Ordinal)), new() { Force = true });
        }

        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the scope" }).ClickAsync();
        await Assertions.Expect(lead.Locator("table.ds_table tbody tr")).ToHaveCountAsync(Codes.Length);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Choose who writes on each quality indicator" }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);
        foreach (var box in await lead.Locator("input[name=Assigned]").AllAsync())
        {
            await box.SetCheckedAsync(true, new() { Force = true });
        }

        await lead.GetByRole(AriaRole.Button, new() { Name = "Save the assignments" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start the evaluation" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_page-header__metadata")).ToContainTextAsync("In progress");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        foreach (var (contributor, grade) in new[] { ("contributor1.glasgow@pif.example", "4: Good"), ("contributor2.glasgow@pif.example", "2: Weak") })
        {
            await using var context = await browser.NewContextAsync(javaScript);
            var page = await context.NewPageAsync();
            await page.SignInAsync(contributor);
            // The home page lists what needs them: every quality indicator assigned, none started.
            var toWrite = page.Locator("h3", new() { HasTextString = "To write in " + title }).Locator("xpath=following-sibling::ul[1]/li");
            await Assertions.Expect(toWrite).ToHaveCountAsync(Codes.Length);
            await Assertions.Expect(toWrite.First).ToContainTextAsync("not started");
            await page.GetByRole(AriaRole.Link, new() { Name = "See your council's self-evaluations" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Assertions.Expect(page.Locator("table.ds_table tbody tr")).ToHaveCountAsync(Codes.Length);
            foreach (var code in Codes)
            {
                await page.Locator("table a", new() { HasTextString = code + " " }).ClickAsync();
                await page.AssertNoViolationsAsync(browser, javaScript);
                var answer = page.GetByLabel("How are we doing?");
                if (code == Codes[0] && javaScript)
                {
                    // Pasted in one go: typing 10,000 characters through the browser takes minutes.
                    await answer.EvaluateAsync("(area, text) => { area.value = text; area.dispatchEvent(new Event('input', { bubbles: true })); }", LongAnswer);
                }
                else
                {
                    await answer.FillAsync(code == Codes[0] ? ShortAnswer : $"What {contributor} sees in {code}.");
                }

                if (code == Codes[0])
                {
                    // The count is in characters as people see them, as the server counts: at the limit, none remain.
                    var count = page.Locator("[data-module='pif-character-count']", new() { Has = answer });
                    await Assertions.Expect(javaScript ? count.Locator(".ds_input__message") : count.Locator(".pif-character-count__limit"))
                        .ToHaveTextAsync(javaScript ? "You have 0 characters remaining" : "You can enter up to 10,000 characters");
                }

                await page.GetByLabel("How do we know?").FillAsync("Case file reading and the staff survey.");
                await page.GetByLabel("Add a strength (optional)").FillAsync("Reviews happen on time.");
                await page.Locator("label", new() { HasTextString = grade }).ClickAsync();
                await page.Locator("label", new() { HasTextString = "My contribution is complete" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Save your contribution" }).ClickAsync();
                await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your contribution has been saved");
                await page.AssertNoViolationsAsync(browser, javaScript);
                await page.Locator(".ds_breadcrumbs a").Last.ClickAsync();
                await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
            }
        }

        await lead.GotoAsync(overview);
        foreach (var code in Codes)
        {
            await lead.Locator("table a", new() { HasTextString = code + " " }).ClickAsync();
            await lead.GetByRole(AriaRole.Link, new() { Name = "Compare contributions and agree the record" }).ClickAsync();
            await Assertions.Expect(lead.Locator(".ds_warning-text")).ToContainTextAsync("differ by 2 levels");
            await lead.AssertNoViolationsAsync(browser, javaScript);
            if (code == Codes[0])
            {
                // Shown as written: every line break kept.
                var cells = lead.Locator(".pif-compare td", new() { HasTextString = "Last line!" });
                await Assertions.Expect(cells).ToHaveCountAsync(2);
                Assert.Equal(javaScript ? LongAnswer : ShortAnswer, (await cells.First.InnerTextAsync()).Trim());
            }

            await lead.GetByRole(AriaRole.Button, new() { Name = "Start the agreed record from this" }).First.ClickAsync();
            await lead.Locator("label", new() { HasTextString = "3: Adequate" }).ClickAsync();
            await lead.GetByLabel("Why this is the agreed grade").FillAsync("Strengths just outweigh the weaknesses once both views are weighed.");
            await lead.GetByRole(AriaRole.Button, new() { Name = "Save the agreed record" }).ClickAsync();
            await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The agreed record has been saved");
            await lead.AssertNoViolationsAsync(browser, javaScript);
            await lead.GotoAsync(overview);
        }

        // The lead's home page says it is ready, and leads to the check before submitting.
        await lead.GotoAsync("/");
        var ready = lead.Locator($"main a[href='{new Uri(overview).AbsolutePath}/submit']");
        await Assertions.Expect(ready).ToContainTextAsync("check and submit it to the link inspector");
        await ready.ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Check before you submit");
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("the contributions and the agreed records and grades are locked");
        await Assertions.Expect(lead.Locator("main table tbody tr")).ToHaveCountAsync(Codes.Length);
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Confirm and submit" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_page-header__metadata")).ToContainTextAsync("Submitted");
        await lead.AssertNoViolationsAsync(browser, javaScript);
    }
}
