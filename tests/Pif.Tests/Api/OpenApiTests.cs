using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Pif.Testing;

namespace Pif.Tests.Api;

/// <summary>/openapi/v1.json describes every /api/v1 endpoint, and is a valid OpenAPI 3 document.</summary>
public sealed partial class OpenApiTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Document_SignedOut_IsAValidOpenApi3Document()
    {
        var (document, diagnostic) = await LoadAsync();

        Assert.Empty(diagnostic.Errors);
        Assert.StartsWith("3.", diagnostic.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'), StringComparison.Ordinal);
        Assert.Equal("Pif API", document.Info.Title);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public async Task Document_ListsEveryMappedApiEndpoint()
    {
        var (document, _) = await LoadAsync();
        var documented = document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => $"{o.Key.Method.ToUpperInvariant()} {p.Key}")).ToHashSet(StringComparer.Ordinal);

        var mapped = ApiEndpoints().ToList();

        Assert.True(mapped.Count >= 13, "The API maps at least the 13 endpoints of the first modules.");
        var missing = mapped.Where(e => !documented.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "Describe these endpoints in the OpenAPI document: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Document_EveryOperationNeedsTheBearerKeyAndSaysWhatItAnswers()
    {
        var (document, _) = await LoadAsync();

        var scheme = Assert.Contains("bearer", document.Components!.SecuritySchemes!);
        Assert.Equal(SecuritySchemeType.Http, scheme.Type);
        Assert.Equal("bearer", scheme.Scheme);
        Assert.Contains(document.Security!, r => r.Keys.Any(k => k.Reference.Id == "bearer"));
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var name = $"{method} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{name} has no summary");
                Assert.Contains("401", operation.Responses!.Keys);
                var success = operation.Responses.Where(r => r.Key.StartsWith('2')).ToList();
                Assert.True(success.Count > 0, $"{name} says nothing of success");
                Assert.True(success.All(r => r.Key == "204" || r.Value.Content?.Count > 0), $"{name} gives no content type for success");
            }
        }
    }

    [Fact]
    public async Task Document_DescribesTheEvidenceRequestAndResponseSchemas()
    {
        var (document, _) = await LoadAsync();

        var add = document.Paths["/api/v1/evidence"].Operations![HttpMethod.Post];
        var request = add.RequestBody!.Content!["application/json"].Schema!;
        Assert.Contains("title", request.Properties!.Keys);
        Assert.Contains("kind", request.Properties.Keys);
        var created = add.Responses!["201"].Content!["application/json"].Schema!;
        Assert.Contains("files", created.Properties!.Keys);
        Assert.Contains("400", add.Responses.Keys);
        Assert.Equal("application/problem+json", Assert.Single(add.Responses["400"].Content!.Keys));
    }

    [Fact]
    public async Task ReferencePage_SignedOut_ShowsEveryOperationAndSchema()
    {
        var (document, _) = await LoadAsync();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/api-reference", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.All(ApiEndpoints().Where(e => !e.StartsWith("HEAD ", StringComparison.Ordinal)), e => Assert.Contains($"<code>{e}</code>", html, StringComparison.Ordinal));
        Assert.All(document.Components!.Schemas!.Keys, name => Assert.Contains($"id=\"schema-{name}\"", html, StringComparison.Ordinal));
    }

    private async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> LoadAsync()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        var result = await OpenApiDocument.LoadAsync(stream, "json", cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(result.Document);
        return (result.Document, result.Diagnostic!);
    }

    /// <summary>"METHOD /path" for every method of every endpoint mapped under /api/v1, in OpenAPI's path form.</summary>
    private IEnumerable<string> ApiEndpoints() =>
        factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => $"{m} {Constraint().Replace(e.RoutePattern.RawText!, "{$1}")}"))
            .Distinct();

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Constraint();
}
