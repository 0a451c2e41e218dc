using Microsoft.Playwright;

namespace Pif.BrowserTests;

/// <summary>
/// The working pages at a desktop and a phone width: nothing widens the page (an unbroken 1,000-character
/// string wraps), the QI page's guidance sits beside the work when there is room and collapsed above it
/// when there is not. With PIF_SCREENSHOTS set, each page is saved for people to look at.
/// </summary>
public sealed class LayoutJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task OverviewQiPageAndModeration_FitTheScreen_AllAccessible(int width)
    {
        var (id, _) = await SubmittedEvaluations.AgreeAsync(browser.Factory, $"Layout at {width} pixels", ("5.2", 4), ("7.2", 3));
        await SubmittedEvaluations.ContributeAsync(browser.Factory, id, "5.2", new string('x', 1000));
        await using var context = await browser.NewContextAsync(javaScript: true, width: width, height: 900);
        var page = await context.NewPageAsync();
        await page.SignInAsync("lead.glasgow@pif.example");
        await page.GotoAsync($"/self-evaluations/{id}");
        var qi = await page.Locator("table a", new() { HasTextString = "5.2 " }).GetAttributeAsync("href");

        foreach (var path in new[] { $"/self-evaluations/{id}", qi!, qi + "/agree" })
        {
            await page.GotoAsync(path);
            await page.AssertNoViolationsAsync(browser, javaScript: true);
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (sizes[0], sizes[1]);
            Assert.True(scroll <= client, $"{path} is {scroll} pixels wide on a {client}-pixel screen");
        }

        // The contribution's 1,000 characters are in the audit log too: they wrap inside the table's column.
        await using var adminContext = await browser.NewContextAsync(javaScript: true, width: width, height: 900);
        var admin = await adminContext.NewPageAsync();
        await admin.SignInAsync("admin.glasgow@pif.example");
        await admin.GotoAsync("/audit");
        await admin.AssertNoViolationsAsync(browser, javaScript: true);
        var table = await admin.EvaluateAsync<int[]>("() => { const t = document.querySelector('main table'); return [t.scrollWidth, t.parentElement.clientWidth]; }");
        Assert.True(table[0] <= Math.Max(table[1], 1200), $"The audit table is {table[0]} pixels wide in a {table[1]}-pixel column");

        await page.GotoAsync(qi!);
        if (width >= 992)
        {
            var illustration = page.Locator(".pif-with-guidance__guidance .pif-illustration").First;
            // Beside the work, open: the first illustration is in view to the right of the main column.
            await Assertions.Expect(illustration).ToBeVisibleAsync();
            var guidance = await page.Locator(".pif-with-guidance__guidance").BoundingBoxAsync();
            var work = await page.Locator(".pif-with-guidance__work").BoundingBoxAsync();
            Assert.True(guidance!.X > work!.X + work.Width - 1, "The guidance is not beside the work");
        }
        else
        {
            // Above the work, collapsed until opened.
            var illustration = page.Locator(".pif-guidance .pif-illustration").First;
            await Assertions.Expect(illustration).ToBeHiddenAsync();
            await page.Locator(".pif-guidance summary").ClickAsync();
            await Assertions.Expect(illustration).ToBeVisibleAsync();
        }
    }
}
