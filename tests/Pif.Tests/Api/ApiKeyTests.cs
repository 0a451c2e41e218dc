using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Api;

public sealed class ApiKeyTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Theory]
    [InlineData(null)]
    [InlineData("pif_not-a-real-key-at-all-0000000000000000000")]
    public async Task Get_Me_WithoutAValidKeyOrCookie_Answers401ProblemDetails(string? key)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.SendAsync(Request(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Get_Me_WithTheSignInCookie_SaysWhoYouAre()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("inspector@pif.example");

        var me = await JsonAsync(await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken));

        Assert.Equal("inspector@pif.example", me.GetProperty("email").GetString());
        Assert.Equal("cookie", me.GetProperty("authenticatedBy").GetString());
        Assert.Equal(["Fife", "Glasgow City"], me.GetProperty("linkInspectorFor").EnumerateArray().Select(c => c.GetProperty("council").GetString()));
    }

    [Fact]
    public async Task Delete_WithTheSignInCookieOnly_Answers401()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("lead.fife@pif.example");
        var key = await CreateKeyAsync(client, "read-write");
        var id = await KeyIdAsync(key);

        var response = await client.DeleteAsync($"/api/v1/api-keys/{id}", TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Key_ActsAsItsCreatorInOneOrganisation_AndRevokingItStopsIt()
    {
        var owner = factory.CreateClient();
        await owner.SignInAsync("admin.glasgow@pif.example");
        var key = await CreateKeyAsync(owner, "read-write");
        var api = factory.CreateClient();

        var me = await JsonAsync(await api.SendAsync(Request(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken));
        var revoked = await api.SendAsync(Request(HttpMethod.Delete, $"/api/v1/api-keys/{await KeyIdAsync(key)}", key), TestContext.Current.CancellationToken);
        var after = await api.SendAsync(Request(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken);

        Assert.Equal("api-key", me.GetProperty("authenticatedBy").GetString());
        Assert.False(me.GetProperty("readOnly").GetBoolean());
        Assert.Equal(["Glasgow City"], me.GetProperty("memberships").EnumerateArray().Select(m => m.GetProperty("organisation").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await AssertProblemAsync(after, HttpStatusCode.Unauthorized);
        var audit = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == "api-key" && a.ActorName == "admin.glasgow@pif.example").Select(a => a.Action).ToListAsync());
        Assert.Contains("api-key.created", audit);
        Assert.Contains("api-key.revoked", audit);
    }

    [Fact]
    public async Task Key_ReadOnly_CanReadButNotWrite()
    {
        var owner = factory.CreateClient();
        await owner.SignInAsync("viewer.glasgow@pif.example");
        var key = await CreateKeyAsync(owner, "read");
        var api = factory.CreateClient();

        var read = await api.SendAsync(Request(HttpMethod.Get, "/api/v1/api-keys", key), TestContext.Current.CancellationToken);
        var write = await api.SendAsync(Request(HttpMethod.Delete, $"/api/v1/api-keys/{await KeyIdAsync(key)}", key), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await AssertProblemAsync(write, HttpStatusCode.Forbidden);
        Assert.Null(await factory.QueryAsync(db => db.ApiKeys.Where(k => k.Prefix == key.Substring(0, 12)).Select(k => k.RevokedAt).SingleAsync()));
    }

    [Fact]
    public async Task Key_AfterItExpires_Answers401()
    {
        var owner = factory.CreateClient();
        await owner.SignInAsync("contributor1.glasgow@pif.example");
        var key = await CreateKeyAsync(owner, "read");
        var id = await KeyIdAsync(key);
        await factory.QueryAsync(db => db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var response = await factory.CreateClient().SendAsync(Request(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Key_WhenItsCreatorLosesTheirRole_Answers401()
    {
        var owner = factory.CreateClient();
        await owner.SignInAsync("contributor2.glasgow@pif.example");
        var key = await CreateKeyAsync(owner, "read");
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");
        var user = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "contributor2.glasgow@pif.example").Select(u => u.Id).SingleAsync());
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());

        var before = await factory.CreateClient().SendAsync(Request(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken);
        await admin.PostFormAsync($"/users/{user}?handler=Roles", ("organisationId", glasgow.ToString()));
        var after = await factory.CreateClient().SendAsync(Request(HttpMethod.Get, "/api/v1/me", key), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await AssertProblemAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Page_NewKey_IsShownOnceAndOnlyItsHashIsStored()
    {
        var owner = factory.CreateClient();
        await owner.SignInAsync("lead.glasgow@pif.example");

        var created = await owner.PostFormAsync("/account/api-keys?handler=Create", ("Input.Name", "Upload"), ("Input.Access", "read"), ("Input.Days", "30"));
        var key = (await Html.ParseAsync(created)).QuerySelector("#new-api-key").Text();
        var again = await Html.ParseAsync(await owner.GetAsync("/account/api-keys/created", TestContext.Current.CancellationToken));

        Assert.StartsWith("pif_", key, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("#new-api-key"));
        var stored = await factory.QueryAsync(db => db.ApiKeys.Where(k => k.Name == "Upload").Select(k => new { k.Hash, k.Prefix }).SingleAsync());
        Assert.Equal(Pif.Web.Modules.Organisations.ApiKeys.ApiKeysService.HashOf(key), stored.Hash);
        Assert.DoesNotContain(key, stored.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NewKey_WithBadInput_SaysWhatToFix()
    {
        var owner = factory.CreateClient();
        await owner.SignInAsync("lead.glasgow@pif.example");

        var page = await Html.ParseAsync(await owner.PostFormAsync("/account/api-keys?handler=Create", ("Input.Name", ""), ("Input.Days", "7")));

        Assert.Equal(
            ["Enter a name that says what the key is for", "Choose whether the key can only read, or read and write", "Choose how long the key lasts"],
            page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    internal static HttpRequestMessage Request(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return request;
    }

    private static async Task<string> CreateKeyAsync(HttpClient signedIn, string access)
    {
        var created = await signedIn.PostFormAsync("/account/api-keys?handler=Create", ("Input.Name", $"Test key {Guid.NewGuid():N}"), ("Input.Access", access), ("Input.Days", "30"));
        return (await Html.ParseAsync(created)).QuerySelector("#new-api-key").Text();
    }

    private Task<Guid> KeyIdAsync(string key)
    {
        var hash = Pif.Web.Modules.Organisations.ApiKeys.ApiKeysService.HashOf(key);
        return factory.QueryAsync(db => db.ApiKeys.Where(k => k.Hash == hash).Select(k => k.Id).SingleAsync());
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
    }
}

public sealed class ApiLimitTests
{
    [Fact]
    public async Task Api_PerKeyRateLimit_RefusesTheFourthRequestOfThree()
    {
        const string demoKey = "pif_demo-key-for-tests-0123456789abcdefghijkl";
        await using var factory = new PifWebFactory().With("Security:ApiRequestsPerMinute", "3").With("Demo:ApiKey", demoKey);
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SendAsync(ApiKeyTests.Request(HttpMethod.Get, "/api/v1/me", demoKey), TestContext.Current.CancellationToken)).StatusCode);
        }

        var other = await client.SendAsync(ApiKeyTests.Request(HttpMethod.Get, "/api/v1/me", demoKey + "x"), TestContext.Current.CancellationToken);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Api_ManyDifferentKeysFromOneAddress_AreLimitedToo()
    {
        await using var factory = new PifWebFactory().With("Security:ApiRequestsPerMinutePerAddress", "3");
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SendAsync(ApiKeyTests.Request(HttpMethod.Get, "/api/v1/me", $"pif_guess-{i}-0123456789abcdefghijklmnopqrst"), TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task DemoApiKey_ActsAsTheNationalAdministrator()
    {
        const string demoKey = "pif_demo-key-for-tests-0123456789abcdefghijkl";
        await using var factory = new PifWebFactory().With("Demo:ApiKey", demoKey);

        var response = await factory.CreateClient().SendAsync(ApiKeyTests.Request(HttpMethod.Get, "/api/v1/me", demoKey), TestContext.Current.CancellationToken);

        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("national.admin@pif.example", me.RootElement.GetProperty("email").GetString());
    }
}
