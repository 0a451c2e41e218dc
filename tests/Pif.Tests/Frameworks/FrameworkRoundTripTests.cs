using System.Net;
using System.Text;
using Pif.Testing;

namespace Pif.Tests.Frameworks;

public sealed class FrameworkRoundTripTests
{
    [Fact]
    public async Task Export_ImportedIntoADatabaseWithoutThatCode_ExportsTheSameBytesExceptTheVersion()
    {
        await using var first = new PifWebFactory();
        var firstApi = await FrameworkClients.ApiClientAsync(first);
        var admin = await FrameworkClients.SignedInAsync(first);
        Assert.Equal(HttpStatusCode.Created, (await FrameworkClients.ImportAsync(firstApi, Fixtures.Read(Fixtures.School))).StatusCode);
        await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft?handler=Publish");
        await admin.PostFormAsync("/frameworks/SCHOOL-QI?handler=StartDraft");
        var exported = await firstApi.GetStringAsync("/api/v1/frameworks/SCHOOL-QI/versions/2", TestContext.Current.CancellationToken);

        await using var second = new PifWebFactory();
        var secondApi = await FrameworkClients.ApiClientAsync(second);
        var imported = await FrameworkClients.ImportAsync(secondApi, Encoding.UTF8.GetBytes(exported));
        var again = await secondApi.GetStringAsync("/api/v1/frameworks/SCHOOL-QI/versions/1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var before = exported.Split('\n');
        var after = again.Split('\n');
        Assert.Equal(before.Length, after.Length);
        var differences = before.Zip(after).Where(pair => pair.First != pair.Second).ToList();
        Assert.Equal([("  \"version\": 2,", "  \"version\": 1,")], differences);
    }

    [Fact]
    public async Task Export_DefaultFramework_HasEveryPartOfTheFormat()
    {
        await using var factory = new PifWebFactory();
        var client = await FrameworkClients.SignedInAsync(factory, "viewer.glasgow@pif.example");

        var response = await client.GetAsync("/api/v1/frameworks/PIF-COMMISSIONING/versions/1?download=true", TestContext.Current.CancellationToken);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("PIF-COMMISSIONING-version-1.json", response.Content.Headers.ContentDisposition?.FileName);
        foreach (var name in new[] { "code", "version", "title", "description", "publisher", "kind", "scale", "levels", "groupLabels", "groups", "qualityIndicators", "summary", "isOverallJudgement", "themes", "illustrations", "challengeQuestions", "suggestedEvidence", "family", "mappings", "fromQi", "toFramework", "toQi", "relation" })
        {
            Assert.Contains($"\"{name}\":", json, StringComparison.Ordinal);
        }

        Assert.Contains("\"relation\": \"partOf\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\"", json, StringComparison.Ordinal);
    }
}
