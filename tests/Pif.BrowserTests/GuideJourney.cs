using Microsoft.Playwright;

namespace Pif.BrowserTests;

/// <summary>A lead starts a self-evaluation on a good-practice guide: its aspects are the quality indicators, and the workflow is the same.</summary>
public sealed class GuideJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lead_StartsASelfEvaluationOnAGuide_AllAccessible(bool javaScript)
    {
        var title = $"Leadership guide ({(javaScript ? "JavaScript" : "no JavaScript")})";
        await using var context = await browser.NewContextAsync(javaScript);
        var lead = await context.NewPageAsync();
        await lead.SignInAsync("lead.glasgow@pif.example");
        await lead.GotoAsync("/self-evaluations/start");

        await lead.GetByLabel("Title").FillAsync(title);
        await lead.Locator("label", new() { HasTextString = "Leadership: a good-practice self-evaluation guide, version 1" }).ClickAsync();
        await lead.Locator("label", new() { HasTextString = "Adult services" }).ClickAsync();
        await lead.GetByLabel("Start of the period it covers").FillAsync("2026-04-01");
        await lead.GetByLabel("End of the period it covers").FillAsync("2027-03-31");
        await lead.GetByLabel("Submission due date").FillAsync("2027-06-30");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start the self-evaluation" }).ClickAsync();

        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(lead.Locator("main")).ToContainTextAsync("Leadership: a good-practice self-evaluation guide, version 1");
        Assert.True(await lead.Locator("main table tbody tr").CountAsync() > 0);
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.Locator("main table tbody a").First.ClickAsync();
        await Assertions.Expect(lead.Locator(".pif-guidance").First).ToBeAttachedAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);
    }
}
