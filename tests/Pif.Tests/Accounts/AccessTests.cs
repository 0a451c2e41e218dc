using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;

namespace Pif.Tests.Accounts;

/// <summary>
/// Every endpoint the app maps must appear in <see cref="Table"/>, with who may use it, so a new
/// page cannot skip the access rules. Static files are checked separately: all public.
/// </summary>
public sealed class AccessTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    public enum Access
    {
        Anonymous,
        SignedIn,
        Api,
    }

    // Route pattern → (an address that matches it, who may use it). API rows are tried with the
    // method they answer; pages with GET.
    private static readonly Dictionary<string, (string Path, Access Access)> Table = new(StringComparer.Ordinal)
    {
        [""] = ("/", Access.SignedIn),
        ["organisations"] = ("/organisations", Access.SignedIn),
        ["organisations/add"] = ("/organisations/add", Access.SignedIn),
        ["organisations/{id:guid}"] = ($"/organisations/{Guid.Empty}", Access.SignedIn),
        ["sign-out"] = ("/sign-out", Access.SignedIn),
        ["account/change-password"] = ("/account/change-password", Access.SignedIn),
        ["users"] = ("/users", Access.SignedIn),
        ["audit"] = ("/audit", Access.SignedIn),
        ["assignments"] = ("/assignments", Access.SignedIn),
        ["account/api-keys"] = ("/account/api-keys", Access.SignedIn),
        ["account/api-keys/created"] = ("/account/api-keys/created", Access.SignedIn),
        ["/api/v1/me"] = ("/api/v1/me", Access.Api),
        ["/api/v1/api-keys"] = ("/api/v1/api-keys", Access.Api),
        ["/api/v1/api-keys/{id:guid}"] = ($"DELETE /api/v1/api-keys/{Guid.Empty}", Access.Api),
        ["users/add"] = ("/users/add", Access.SignedIn),
        ["users/{id:guid}"] = ($"/users/{Guid.Empty}", Access.SignedIn),
        ["users/{id:guid}/added"] = ($"/users/{Guid.Empty}/added", Access.SignedIn),
        ["sign-in"] = ("/sign-in", Access.Anonymous),
        ["sign-in/two-step"] = ("/sign-in/two-step", Access.Anonymous),
        ["account/two-step-verification"] = ("/account/two-step-verification", Access.SignedIn),
        ["account/two-step-verification/recovery-codes"] = ("/account/two-step-verification/recovery-codes", Access.SignedIn),
        ["accessibility"] = ("/accessibility", Access.Anonymous),
        ["privacy"] = ("/privacy", Access.Anonymous),
        ["error/{statusCode:int}"] = ("/error/404", Access.Anonymous),
        ["/health/live"] = ("/health/live", Access.Anonymous),
        ["/health/ready"] = ("/health/ready", Access.Anonymous),
    };

    public static TheoryData<string> Patterns => new(Table.Keys);

    [Fact]
    public void Endpoints_EveryOneIsInTheAccessTable()
    {
        var missing = AppEndpoints().Where(e => !IsStaticFile(e)).Select(e => e.RoutePattern.RawText ?? "").Where(p => !Table.ContainsKey(p)).Distinct().ToList();
        var stale = Table.Keys.Where(k => !AppEndpoints().Any(e => e.RoutePattern.RawText == k)).ToList();

        Assert.True(missing.Count == 0, "Add these endpoints to the access table: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "These access-table rows match no endpoint: " + string.Join(", ", stale));
    }

    [Fact]
    public void Endpoints_StaticFilesArePublic()
    {
        // The catch-all for files added while running exists only in development builds, and a
        // file it serves follows the fallback policy (sign in first): safe either way.
        var files = AppEndpoints().Where(IsStaticFile).Where(e => e.RoutePattern.RawText != "{**path:file}").ToList();

        Assert.NotEmpty(files);
        Assert.All(files, e => Assert.NotNull(e.Metadata.GetMetadata<IAllowAnonymous>()));
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public async Task Request_SignedOut_GoesToSignInOrGets401UnlessPublic(string pattern)
    {
        var (address, access) = Table[pattern];
        var (method, path) = address.Split(' ') is [var m, var p] ? (new HttpMethod(m), p) : (HttpMethod.Get, address);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.SendAsync(new HttpRequestMessage(method, path), TestContext.Current.CancellationToken);

        if (access == Access.Api)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else if (access == Access.Anonymous)
        {
            // A public page may redirect for its own reasons, but never to the sign-in challenge.
            Assert.DoesNotContain("ReturnUrl=", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/sign-in", response.Headers.Location?.AbsolutePath);
        }
    }

    private IEnumerable<RouteEndpoint> AppEndpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    // MapStaticAssets maps each file, plus (where files may change while running) one catch-all.
    private static bool IsStaticFile(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor") || endpoint.RoutePattern.RawText == "{**path:file}";
}
