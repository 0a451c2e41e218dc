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
    public async Task DemoAccount_SignsIn_SeesAnAccessibleHomePage(string email, bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        await page.SignInAsync(email);

        await Assertions.Expect(page.Locator(".ds_lead")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator(".pif-account")).ToContainTextAsync(email);
        await page.AssertNoViolationsAsync(browser, javaScript);
    }
}
