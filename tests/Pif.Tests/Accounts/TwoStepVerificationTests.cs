using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Accounts;

public sealed class TwoStepVerificationTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task SetUpPage_Opened_KeepsTheSecurityStamp_SoOtherSessionsStaySignedIn()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("contributor2.fife@pif.example");
        var before = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "contributor2.fife@pif.example").Select(u => u.SecurityStamp).SingleAsync());

        var page = await client.GetAsync("/account/two-step-verification", TestContext.Current.CancellationToken);
        var again = await Html.ParseAsync(await client.GetAsync("/account/two-step-verification", TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.Where(u => u.Email == "contributor2.fife@pif.example").Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal((await Html.ParseAsync(page)).QuerySelector("#shared-key").Text(), again.QuerySelector("#shared-key").Text());
    }

    [Fact]
    public async Task Enable_WithTheAppsCode_TurnsItOnAndShowsTenRecoveryCodesOnce()
    {
        var (_, codes) = await EnableAsync("viewer.glasgow@pif.example");

        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True(await factory.QueryAsync(db => db.Users.Where(u => u.Email == "viewer.glasgow@pif.example").Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "two-factor.enabled" && a.ActorName == "viewer.glasgow@pif.example")));
    }

    [Fact]
    public async Task Enable_WithAWrongCode_SaysSoAndLeavesItOff()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("contributor2.glasgow@pif.example");

        var wrong = await Html.ParseAsync(await client.PostFormAsync("/account/two-step-verification?handler=Enable", ("Code", "000000")));
        var letters = await Html.ParseAsync(await client.PostFormAsync("/account/two-step-verification?handler=Enable", ("Code", "abcdef")));

        Assert.Equal("The code is wrong or has expired: enter the code your app shows now", wrong.QuerySelector("#Code-error").Text());
        Assert.Equal("Enter the code as 6 digits, like 123456", letters.QuerySelector("#Code-error").Text());
        Assert.False(await factory.QueryAsync(db => db.Users.Where(u => u.Email == "contributor2.glasgow@pif.example").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Fact]
    public async Task SignIn_WhenOn_AsksForTheCodeAfterThePassword()
    {
        var (key, _) = await EnableAsync("lead.glasgow@pif.example");
        var client = factory.CreateClient();

        var step = await client.PostFormAsync("/sign-in", ("Input.Email", "lead.glasgow@pif.example"), ("Input.Password", PifWebFactory.DemoPassword));
        var home = await client.PostFormAsync("/sign-in/two-step", ("Code", Totp.Code(key)));

        Assert.Equal("/sign-in/two-step", step.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("Your Pif home page", (await Html.ParseAsync(home)).QuerySelector("h1").Text());
    }

    [Fact]
    public async Task SignIn_WithARecoveryCode_WorksOnceOnly()
    {
        var (_, codes) = await EnableAsync("admin.glasgow@pif.example");

        var first = factory.CreateClient();
        await first.PostFormAsync("/sign-in", ("Input.Email", "admin.glasgow@pif.example"), ("Input.Password", PifWebFactory.DemoPassword));
        var used = await first.PostFormAsync("/sign-in/two-step", ("Code", codes[0]));
        var second = factory.CreateClient();
        await second.PostFormAsync("/sign-in", ("Input.Email", "admin.glasgow@pif.example"), ("Input.Password", PifWebFactory.DemoPassword));
        var reused = await Html.ParseAsync(await second.PostFormAsync("/sign-in/two-step", ("Code", codes[0])));

        Assert.Equal("/", used.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("The code is wrong or has expired: enter the code your app shows now", reused.QuerySelector("#Code-error").Text());
    }

    [Fact]
    public async Task TwoStep_WithoutAPasswordFirst_GoesBackToSignIn()
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync("/sign-in/two-step", TestContext.Current.CancellationToken);

        Assert.Equal("/sign-in", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task Disable_NeedsThePassword()
    {
        var (key, _) = await EnableAsync("contributor1.glasgow@pif.example");
        var client = factory.CreateClient();
        await client.PostFormAsync("/sign-in", ("Input.Email", "contributor1.glasgow@pif.example"), ("Input.Password", PifWebFactory.DemoPassword));
        await client.PostFormAsync("/sign-in/two-step", ("Code", Totp.Code(key)));

        var refused = await Html.ParseAsync(await client.PostFormAsync("/account/two-step-verification?handler=Disable", ("Password", "wrong")));
        var done = await Html.ParseAsync(await client.PostFormAsync("/account/two-step-verification?handler=Disable", ("Password", PifWebFactory.DemoPassword)));

        Assert.Equal("Enter your password correctly to turn off two-step verification", refused.QuerySelector("#Password-error").Text());
        Assert.Equal("Two-step verification is off", done.QuerySelector(".ds_notification-panel__title").Text());
        Assert.False(await factory.QueryAsync(db => db.Users.Where(u => u.Email == "contributor1.glasgow@pif.example").Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAsync(string email)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        var setup = await Html.ParseAsync(await client.GetAsync("/account/two-step-verification", TestContext.Current.CancellationToken));
        var key = setup.QuerySelector("#shared-key").Text();
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.pif-qr-code")?.GetAttribute("src"), StringComparison.Ordinal);

        var shown = await Html.ParseAsync(await client.PostFormAsync("/account/two-step-verification?handler=Enable", ("Code", Totp.Code(key))));
        var codes = shown.QuerySelectorAll("#recovery-codes code").Select(c => c.Text()).ToList();
        var again = await Html.ParseAsync(await client.GetAsync("/account/two-step-verification/recovery-codes", TestContext.Current.CancellationToken));
        Assert.Empty(again.QuerySelectorAll("#recovery-codes code"));
        return (key, codes);
    }
}
