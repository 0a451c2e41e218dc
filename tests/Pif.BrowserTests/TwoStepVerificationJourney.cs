using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pif.Testing;

namespace Pif.BrowserTests;

public sealed partial class TwoStepVerificationJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task User_TurnsOnTwoStepVerification_AndSignsInWithACode_AllAccessible(bool javaScript)
    {
        var email = await browser.CreateUserAsync("two-step");
        string key;
        await using (var setupContext = await browser.NewContextAsync(javaScript))
        {
            var page = await setupContext.NewPageAsync();
            await page.SignInAsync(email);
            await page.GetByRole(AriaRole.Link, new() { Name = "Manage two-step verification" }).ClickAsync();
            await Assertions.Expect(page.Locator("img.pif-qr-code")).ToBeVisibleAsync();
            await page.AssertNoViolationsAsync(browser, javaScript);

            key = (await page.Locator("#shared-key").TextContentAsync())!;
            await page.GetByLabel("Code from the app").FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step verification" }).ClickAsync();
            await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
            await page.AssertNoViolationsAsync(browser, javaScript);
        }

        await using var context = await browser.NewContextAsync(javaScript);
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/sign-in");
        await signIn.GetByLabel("E-mail address").FillAsync(email);
        await signIn.GetByLabel("Password").FillAsync(PifWebFactory.DemoPassword);
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(signIn).ToHaveURLAsync(TwoStepUrl());
        await signIn.AssertNoViolationsAsync(browser, javaScript);

        await signIn.GetByLabel("Code").FillAsync(Totp.Code(key));
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(signIn.Locator("h1")).ToHaveTextAsync("Your Pif home page");
    }

    [GeneratedRegex("/sign-in/two-step")]
    private static partial Regex TwoStepUrl();
}
