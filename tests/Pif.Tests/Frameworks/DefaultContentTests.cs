using System.Text.Json.Nodes;
using Pif.Testing;

namespace Pif.Tests.Frameworks;

/// <summary>The Performance Improvement Framework and its three guides, as shipped and served by the API, meet every editorial rule.</summary>
public sealed class DefaultContentTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static readonly string[] Codes =
    [
        "1.1", "1.2", "2.1", "2.2", "3.1", "4.1", "5.1", "5.2", "5.3", "5.4", "5.5", "6.1", "6.2", "6.3", "6.4",
        "7.1", "7.2", "8.1", "8.2", "8.3", "9.1", "9.2", "9.3", "9.4", "10.1",
    ];

    [Fact]
    public async Task Api_Pif_HasTenKeyAreasAnd25QisOnTheAdequateScale_With101TheOverallJudgement()
    {
        var pif = await GetAsync("PIF");

        Assert.Equal("framework", (string)pif["kind"]!);
        Assert.Equal(["High-level question", "Key area"], pif["groupLabels"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(6, pif["groups"]!.AsArray().Count);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], pif["groups"]!.AsArray().SelectMany(g => g!["groups"]!.AsArray()).Select(k => (string)k!["code"]!));
        Assert.Equal(Codes, ContentRules.Qis(pif).Select(q => (string)q["code"]!));
        Assert.Equal(["10.1"], ContentRules.Qis(pif).Where(q => (bool)q["isOverallJudgement"]!).Select(q => (string)q["code"]!));
        Assert.Equal("Adequate", (string)pif["scale"]!["levels"]!.AsArray().Single(l => (int)l!["value"]! == 3)!["label"]!);
    }

    [Theory]
    [InlineData("PIF")]
    [InlineData("PIF-COMMISSIONING")]
    [InlineData("PIF-PERFORMANCE")]
    [InlineData("PIF-LEADERSHIP")]
    public async Task Api_EveryQiAndAspect_MeetsTheContentRules(string code)
    {
        var framework = await GetAsync(code);

        Assert.Empty(ContentRules.CheckQis(framework));
    }

    [Theory]
    [InlineData("PIF-COMMISSIONING", "8.2,6.2")]
    [InlineData("PIF-PERFORMANCE", "6.4,1.1")]
    [InlineData("PIF-LEADERSHIP", "9.1,9.2,9.3,9.4")]
    public async Task Api_Guide_HasOneGroupOfFourToSixAspects_EachPartOfTheNamedQis(string code, string qis)
    {
        var guide = await GetAsync(code);
        var aspects = ContentRules.Qis(guide).Select(q => (string)q["code"]!).ToList();
        var mappings = guide["mappings"]!.AsArray().Select(m => m!.AsObject()).ToList();

        Assert.Equal("guide", (string)guide["kind"]!);
        Assert.Single(guide["groups"]!.AsArray());
        Assert.InRange(aspects.Count, 4, 6);
        Assert.All(mappings, m => Assert.Equal(("PIF", "partOf"), ((string)m["toFramework"]!, (string)m["relation"]!)));
        Assert.Equal(aspects.Order(), mappings.Select(m => (string)m["fromQi"]!).Distinct().Order());
        Assert.Equal(qis.Split(',').Order(), mappings.Select(m => (string)m["toQi"]!).Distinct().Order());
    }

    [Fact]
    public async Task Content_AcrossTheFrameworkAndGuides_RepeatsNoSentence_AndHasNoPlaceholderOrAmericanSpelling()
    {
        var all = new[] { await GetAsync("PIF"), await GetAsync("PIF-COMMISSIONING"), await GetAsync("PIF-PERFORMANCE"), await GetAsync("PIF-LEADERSHIP") };

        Assert.Empty(ContentRules.RepeatedSentences(all));
        Assert.Empty(ContentRules.BannedWords(all));
    }

    [Fact]
    public async Task Rules_CatchAShortenedIllustration_ADuplicatedSentence_AQuestionWithoutAMark_AndAPlaceholder()
    {
        var pif = await GetAsync("PIF");
        var qi = ContentRules.Qis(pif).First();
        var level5 = qi["illustrations"]!.AsArray().First(i => (int)i!["level"]! == 5)!;
        var other = ContentRules.Qis(pif).Last();

        level5["text"] = string.Join(' ', ((string)level5["text"]!).Split(' ').Take(59));
        other["summary"] = (string)other["summary"]! + " " + ContentRules.Sentences((string)qi["summary"]!)[0];
        qi["challengeQuestions"]![0] = "Show the audit.";
        other["challengeQuestions"]![0] = "What is TBC in the plan?";

        var breaches = ContentRules.CheckQis(pif).ToList();
        Assert.Contains(breaches, b => b.StartsWith("1.1: the level-5 illustration has 59 words", StringComparison.Ordinal));
        Assert.Contains(breaches, b => b.StartsWith("1.1: 5 challenge questions, or one not ending", StringComparison.Ordinal) || b.Contains("not ending with a question mark", StringComparison.Ordinal));
        Assert.Single(ContentRules.RepeatedSentences([pif]));
        Assert.Single(ContentRules.BannedWords([pif]));
    }

    private async Task<JsonObject> GetAsync(string code)
    {
        var client = await FrameworkClients.SignedInAsync(factory, "viewer.fife@pif.example");
        return JsonNode.Parse(await client.GetStringAsync($"/api/v1/frameworks/{code}/versions/1", TestContext.Current.CancellationToken))!.AsObject();
    }
}
