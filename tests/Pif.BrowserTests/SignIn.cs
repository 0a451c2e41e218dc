using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pif.Testing;

namespace Pif.BrowserTests;

internal static partial class SignIn
{
    /// <summary>Signs in through the sign-in page as a person would, and waits for the home page.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password = PifWebFactory.DemoPassword)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(HomeUrl());
    }

    [GeneratedRegex("^[^?#]*//[^/]+/$")]
    private static partial Regex HomeUrl();
}
