using Microsoft.Playwright;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.BrowserTests;

public sealed class DemoAccountJourneys(BrowserFixture browser)
{
    public static TheoryData<string, bool> Accounts()
    {
        var data = new TheoryData<string, bool>();
        foreach (var (email, _) in DemoAccounts.All)
        {
            data.Add(email, true);
            data.Add(email, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task DemoAccount_SignsInAndVisitsEveryPageItCanReach_AllAccessible(string email, bool javaScript)
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
        foreach (var href in links)
        {
            var response = await page.GotoAsync(href);
            Assert.Equal(200, response?.Status);
            await page.AssertNoViolationsAsync(browser, javaScript);
        }
    }
}
