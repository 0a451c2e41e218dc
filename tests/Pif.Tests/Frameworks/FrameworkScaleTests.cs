using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Frameworks;

/// <summary>A framework file's scale: a held one by its code alone or word for word, or a new one defined in the file.</summary>
public sealed class FrameworkScaleTests
{
    private static readonly JsonArray FourLevels =
    [
        new JsonObject { ["value"] = 4, ["label"] = "Strong", ["meaning"] = "Strengths throughout, and few areas to improve" },
        new JsonObject { ["value"] = 3, ["label"] = "Sound", ["meaning"] = "Strengths outweigh the areas to improve" },
        new JsonObject { ["value"] = 2, ["label"] = "Mixed", ["meaning"] = "Areas to improve outweigh the strengths" },
        new JsonObject { ["value"] = 1, ["label"] = "Poor", ["meaning"] = "Major weaknesses that need action now" },
    ];

    /// <summary>The school fixture with a four-level scale of its own, its illustrations moved onto that scale.</summary>
    private static byte[] WithNewScale(Action<JsonObject>? change = null) => Fixtures.SchoolWith(j =>
    {
        j["scale"] = new JsonObject { ["code"] = "four-point", ["name"] = "Four-point scale", ["kind"] = "levels", ["levels"] = FourLevels.DeepClone() };
        foreach (var illustration in j["groups"]!.AsArray().SelectMany(g => g!["qualityIndicators"]!.AsArray()).SelectMany(q => q!["illustrations"]?.AsArray() ?? []))
        {
            illustration!["level"] = Math.Min(4, illustration["level"]!.GetValue<int>());
        }

        change?.Invoke(j);
    });

    [Fact]
    public async Task AHeldScale_NamedByItsCodeAlone_IsImported()
    {
        await using var factory = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(factory);

        var response = await FrameworkClients.ImportAsync(api, Fixtures.SchoolWith(j => j["scale"] = new JsonObject { ["code"] = "six-point-satisfactory" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("six-point-satisfactory", await factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == "SCHOOL-QI").Select(v => v.Scale.Code).SingleAsync()));
    }

    [Fact]
    public async Task ANewScale_DefinedInTheFile_IsCreatedWithTheDraft_AndGoesIfTheDraftIsDeleted()
    {
        await using var factory = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(factory);

        var response = await FrameworkClients.ImportAsync(api, WithNewScale());
        var levels = await factory.QueryAsync(db => db.FrameworkVersions.Where(v => v.Framework.Code == "SCHOOL-QI")
            .SelectMany(v => v.Scale.Levels).OrderByDescending(l => l.Value).Select(l => l.Label).ToListAsync());
        var admin = await FrameworkClients.SignedInAsync(factory);
        await admin.PostFormAsync("/frameworks/SCHOOL-QI/draft?handler=Delete");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["Strong", "Sound", "Mixed", "Poor"], levels);
        Assert.False(await factory.QueryAsync(db => db.EvaluationScales.AnyAsync(s => s.Code == "four-point")));
        Assert.True(await factory.QueryAsync(db => db.EvaluationScales.AnyAsync(s => s.Code == "six-point")));
    }

    [Theory]
    [InlineData("reworded", "$.scale.levels[2].meaning", "Level 4 of the scale six-point means \"Important strengths that clearly outweigh the areas for improvement\": use that wording")]
    [InlineData("unknown-code", "$.scale.code", "Pif has no scale \"five-point\": use one of")]
    [InlineData("repeated-value", "$.scale.levels[1].value", "Level 4 appears twice: give each level its own value")]
    [InlineData("repeated-label", "$.scale.levels[1].label", "Two levels are labelled \"Strong\": give each its own label")]
    [InlineData("no-meaning", "$.scale.levels[3].meaning", "Enter what the level means")]
    [InlineData("one-level", "$.scale.levels", "Give the new scale at least two levels")]
    [InlineData("bad-code", "$.scale.code", "Give the new scale a code of lower-case letters, digits and hyphens")]
    public async Task AScaleProblem_Returns400WithThePath_AndSavesNothing(string problem, string path, string words)
    {
        await using var factory = new PifWebFactory();
        var api = await FrameworkClients.ApiClientAsync(factory);
        var file = problem switch
        {
            "reworded" => Fixtures.SchoolWith(j => j["scale"] = new JsonObject
            {
                ["code"] = "six-point",
                ["name"] = "Six-point scale",
                ["kind"] = "levels",
                ["levels"] = new JsonArray(
                    new JsonObject { ["value"] = 6, ["label"] = "Excellent", ["meaning"] = "Outstanding or sector-leading practice that is sustainable" },
                    new JsonObject { ["value"] = 5, ["label"] = "Very good", ["meaning"] = "Major strengths, with very few areas for improvement" },
                    new JsonObject { ["value"] = 4, ["label"] = "Good", ["meaning"] = "Good enough" },
                    new JsonObject { ["value"] = 3, ["label"] = "Adequate", ["meaning"] = "Strengths that just outweigh the weaknesses" },
                    new JsonObject { ["value"] = 2, ["label"] = "Weak", ["meaning"] = "Important weaknesses" },
                    new JsonObject { ["value"] = 1, ["label"] = "Unsatisfactory", ["meaning"] = "Major weaknesses that need immediate action" }),
            }),
            "unknown-code" => Fixtures.SchoolWith(j => j["scale"] = new JsonObject { ["code"] = "five-point" }),
            "repeated-value" => WithNewScale(j => j["scale"]!["levels"]![1]!["value"] = 4),
            "repeated-label" => WithNewScale(j => j["scale"]!["levels"]![1]!["label"] = "Strong"),
            "no-meaning" => WithNewScale(j => j["scale"]!["levels"]![3]!["meaning"] = ""),
            "one-level" => WithNewScale(j => j["scale"]!["levels"] = new JsonArray(FourLevels[0]!.DeepClone())),
            _ => WithNewScale(j => j["scale"]!["code"] = "Four Point"),
        };

        var response = await FrameworkClients.ImportAsync(api, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = await FrameworkClients.ProblemsAsync(response);
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(words, StringComparison.Ordinal));
        Assert.False(await factory.QueryAsync(db => db.Frameworks.AnyAsync(f => f.Code == "SCHOOL-QI")));
        Assert.Equal(3, await factory.QueryAsync(db => db.EvaluationScales.CountAsync()));
    }
}
