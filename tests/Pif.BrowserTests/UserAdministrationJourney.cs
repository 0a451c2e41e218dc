using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pif.BrowserTests;

public sealed partial class UserAdministrationJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Administrator_AddsAUser_WhoSetsTheirOwnPassword_AllAccessible(bool javaScript)
    {
        var email = $"new.{(javaScript ? "js" : "nojs")}@glasgow.example";
        string oneTimePassword;
        await using (var adminContext = await browser.NewContextAsync(javaScript))
        {
            var admin = await adminContext.NewPageAsync();
            await admin.SignInAsync("admin.glasgow@pif.example");
            await admin.GetByRole(AriaRole.Link, new() { Name = "Manage users and their roles" }).ClickAsync();
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Users");
            await admin.AssertNoViolationsAsync(browser, javaScript);

            await admin.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".ds_error-summary")).ToContainTextAsync("Enter the person's full name");
            await admin.AssertNoViolationsAsync(browser, javaScript);

            await admin.GetByLabel("Full name").FillAsync("Morven Reid");
            await admin.GetByLabel("Work e-mail address").FillAsync(email);
            await admin.Locator("label", new() { HasTextString = "Contributor" }).ClickAsync();
            await Assertions.Expect(admin.GetByLabel("Contributor")).ToBeCheckedAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("User added");
            oneTimePassword = (await admin.Locator("#one-time-password").TextContentAsync())!.Trim();
            await admin.AssertNoViolationsAsync(browser, javaScript);

            await admin.GetByRole(AriaRole.Link, new() { Name = "See the user's details" }).ClickAsync();
            await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("Morven Reid");
            await admin.AssertNoViolationsAsync(browser, javaScript);
        }

        await using var userContext = await browser.NewContextAsync(javaScript);
        var user = await userContext.NewPageAsync();
        await user.GotoAsync("/sign-in");
        await user.GetByLabel("E-mail address").FillAsync(email);
        await user.GetByLabel("Password").FillAsync(oneTimePassword);
        await user.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(user).ToHaveURLAsync(ChangePasswordUrl());
        await user.AssertNoViolationsAsync(browser, javaScript);

        await user.GetByLabel("Current password").FillAsync(oneTimePassword);
        await user.GetByLabel("New password", new() { Exact = true }).FillAsync("rain on the river clyde");
        await user.GetByLabel("New password again").FillAsync("rain on the river clyde");
        await user.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(user.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your password has been changed");
        await user.AssertNoViolationsAsync(browser, javaScript);
    }

    [GeneratedRegex("/account/change-password$")]
    private static partial Regex ChangePasswordUrl();
}
