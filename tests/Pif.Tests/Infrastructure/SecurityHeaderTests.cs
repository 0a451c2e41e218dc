using System.Net;
using Pif.Testing;

namespace Pif.Tests.Infrastructure;

public sealed class SecurityHeaderTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/no-such-page")]
    [InlineData("/health/live")]
    public async Task Get_AnyResponse_HasAStrictContentSecurityPolicy(string path)
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Get_OverHttpsOutsideDevelopment_SendsHsts()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://pif.example") });

        var response = await client.GetAsync("/sign-in", TestContext.Current.CancellationToken);

        Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OverHttpOutsideDevelopment_RedirectsToHttps()
    {
        await using var withHttps = new PifWebFactory().With("https_port", "443");
        var client = withHttps.CreateClient(new() { BaseAddress = new Uri("http://pif.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/privacy", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://pif.example/privacy", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Get_InDevelopment_SendsNoHstsAndDoesNotRedirect()
    {
        await using var development = new PifWebFactory { EnvironmentName = "Development" }.With("https_port", "443");
        var client = development.CreateClient(new() { BaseAddress = new Uri("https://pif.example"), AllowAutoRedirect = false });
        var plain = development.CreateClient(new() { BaseAddress = new Uri("http://pif.example"), AllowAutoRedirect = false });

        var secure = await client.GetAsync("/sign-in", TestContext.Current.CancellationToken);
        var insecure = await plain.GetAsync("/sign-in", TestContext.Current.CancellationToken);

        Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, insecure.StatusCode);
    }
}
