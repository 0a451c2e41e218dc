using Microsoft.Playwright;
using Pif.Testing;

namespace Pif.BrowserTests;

public sealed class FrameworkJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NationalAdministrator_ImportsEditsAndPublishesAFramework_AllAccessible(bool javaScript)
    {
        // Each run imports its own fixture: the one-draft rule would refuse a second import of the same code.
        var (file, code, title) = javaScript
            ? (Fixtures.School, "SCHOOL-QI", "How good is our school? (test fixture)")
            : (Fixtures.Psif, "PSIF-TEST", "Public Service Improvement Framework (test fixture)");
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync("national.admin@pif.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Read, revise and import frameworks and guides" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Frameworks and guides");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Import a framework" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose a JSON framework file to import");
        await page.AssertNoViolationsAsync(browser, javaScript);

        var bad = Fixtures.SchoolWith(j => j["title"] = "");
        await page.GetByLabel("Framework file").SetInputFilesAsync(new FilePayload { Name = "bad.json", MimeType = "application/json", Buffer = bad });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("$.title");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByLabel("Framework file").SetInputFilesAsync(Fixtures.Path(file));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check the framework before importing it");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Import as a draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Edit the draft of {title}");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.Locator(".pif-draft-qis a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Edit ");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a challenge question" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the challenge question" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Enter the question");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByLabel("Question").FillAsync("Which three records would show this best?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the challenge question" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Parts_questions ~ ol").First).ToContainTextAsync("Which three records would show this best?");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a source of evidence" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an illustration" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a mapping" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the mapping" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose the framework or guide this QI relates to");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GotoAsync($"/frameworks/{code}/draft/groups");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(javaScript ? "Add a category" : "Add a criterion");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GotoAsync($"/frameworks/{code}/draft/details");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GotoAsync($"/frameworks/{code}/draft");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish version 1" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync($"Version 1 of {title} has been published");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.Locator(".pif-qi-list a").First.ClickAsync();
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Themes");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GotoAsync($"/frameworks/{code}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Versions of {title}");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByRole(AriaRole.Link, new() { Name = "Retire version 1" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Viewer_ReadsTheFrameworkAQiAndTheGuideAspectsThatArePartOfIt_AllAccessible(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync("viewer.glasgow@pif.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Read the frameworks and guides" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Performance Improvement Framework", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("High-level question 1: What key outcomes have we achieved?");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "8.2 Commissioning arrangements" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("8.2 Commissioning arrangements");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This QI includes C1");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.Locator("main a", new() { HasTextString = "C1 " }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This QI is part of 8.2 Commissioning arrangements");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Commissioning: a good-practice self-evaluation guide" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByRole(AriaRole.Link, new() { Name = "Version history" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);
    }
}
