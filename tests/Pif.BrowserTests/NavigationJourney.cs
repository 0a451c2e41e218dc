using Microsoft.Playwright;

namespace Pif.BrowserTests;

/// <summary>The site navigation on a narrow screen: a menu that opens, with JavaScript and without.</summary>
public sealed class NavigationJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OnANarrowScreen_TheMenuOpensAndLeadsToEachSection(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript, width: 375, height: 800);
        var page = await context.NewPageAsync();
        await page.SignInAsync("lead.glasgow@pif.example");
        var menu = page.Locator("#mobile-navigation-menu");
        await Assertions.Expect(menu).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("nav[aria-label='Sections']")).ToBeHiddenAsync();

        // With JavaScript the design system swaps its checkbox label for a button.
        await (javaScript ? page.GetByRole(AriaRole.Button, new() { Name = "Menu" }) : page.Locator("label[for='menu']")).ClickAsync();

        await Assertions.Expect(menu).ToBeVisibleAsync();
        if (javaScript)
        {
            var button = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-controls", "mobile-navigation-menu");
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        }

        await page.AssertNoViolationsAsync(browser, javaScript);
        await menu.GetByRole(AriaRole.Link, new() { Name = "Evidence" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Evidence library");
        await Assertions.Expect(menu.Locator("a[aria-current='page']")).ToHaveTextAsync("Evidence", new() { UseInnerText = false });
    }
}
