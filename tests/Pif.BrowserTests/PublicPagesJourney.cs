using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pif.Testing;

namespace Pif.BrowserTests;

public sealed partial class PublicPagesJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [Trait("Postgres", "Journey")]
    public async Task Visitor_SignsInReadsEveryPageAndSignsOut_AllAccessible(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(SignInUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Pif");
        await Assertions.Expect(page.Locator("body.js-enabled")).ToHaveCountAsync(javaScript ? 1 : 0);
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Enter your e-mail address");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByLabel("E-mail address").FillAsync("lead.glasgow@pif.example");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Input_Email-error")).ToHaveTextAsync("Enter a correct e-mail address and password");

        await page.GetByLabel("Password").FillAsync(PifWebFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your Pif home page");
        await Assertions.Expect(page.Locator(".ds_summary-list")).ToContainTextAsync("Evaluation lead");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "See the organisations in Pif" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(OrganisationsUrl());
        await Assertions.Expect(page.Locator("table.ds_table tbody tr")).ToHaveCountAsync(32);
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Accessibility" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accessibility statement for Pif");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Privacy" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Privacy notice");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("API reference");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "POST /api/v1/evidence", Exact = true })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);

        var notFound = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, notFound?.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await page.AssertNoViolationsAsync(browser, javaScript);

        var forbidden = await page.GotoAsync("/error/403");
        Assert.Equal(403, forbidden?.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You cannot do this");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.SetExtraHTTPHeadersAsync([new(PifWebFactory.ThrowHeader, "yes")]);
        var broken = await page.GotoAsync("/privacy");
        await page.SetExtraHTTPHeadersAsync([]);
        Assert.Equal(500, broken?.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sorry, there is a problem with the service");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("You have signed out");
        await page.AssertNoViolationsAsync(browser, javaScript);

        // The browser reports a blocked script or style (a CSP breach) as a console error.
        // Failed navigations to the error pages above are reported too, as "Failed to load resource".
        Assert.DoesNotContain(consoleErrors, e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task KeyboardUser_UsesTheSkipLink_LandsOnTheMainContent(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/privacy");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MobileVisitor_ReadsTheOrganisations_AllAccessible(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript, width: 375, height: 740);
        var page = await context.NewPageAsync();
        await page.SignInAsync("viewer.fife@pif.example");

        await page.GotoAsync("/organisations");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Organisations");
        await page.AssertNoViolationsAsync(browser, javaScript);
        if (javaScript)
        {
            // The wide table scrolls in its own region; the page itself never scrolls sideways.
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        }
    }

    [GeneratedRegex("/organisations$")]
    private static partial Regex OrganisationsUrl();

    [GeneratedRegex("/sign-in")]
    private static partial Regex SignInUrl();
}
