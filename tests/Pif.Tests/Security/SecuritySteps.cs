using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Security;

/// <summary>Steps the security tests share: raw session cookies, API keys, and users by address.</summary>
internal static partial class SecuritySteps
{
    /// <summary>Signs in without a cookie jar and returns the session cookie as a Cookie header value, as an attacker who copied it would hold it.</summary>
    public static async Task<string> SessionCookieAsync(PifWebFactory factory, string email)
    {
        var client = factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await client.GetAsync("/sign-in", TestContext.Current.CancellationToken);
        var token = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", email), new("Input.Password", PifWebFactory.DemoPassword), new("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", CookiesOf(form));
        var signedIn = await client.SendAsync(post, TestContext.Current.CancellationToken);
        var session = CookiesOf(signedIn).Split("; ").Where(c => c.StartsWith("pif-session", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(session);
        return string.Join("; ", session);
    }

    /// <summary>The name=value pairs a response sets, as a Cookie header value.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    /// <summary>A request carrying the given cookies and no others.</summary>
    public static HttpRequestMessage WithCookie(HttpMethod method, string path, string cookie)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    public static HttpClient RawClient(PifWebFactory factory) =>
        factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    /// <summary>Makes an API key on the account page as the signed-in user; returns the secret.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient signedIn, string access = "read-write")
    {
        var created = await signedIn.PostFormAsync("/account/api-keys?handler=Create", ("Input.Name", $"Key {Guid.NewGuid():N}"), ("Input.Access", access), ("Input.Days", "30"));
        var key = (await Html.ParseAsync(created)).QuerySelector("#new-api-key").Text();
        Assert.StartsWith("pif_", key, StringComparison.Ordinal);
        return key;
    }

    public static HttpRequestMessage WithKey(HttpMethod method, string path, string key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    public static Task<Guid> UserIdAsync(PifWebFactory factory, string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<Guid> OrganisationIdAsync(PifWebFactory factory, string name) =>
        factory.QueryAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    /// <summary>Follows redirects and says where the client ended up.</summary>
    public static async Task<string> LandsOnAsync(HttpClient client, string path) =>
        (await client.GetAsync(path, TestContext.Current.CancellationToken)).RequestMessage!.RequestUri!.AbsolutePath;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
