using System.Net;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 11: every cookie is Secure outside Development, one-time secrets never travel in a cookie, and nothing signed-in is cached.</summary>
public sealed class CookieAndCacheTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Cookies_OutsideDevelopment_AreAllSecure()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var signInPage = await client.GetAsync("/sign-in", TestContext.Current.CancellationToken);
        var signedIn = await client.PostFormAsync("/sign-in", ("Input.Email", "lead.glasgow@pif.example"), ("Input.Password", PifWebFactory.DemoPassword));
        var cookies = new List<string>(signInPage.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")));

        var form = await client.GetAsync("/evidence/add", TestContext.Current.CancellationToken);
        cookies.AddRange(form.Headers.TryGetValues("Set-Cookie", out var a) ? a : []);
        var added = await Evidence.EvidenceSteps.AddAsync(client, "Secure cookies");
        cookies.AddRange(added.Headers.TryGetValues("Set-Cookie", out var b) ? b : []);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(cookies, c => c.StartsWith("pif-session", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OneTimePassword_IsHeldOnTheServer_ForTheAdministratorWhoSetItOnly_AndShownOnce()
    {
        var admin = RawClient(factory);
        var cookie = await SessionCookieAsync(factory, "admin.fife@pif.example");
        var add = await admin.SendAsync(WithCookie(HttpMethod.Get, "/users/add", cookie), TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(await add.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = WithCookie(HttpMethod.Post, "/users/add", cookie + "; " + CookiesOf(add));
        post.Content = new FormUrlEncodedContent([new("Input.DisplayName", "Held Secret"), new("Input.Email", "held.secret@fife.example"), new("Input.Roles", "Viewer"), new("__RequestVerificationToken", WebUtility.HtmlDecode(token))]);
        var posted = await admin.SendAsync(post, TestContext.Current.CancellationToken);
        var added = posted.Headers.Location!.OriginalString;

        // Only the session cookie goes with the next request: whatever the post set in cookies stays behind.
        var other = factory.CreateClient();
        await other.SignInAsync("national.admin@pif.example");
        var seenByOther = await Html.ParseAsync(await other.GetAsync(added, TestContext.Current.CancellationToken));
        var page = await Html.ParseAsync(await admin.SendAsync(WithCookie(HttpMethod.Get, added, cookie), TestContext.Current.CancellationToken));
        var again = await Html.ParseAsync(await admin.SendAsync(WithCookie(HttpMethod.Get, added, cookie), TestContext.Current.CancellationToken));

        Assert.Null(seenByOther.QuerySelector("#one-time-password"));
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", page.QuerySelector("#one-time-password").Text());
        Assert.Contains("held.secret@fife.example", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("#one-time-password"));
    }

    [Fact]
    public async Task SignedInResponses_AreNeverStored_ButStaticFilesAre()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Cache test");
        await SubmitAsync(factory, lead, id, ("2.1", 4));
        var inspector = await AsAsync(factory, "inspector@pif.example");

        var responses = new[]
        {
            await lead.GetAsync("/", TestContext.Current.CancellationToken),
            await lead.GetAsync("/api/v1/me", TestContext.Current.CancellationToken),
            await lead.GetAsync("/api/v1/self-evaluations", TestContext.Current.CancellationToken),
            await inspector.GetAsync($"/self-evaluations/{id}/profile?handler=Chart", TestContext.Current.CancellationToken),
        };
        var css = await lead.GetAsync("/css/site.css", TestContext.Current.CancellationToken);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(responses, r => Assert.True(r.Headers.CacheControl?.NoStore, $"{r.RequestMessage!.RequestUri} has Cache-Control: {r.Headers.CacheControl}"));
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }
}
