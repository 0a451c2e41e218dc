using System.Net;
using System.Text;
using System.Text.Json;
using Pif.Testing;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 8: the API never redirects; unmatched routes, wrong methods, content types and JSON answer with ProblemDetails.</summary>
public sealed class ApiErrorTests : IAsyncLifetime
{
    private const string Key = "pif_api-error-tests-0123456789abcdefghijklmnop";
    private readonly PifWebFactory _factory = new PifWebFactory().With("Demo:ApiKey", Key);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/v1/self-evaluations/not-a-guid", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/nope", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/api/v1/me", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/api/v1/evidence", HttpStatusCode.MethodNotAllowed)]
    public async Task Request_WithAValidKey_ThatMatchesNothing_AnswersProblemDetails(string method, string path, HttpStatusCode status)
    {
        var response = await RawClient(_factory).SendAsync(WithKey(new HttpMethod(method), path, Key), TestContext.Current.CancellationToken);

        Assert.Null(response.Headers.Location);
        await Api.ApiKeyTests.AssertProblemAsync(response, status);
    }

    [Fact]
    public async Task Head_OnAGetAddress_AnswersAsGetWould_WithoutRedirect()
    {
        var response = await RawClient(_factory).SendAsync(WithKey(HttpMethod.Head, "/api/v1/me", Key), TestContext.Current.CancellationToken);

        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Request_WithoutAKey_ThatMatchesNothing_Answers401()
    {
        var response = await RawClient(_factory).GetAsync("/api/v1/nope", TestContext.Current.CancellationToken);

        Assert.Null(response.Headers.Location);
        await Api.ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_WithTheWrongContentType_Answers415()
    {
        var response = await RawClient(_factory).SendAsync(
            WithKey(HttpMethod.Post, "/api/v1/evidence", Key, new StringContent("title=Survey", Encoding.UTF8, "text/plain")), TestContext.Current.CancellationToken);

        Assert.Null(response.Headers.Location);
        await Api.ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Post_WithMalformedJson_Answers400SayingWhere(string environment)
    {
        await using var factory = new PifWebFactory { EnvironmentName = environment, SeedDemoAccounts = environment != "Development" }.With("Demo:ApiKey", Key).WithKeyCertificate();
        var response = await RawClient(factory).SendAsync(
            WithKey(HttpMethod.Post, "/api/v1/evidence", Key, new StringContent("{\n  \"title\": \"Survey\",\n  \"kind\": }", Encoding.UTF8, "application/json")), TestContext.Current.CancellationToken);

        await Api.ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("line 3", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
