using Microsoft.Playwright;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.BrowserTests;

/// <summary>
/// Each demo account signs in and visits every page its home page lists, with JavaScript on and off,
/// checking each with axe. The accounts are split across four classes because xUnit runs one class's
/// rows one after another: as one class, these journeys alone outlasted every other browser test.
/// </summary>
public abstract class DemoAccountJourney(BrowserFixture browser)
{
    /// <summary>Half of the demo accounts: the first (0) or the second (1).</summary>
    public static TheoryData<string> Accounts(int half)
    {
        var all = DemoAccounts.All.Select(a => a.Email).ToList();
        var size = (all.Count + 1) / 2;
        return [.. all.Skip(half * size).Take(size)];
    }

    protected async Task VisitEveryPageAsync(string email, bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        await page.SignInAsync(email);

        await Assertions.Expect(page.Locator(".ds_lead")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator(".pif-account")).ToContainTextAsync(email);
        await page.AssertNoViolationsAsync(browser, javaScript);

        // The home page lists everything the account's roles allow; each page must be accessible.
        var links = new List<string>();
        foreach (var link in await page.Locator("main ul.ds_no-bullets a").AllAsync())
        {
            links.Add((await link.GetAttributeAsync("href"))!);
        }

        Assert.NotEmpty(links);

        // The site navigation offers the home page and each section the home page lists (the top-level pages).
        var sections = await page.Locator("nav[aria-label='Sections'] a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(links.Where(l => l.Count(c => c == '/') == 1).Prepend("/").Order(), sections.Order());
        foreach (var href in links)
        {
            var response = await page.GotoAsync(href);
            Assert.Equal(200, response?.Status);
            await page.AssertNoViolationsAsync(browser, javaScript);
            var current = page.Locator("nav[aria-label='Sections'] a[aria-current='page']");
            if (sections.Contains(href))
            {
                await Assertions.Expect(current).ToHaveAttributeAsync("href", href);
            }
            else
            {
                // Below the top level: breadcrumbs lead back up.
                await Assertions.Expect(page.Locator(".ds_breadcrumbs a").First).ToHaveAttributeAsync("href", "/");
            }
        }
    }
}

public sealed class DemoAccountJourneysWithJavaScript(BrowserFixture browser) : DemoAccountJourney(browser)
{
    [Theory]
    [MemberData(nameof(Accounts), 0)]
    public Task DemoAccount_SignsInAndVisitsEveryPageItCanReach_AllAccessible(string email) => VisitEveryPageAsync(email, javaScript: true);
}

public sealed class DemoAccountJourneysWithJavaScriptToo(BrowserFixture browser) : DemoAccountJourney(browser)
{
    [Theory]
    [MemberData(nameof(Accounts), 1)]
    public Task DemoAccount_SignsInAndVisitsEveryPageItCanReach_AllAccessible(string email) => VisitEveryPageAsync(email, javaScript: true);
}

public sealed class DemoAccountJourneysWithoutJavaScript(BrowserFixture browser) : DemoAccountJourney(browser)
{
    [Theory]
    [MemberData(nameof(Accounts), 0)]
    public Task DemoAccount_SignsInAndVisitsEveryPageItCanReach_AllAccessible(string email) => VisitEveryPageAsync(email, javaScript: false);
}

public sealed class DemoAccountJourneysWithoutJavaScriptToo(BrowserFixture browser) : DemoAccountJourney(browser)
{
    [Theory]
    [MemberData(nameof(Accounts), 1)]
    public Task DemoAccount_SignsInAndVisitsEveryPageItCanReach_AllAccessible(string email) => VisitEveryPageAsync(email, javaScript: false);
}
