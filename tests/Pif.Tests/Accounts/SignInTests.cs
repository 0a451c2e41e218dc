using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Accounts;

public sealed class SignInTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Get_HomeWhenSignedOut_RedirectsToSignIn()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/organisations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Forganisations", response.Headers.Location?.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_CorrectPassword_SignsInAndShowsWhoYouActFor()
    {
        var client = factory.CreateClient();

        await client.SignInAsync("admin.glasgow@pif.example");
        var page = await Html.ParseAsync(await client.GetAsync("/", TestContext.Current.CancellationToken));

        Assert.Contains("admin.glasgow@pif.example", page.QuerySelector(".ds_lead").Text(), StringComparison.Ordinal);
        var roles = page.QuerySelectorAll(".ds_summary-list__item").Select(i => i.Text()).ToList();
        Assert.Equal(["Glasgow City Organisation administrator"], roles);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sign-in.succeeded" && a.ActorName == "admin.glasgow@pif.example")));
    }

    [Fact]
    public async Task Post_SignIn_ReturnsToThePageAskedFor()
    {
        var client = factory.CreateClient();
        var token = await client.GetFormTokenAsync("/sign-in?ReturnUrl=%2Forganisations");

        var response = await client.PostAsync("/sign-in?ReturnUrl=%2Forganisations", new FormUrlEncodedContent(
        [
            new("Input.Email", "viewer.glasgow@pif.example"), new("Input.Password", PifWebFactory.DemoPassword),
            new("ReturnUrl", "/organisations"), new("__RequestVerificationToken", token),
        ]), TestContext.Current.CancellationToken);

        Assert.Equal("/organisations", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task Post_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        var client = factory.CreateClient();
        var token = await client.GetFormTokenAsync("/sign-in");

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
        [
            new("Input.Email", "viewer.glasgow@pif.example"), new("Input.Password", PifWebFactory.DemoPassword),
            new("ReturnUrl", "https://evil.example/"), new("__RequestVerificationToken", token),
        ]), TestContext.Current.CancellationToken);

        Assert.Equal("localhost", response.RequestMessage?.RequestUri?.Host);
        Assert.Equal("/", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task Post_Empty_SaysWhatToEnterNextToEachField()
    {
        var client = factory.CreateClient();

        var response = await client.PostFormAsync("/sign-in", ("Input.Email", ""), ("Input.Password", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelectorAll(".ds_error-summary a").Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        Assert.Equal([("#Input_Email", "Enter your e-mail address"), ("#Input_Password", "Enter your password")], summary);
        Assert.Equal("Enter your e-mail address", page.QuerySelector("#Input_Email-error").Text());
        Assert.Equal("Input_Email-error", page.QuerySelector("#Input_Email")?.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector(".ds_question--error #Input_Password"));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer.fife@pif.example", "not-the-password")]
    [InlineData("nobody@pif.example", PifWebFactory.DemoPassword)]
    public async Task Post_WrongPasswordOrUnknownUser_SaysTheSameAndRecordsIt(string email, string password)
    {
        var client = factory.CreateClient();

        var response = await client.PostFormAsync("/sign-in", ("Input.Email", email), ("Input.Password", password));

        var page = await Html.ParseAsync(response);
        Assert.Equal("Enter a correct e-mail address and password", page.QuerySelector("#Input_Email-error").Text());
        Assert.Equal(email, page.QuerySelector("#Input_Email")?.GetAttribute("value"));
        Assert.DoesNotContain(page.QuerySelectorAll("#Input_Password[value]"), i => i.GetAttribute("value")!.Length > 0);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sign-in.failed" && a.ActorName == email)));
    }

    [Fact]
    public async Task Post_SignInWithATrailingSlash_IsStillRateLimited()
    {
        await using var limited = new PifWebFactory().With("Security:SignInAttemptsPerMinute", "1");
        var client = limited.CreateClient();
        var token = await client.GetFormTokenAsync("/sign-in");
        FormUrlEncodedContent Form() => new([new("Input.Email", "x@pif.example"), new("Input.Password", "not a password"), new("__RequestVerificationToken", token)]);

        var first = await client.PostAsync("/sign-in", Form(), TestContext.Current.CancellationToken);
        var slash = await client.PostAsync("/sign-in/", Form(), TestContext.Current.CancellationToken);
        var twoStep = await client.PostAsync("/sign-in/two-step", Form(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, slash.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, twoStep.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
            [new("Input.Email", "viewer.fife@pif.example"), new("Input.Password", PifWebFactory.DemoPassword)]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithForgedAntiforgeryToken_IsRefused()
    {
        var client = factory.CreateClient();
        await client.GetFormTokenAsync("/sign-in");

        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
        [
            new("Input.Email", "viewer.fife@pif.example"), new("Input.Password", PifWebFactory.DemoPassword),
            new("__RequestVerificationToken", "CfDJ8forged-token-value"),
        ]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEqual("/", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task Post_SignOut_EndsTheSessionAndSaysSo()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("contributor2.fife@pif.example");

        var signedOut = await client.PostFormAsync("/sign-out");
        var after = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal("You have signed out", (await Html.ParseAsync(signedOut)).QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal("/sign-in", after.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sign-out" && a.ActorName == "contributor2.fife@pif.example")));
    }
}
