using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pif.Testing;

namespace Pif.BrowserTests;

/// <summary>
/// A new installation, as an operator brings it up: a fresh Production start on an empty database,
/// <c>create-admin</c>, then the first national administrator signs in with the one-time password,
/// chooses their own, and adds a council and its administrator.
/// </summary>
public sealed partial class FirstRunJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [Trait("Postgres", "Journey")]
    public async Task FreshProductionInstall_FirstAdministratorSignsInAndAddsACouncilAndItsAdministrator_AllAccessible(bool javaScript)
    {
        await using var database = TestDatabase.Create();
        var (code, output) = await PifCommand.RunAsync(database, "Production",
            ["create-admin", "--email", $"first.{javaScript}@inspectorate.example", "--name", "Isla First"], TestContext.Current.CancellationToken);
        Assert.True(code == 0, output);
        var oneTime = OneTimePassword().Match(output).Groups[1].Value;

        await using var factory = PifWebFactory.For(database).WithKeyCertificate();
        factory.EnvironmentName = "Production";
        factory.SeedDemoAccounts = false;
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = address, JavaScriptEnabled = javaScript, Locale = "en-GB", ReducedMotion = ReducedMotion.Reduce });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Pif");
        await page.GetByLabel("E-mail address").FillAsync($"first.{javaScript}@inspectorate.example");
        await page.GetByLabel("Password").FillAsync(oneTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/change-password$"));
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByLabel("Current password").FillAsync(oneTime);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("heather on the pentland hills");
        await page.GetByLabel("New password again").FillAsync("heather on the pentland hills");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Two-step verification");
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your password has been changed");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByRole(AriaRole.Link, new() { Name = "Skip for now and go to your home page" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "See the organisations in Pif" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an organisation" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Loch Lomond Council");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("S12999999");
        await page.Locator("label[for='Form_Kind']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToContainTextAsync("Loch Lomond Council");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GotoAsync("/users/add");
        await page.GetByLabel("Full name").FillAsync("Rhona Admin");
        await page.GetByLabel("Work e-mail address").FillAsync($"rhona.{javaScript}@lochlomond.example");
        await page.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Loch Lomond Council" });
        await page.Locator("label", new() { HasTextString = "Organisation administrator" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("User added");
        await Assertions.Expect(page.Locator("#one-time-password")).ToHaveTextAsync(new Regex("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$"));
        await page.AssertNoViolationsAsync(browser, javaScript);
    }

    [GeneratedRegex("([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})")]
    private static partial Regex OneTimePassword();
}
