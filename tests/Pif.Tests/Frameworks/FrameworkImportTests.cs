using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Frameworks;

/// <summary>Importing frameworks: the two fixtures arrive as drafts; every bad file is refused with its path, and nothing is saved.</summary>
public sealed class FrameworkImportTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    // Each bad file, and the JSON path and words its problem must name.
    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "not-json", "$", "not valid JSON" },
        { "empty-title", "$.title", "Enter the framework's title" },
        { "duplicate-qi-code", "$.groups[0].qualityIndicators[1].code", "The QI code 1.1 is used twice" },
        { "illustration-level", "$.groups[0].qualityIndicators[0].illustrations[0].level", "The scale has no level 7" },
        { "scale-labels", "$.scale.levels[3].label", "labelled \"Satisfactory\", not \"Fair\"" },
        { "empty-scale", "$.scale.levels", "The scale has no levels" },
        { "no-qis", "$.groups", "no quality indicators" },
        { "text-too-long", "$.groups[1].qualityIndicators[0].summary", "shorten it to 2,000 or fewer" },
        { "unknown-mapping-framework", "$.mappings[0].toFramework", "Pif has no framework NOPE" },
        { "unknown-mapping-qi", "$.mappings[0].toQi", "PIF has no QI 99.9" },
        { "unknown-relation", "$.mappings[0].relation", "\"sameAs\" is not a relation Pif knows" },
        { "two-overall", "$.groups[0].qualityIndicators[1].isOverallJudgement", "Only one QI can be the overall judgement" },
        { "missing-title", "$.title", "Enter the framework's title" },
        { "unknown-property", "$.status", "Pif does not know the property \"status\"" },
    };

    internal static byte[] Bad(string name) => name switch
    {
        "not-json" => Encoding.UTF8.GetBytes("{ \"code\": \"SCHOOL-QI\", "),
        "empty-title" => Fixtures.SchoolWith(j => j["title"] = "  "),
        "missing-title" => Fixtures.SchoolWith(j => j.Remove("title")),
        "duplicate-qi-code" => Fixtures.SchoolWith(j => Qi(j, 0, 1)["code"] = "1.1"),
        "illustration-level" => Fixtures.SchoolWith(j => Qi(j, 0, 0)["illustrations"]![0]!["level"] = 7),
        "scale-labels" => Fixtures.SchoolWith(j => j["scale"]!["levels"]![3]!["label"] = "Fair"),
        "empty-scale" => Fixtures.SchoolWith(j => j["scale"]!["levels"] = new JsonArray()),
        "no-qis" => Fixtures.SchoolWith(j => j["groups"] = new JsonArray()),
        "text-too-long" => Fixtures.SchoolWith(j => Qi(j, 1, 0)["summary"] = new string('a', 2001)),
        "unknown-mapping-framework" => Fixtures.SchoolWith(j => j["mappings"]![0]!["toFramework"] = "NOPE"),
        "unknown-mapping-qi" => Fixtures.SchoolWith(j => j["mappings"]![0]!["toQi"] = "99.9"),
        "unknown-relation" => Fixtures.SchoolWith(j => j["mappings"]![0]!["relation"] = "sameAs"),
        "two-overall" => Fixtures.SchoolWith(j => { Qi(j, 0, 0)["isOverallJudgement"] = true; Qi(j, 0, 1)["isOverallJudgement"] = true; }),
        "unknown-property" => Fixtures.SchoolWith(j => j["status"] = "Published"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static JsonObject Qi(JsonObject framework, int group, int qi) => framework["groups"]![group]!["qualityIndicators"]![qi]!.AsObject();

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Api_BadFile_Returns400WithPathAndSavesNothing(string file, string path, string words)
    {
        var api = await FrameworkClients.ApiClientAsync(factory);
        var before = await CountsAsync();

        var response = await FrameworkClients.ImportAsync(api, Bad(file));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = await FrameworkClients.ProblemsAsync(response);
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(words, StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Page_BadFile_ListsTheProblemWithItsPathAndSavesNothing(string file, string path, string words)
    {
        var page = await FrameworkClients.SignedInAsync(factory);
        var before = await CountsAsync();

        var preview = await Html.ParseAsync(await FrameworkClients.PreviewAsync(page, Bad(file)));

        var rows = preview.QuerySelectorAll("table tbody tr").Select(r => (Path: r.QuerySelector("code").Text(), Message: r.QuerySelectorAll("td")[1].Text())).ToList();
        Assert.Contains(rows, r => r.Path == path && r.Message.Contains(words, StringComparison.Ordinal));
        Assert.Contains("Nothing has been imported", preview.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("input[name=FileContent]"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Api_FileOverTheLimit_Returns413AndSavesNothing()
    {
        await using var small = new PifWebFactory().With("Frameworks:MaxImportBytes", "1000");
        var api = await FrameworkClients.ApiClientAsync(small);

        var response = await FrameworkClients.ImportAsync(api, Fixtures.Read(Fixtures.School));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(await FrameworkClients.ProblemsAsync(response), p => p.Path == "$" && p.Message.Contains("larger than the limit of 1000 bytes", StringComparison.Ordinal));
        Assert.False(await small.QueryAsync(db => db.Frameworks.AnyAsync(f => f.Code == "SCHOOL-QI")));

        var page = await FrameworkClients.SignedInAsync(small);
        var preview = await Html.ParseAsync(await FrameworkClients.PreviewAsync(page, Fixtures.Read(Fixtures.School)));
        Assert.Contains("choose a file of 1000 bytes or less", preview.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_SchoolFixture_BecomesVersionOneDraft_AndBrowsesWithItsCategoriesAndScale()
    {
        await using var fresh = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(fresh);

        var response = await FrameworkClients.ImportAsync(api, Fixtures.Read(Fixtures.School));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/frameworks/SCHOOL-QI/versions/1", response.Headers.Location?.ToString());
        var admin = await FrameworkClients.SignedInAsync(fresh);
        var overview = await Html.ParseAsync(await admin.GetAsync("/frameworks/SCHOOL-QI/versions/1", TestContext.Current.CancellationToken));
        Assert.Equal(["Category 1: Leadership and management", "Category 2: Learning provision", "Category 3: Successes and achievements", "Six-point scale (schools' wording)"],
            overview.QuerySelectorAll("main h2").Select(h => h.Text()));
        Assert.Equal(15, overview.QuerySelectorAll("main h3 a").Length);
        Assert.Contains("Satisfactory", overview.QuerySelector("main table").Text(), StringComparison.Ordinal);
        Assert.Contains("Draft", overview.QuerySelector(".ds_page-header").Text(), StringComparison.Ordinal);

        var qi = await Html.ParseAsync(await admin.GetAsync("/frameworks/SCHOOL-QI/versions/1/qis/1.4", TestContext.Current.CancellationToken));
        Assert.Equal("1.4 Leadership and management of staff", qi.QuerySelector("h1").Text());
        Assert.Equal(["Level 5: Very good", "Level 2: Weak"], qi.QuerySelectorAll(".pif-illustrations")[0].QuerySelectorAll("h3").Select(h => h.Text()));
        Assert.Contains("overlaps with 7.2 Supervision, training and professional development", qi.QuerySelector("main").Text(), StringComparison.Ordinal);

        // A draft is for its editors only.
        var viewer = await FrameworkClients.SignedInAsync(fresh, "viewer.glasgow@pif.example");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/frameworks/SCHOOL-QI/versions/1", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Pages_PsifFixture_ImportsAsDraft_AndBrowsesWithTheRadarScale()
    {
        await using var fresh = new PifWebFactory();
        var admin = await FrameworkClients.SignedInAsync(fresh);

        var confirmed = await FrameworkClients.ImportThroughPagesAsync(admin, Fixtures.Read(Fixtures.Psif));

        Assert.Equal("/frameworks/PSIF-TEST/draft", confirmed.RequestMessage?.RequestUri?.AbsolutePath);
        var overview = await Html.ParseAsync(await admin.GetAsync("/frameworks/PSIF-TEST/versions/1", TestContext.Current.CancellationToken));
        Assert.Equal("Criterion 1: Leadership", overview.QuerySelector("main h2").Text());
        Assert.Equal(["100%", "Comprehensive evidence"], overview.QuerySelectorAll("main table tbody tr")[0].Children.Take(2).Select(c => c.Text()));
        var qi = await Html.ParseAsync(await admin.GetAsync("/frameworks/PSIF-TEST/versions/1/qis/2a", TestContext.Current.CancellationToken));
        Assert.Equal(["100%: Comprehensive evidence", "25%: Some evidence"], qi.QuerySelectorAll(".pif-illustrations h3").Select(h => h.Text()));
    }

    [Fact]
    public async Task Import_KnownCodeWithADraft_IsRefused_AndWithoutOne_BecomesTheNextVersion()
    {
        await using var fresh = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(fresh);
        var pif = await (await api.GetAsync("/api/v1/frameworks/PIF/versions/1", TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        var first = await FrameworkClients.ImportAsync(api, pif);
        var second = await FrameworkClients.ImportAsync(api, pif);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/v1/frameworks/PIF/versions/2", first.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains(await FrameworkClients.ProblemsAsync(second), p => p.Path == "$.code" && p.Message.Contains("already has a draft, version 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_FileWithAByteOrderMark_IsImported()
    {
        await using var fresh = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(fresh);

        var response = await FrameworkClients.ImportAsync(api, [0xEF, 0xBB, 0xBF, .. Fixtures.Read(Fixtures.Psif)]);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("lead.glasgow@pif.example", "read-write")]
    [InlineData(FrameworkClients.Admin, "read")]
    public async Task Api_ImportByOtherThanAWritingNationalAdministrator_Returns403(string email, string access)
    {
        var api = await FrameworkClients.ApiClientAsync(factory, email, access);

        var response = await FrameworkClients.ImportAsync(api, Fixtures.Read(Fixtures.Psif));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<(int, int, int)> CountsAsync() => factory.QueryAsync(async db =>
        (await db.Frameworks.CountAsync(), await db.FrameworkVersions.CountAsync(), await db.QualityIndicators.CountAsync()));
}
