using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 1: signing out ends the session at once, and a person can sign out of every device.</summary>
public sealed partial class SessionTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task SignOut_TheCopiedCookie_IsUselessAtOnce()
    {
        var cookie = await SessionCookieAsync(factory, "viewer.fife@pif.example");
        var client = RawClient(factory);
        var home = await client.SendAsync(WithCookie(HttpMethod.Get, "/", cookie), TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(Token().Match(await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value);
        var before = await client.SendAsync(WithCookie(HttpMethod.Get, "/api/v1/me", cookie), TestContext.Current.CancellationToken);

        var signOut = WithCookie(HttpMethod.Post, "/sign-out", cookie + "; " + CookiesOf(home));
        signOut.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var signedOut = await client.SendAsync(signOut, TestContext.Current.CancellationToken);
        var api = await client.SendAsync(WithCookie(HttpMethod.Get, "/api/v1/me", cookie), TestContext.Current.CancellationToken);
        var page = await client.SendAsync(WithCookie(HttpMethod.Get, "/self-evaluations", cookie), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("/sign-in", signedOut.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/sign-in", page.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionOfThePerson()
    {
        var here = factory.CreateClient();
        await here.SignInAsync("contributor2.fife@pif.example");
        var elsewhere = factory.CreateClient();
        await elsewhere.SignInAsync("contributor2.fife@pif.example");
        var other = factory.CreateClient();
        await other.SignInAsync("contributor1.fife@pif.example");

        var account = await Html.ParseAsync(await here.GetAsync("/account", TestContext.Current.CancellationToken));
        var done = await here.PostFormAsync("/account?handler=SignOutEverywhere");

        Assert.Equal("Sign out of every device", account.QuerySelector("form[action*='SignOutEverywhere'] button").Text());
        Assert.Equal("/sign-in", done.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/sign-in", await LandsOnAsync(here, "/self-evaluations"));
        Assert.Equal("/sign-in", await LandsOnAsync(elsewhere, "/self-evaluations"));
        Assert.Equal("/self-evaluations", await LandsOnAsync(other, "/self-evaluations"));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sign-out.everywhere" && a.ActorName == "contributor2.fife@pif.example")));
    }

    [Fact]
    public async Task Account_ShowsWhoYouAreAndWhereToChangeIt()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("lead.fife@pif.example");

        var page = await Html.ParseAsync(await client.GetAsync("/account", TestContext.Current.CancellationToken));

        Assert.Equal("Your account", page.QuerySelector("h1").Text());
        Assert.Contains("lead.fife@pif.example", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/account/change-password']"));
        Assert.NotNull(page.QuerySelector("a[href='/account/two-step-verification']"));
        Assert.NotNull(page.QuerySelector("a[href='/account/api-keys']"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
