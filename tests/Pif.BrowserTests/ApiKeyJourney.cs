using Microsoft.Playwright;

namespace Pif.BrowserTests;

public sealed class ApiKeyJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task User_MakesAndRevokesAnApiKey_AllAccessible(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync("lead.fife@pif.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Manage your API keys" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Enter a name that says what the key is for");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByLabel("Name").FillAsync($"Indicator upload {javaScript}");
        await page.Locator("label", new() { HasTextString = "Only read" }).ClickAsync();
        await page.Locator("label", new() { HasTextString = "90 days" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make key" }).ClickAsync();
        await Assertions.Expect(page.Locator("#new-api-key")).ToContainTextAsync("pif_");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to your API keys" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke Indicator upload {javaScript}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The key has been revoked: it no longer works");
        await page.AssertNoViolationsAsync(browser, javaScript);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NationalAdministrator_ReadsTheAuditLogAssignsAnInspectorAndEditsOrganisations_Accessible(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync("national.admin@pif.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Read the audit log" }).ClickAsync();
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Signed in");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Assign link inspectors to councils" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose a link inspector");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByLabel("Link inspector").SelectOptionAsync(new SelectOptionValue { Label = "Demo link inspector" });
        await page.GetByLabel("Council").SelectOptionAsync(new SelectOptionValue { Label = javaScript ? "Moray" : "Angus" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToContainTextAsync("is now the link inspector for");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GotoAsync("/organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an organisation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Enter the organisation's name");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GotoAsync("/organisations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fife", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Edit Fife");
        await page.AssertNoViolationsAsync(browser, javaScript);
    }
}
