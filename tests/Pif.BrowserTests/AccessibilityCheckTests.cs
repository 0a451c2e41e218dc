using Microsoft.Playwright;

namespace Pif.BrowserTests;

/// <summary>The test of the test: the axe check every journey relies on passes a clean page and fails a broken one, naming the rule.</summary>
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [Fact]
    public async Task Check_FailsOnAViolation_AndNamesTheRule()
    {
        await using var context = await browser.NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/accessibility");
        await page.AssertNoViolationsAsync(browser, javaScript: true);

        // An image with no text alternative, and a second check on the same page (axe already on it).
        await page.EvaluateAsync("() => { const image = document.createElement('img'); image.src = '/favicon.svg'; document.querySelector('main').append(image); }");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => page.AssertNoViolationsAsync(browser, javaScript: true));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckWithoutJavaScript_PassesACleanPage_FailsABrokenOne_AndPassesTheNextCleanOne()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/accessibility");
        await page.AssertNoViolationsAsync(browser, javaScript: false);

        // The later copies are written into the checker's page, which must not keep anything of the one before.
        var clean = await page.ContentAsync();
        await page.RouteAsync("**/broken", route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = clean.Replace("</main>", "<img src=\"/favicon.svg\"></main>", StringComparison.Ordinal),
        }));
        await page.GotoAsync("/broken");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => page.AssertNoViolationsAsync(browser, javaScript: false));
        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);

        await page.GotoAsync("/privacy");
        await page.AssertNoViolationsAsync(browser, javaScript: false);
    }
}
