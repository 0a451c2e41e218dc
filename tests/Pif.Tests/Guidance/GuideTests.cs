using System.Net;
using Pif.Testing;
using Pif.Web.Modules.Guidance;
using Pif.Web.Modules.SelfEvaluations;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.Guidance;

/// <summary>The guide to supported self-evaluation: its files, its pages, and the links to it from each stage of a self-evaluation.</summary>
public sealed class GuideTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static string File(string kind, int order, string body = "## Section\n\nText.", string title = "A page") =>
        $"---\ntitle: {title}\nsummary: What it is for.\nkind: {kind}\norder: {order}\nupdated: 2026-12-04\n---\n{body}";

    private static List<KeyValuePair<string, string>> EveryStage() =>
        [.. GuideStages.All.Select(s => new KeyValuePair<string, string>(GuideStages.Slug(s), File("stage", (int)s)))];

    [Fact]
    public void TheBuiltInGuide_HasEveryStageInOrder_AndItsTopics()
    {
        var guide = new Guide();

        Assert.Equal(GuideStages.All, guide.Stages.Select(p => p.Stage!.Value));
        Assert.Equal(["who-does-what", "what-good-evidence-looks-like", "using-the-six-point-scale", "common-pitfalls"], guide.Topics.Select(p => p.Slug));
        Assert.All(guide.Pages, page =>
        {
            Assert.NotEmpty(page.Sections);
            Assert.DoesNotContain("<script", page.Body.ToString(), StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void EveryLinkBetweenGuidePages_LeadsToAPage()
    {
        var guide = new Guide();
        var links = guide.Pages.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p.Body.ToString()!, "href=\"/guide/([^\"#]+)").Select(m => m.Groups[1].Value)).ToList();

        Assert.NotEmpty(links);
        Assert.All(links, slug => Assert.NotNull(guide.Find(slug)));
    }

    [Fact]
    public void AGuideWithAStageMissing_DoesNotStart()
    {
        var files = EveryStage().Where(f => f.Key != "validation");

        var error = Assert.Throws<InvalidDataException>(() => new Guide(files));

        Assert.Contains("validation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no front matter", "start with front matter")]
    [InlineData("---\ntitle: T\nkind: topic\norder: 1\nupdated: 2026-12-04\n---\nBody", "give it a summary")]
    [InlineData("---\ntitle: T\nsummary: S\nkind: chapter\norder: 1\nupdated: 2026-12-04\n---\nBody", "kind is \"stage\" or \"topic\"")]
    [InlineData("---\ntitle: T\nsummary: S\nkind: topic\norder: 1\nupdated: 2026-12-04\n---\n# Title again\n\nBody", "start sections at \"##\"")]
    public void ABadPage_SaysWhatToFix(string text, string message)
    {
        var files = EveryStage().Append(new("extra", text));

        var error = Assert.Throws<InvalidDataException>(() => new Guide(files));

        Assert.Contains("Guide page extra", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuidePages_ShowTheStageContentsAndTheWayOn()
    {
        var client = await AsAsync(factory, "viewer.fife@pif.example");

        var index = await Html.ParseAsync(await client.GetAsync("/guide", TestContext.Current.CancellationToken));
        var stage = await Html.ParseAsync(await client.GetAsync("/guide/moderate-and-agree", TestContext.Current.CancellationToken));
        var first = await Html.ParseAsync(await client.GetAsync("/guide/prepare-and-scope", TestContext.Current.CancellationToken));
        var missing = await client.GetAsync("/guide/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(8, index.QuerySelectorAll("ol.ds_task-list-group li a").Length);
        Assert.Equal(4, index.QuerySelectorAll("ul.ds_no-bullets li a").Length);
        Assert.Equal("Stage 4 of 8", stage.QuerySelector(".ds_page-header__label").Text());
        Assert.Equal("Moderate and agree grades", stage.QuerySelector("h1").Text());
        Assert.Contains("What this stage is for", stage.QuerySelectorAll(".ds_contents-nav__link").Select(a => a.Text()));
        Assert.NotNull(stage.QuerySelector("h2#what-this-stage-is-for"));
        Assert.Equal("/guide/evaluate-each-qi", stage.QuerySelector(".ds_sequential-nav__item--prev a")!.GetAttribute("href"));
        Assert.Equal("/guide/support-and-challenge", stage.QuerySelector(".ds_sequential-nav__item--next a")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".ds_sequential-nav__item--prev"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData(SelfEvaluationState.Draft, "Now Not yet Not yet Not yet Not yet Not yet Not yet Not yet")]
    [InlineData(SelfEvaluationState.InProgress, "Done Now Now Now Not yet Not yet Not yet Not yet")]
    [InlineData(SelfEvaluationState.Submitted, "Done Done Done Done Now Now Not yet Not yet")]
    [InlineData(SelfEvaluationState.Validated, "Done Done Done Done Done Done Now Not yet")]
    [InlineData(SelfEvaluationState.Published, "Done Done Done Done Done Done Now Now")]
    public void EachState_IsAtItsStages(SelfEvaluationState state, string statuses)
    {
        var words = GuideStages.All.Select(s => EvaluationStages.Status(s, state) switch { StageStatus.Done => "Done", StageStatus.Now => "Now", _ => "Not yet" });

        Assert.Equal(statuses, string.Join(' ', words));
    }

    [Fact]
    public async Task SelfEvaluationPages_LinkToTheStageTheyAreIn()
    {
        var id = await StartAsync(factory);
        var lead = await AsAsync(factory, Lead);
        var draft = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        var scope = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/scope", TestContext.Current.CancellationToken));
        var qis = await PrepareAsync(factory, id, "1.1");
        var open = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        var qi = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["1.1"]}", TestContext.Current.CancellationToken));
        var agree = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["1.1"]}/agree", TestContext.Current.CancellationToken));

        Assert.Equal("/guide/prepare-and-scope", draft.QuerySelector(".pif-stage-guide a")!.GetAttribute("href"));
        Assert.Equal("/guide/prepare-and-scope", scope.QuerySelector(".pif-stage-guide a")!.GetAttribute("href"));
        Assert.Equal("What this stage is for: Evaluate each quality indicator", open.QuerySelector(".pif-stage-guide").Text());
        Assert.Equal(
            ["Gather and weigh evidence", "Evaluate each quality indicator", "Moderate and agree grades"],
            open.QuerySelectorAll(".pif-stages li[aria-current='step'] a").Select(a => a.Text()));
        Assert.Equal(8, open.QuerySelectorAll(".pif-stages li a[href^='/guide/']").Length);
        Assert.Equal("/guide/evaluate-each-qi", qi.QuerySelector(".pif-stage-guide a")!.GetAttribute("href"));
        Assert.Equal("/guide/moderate-and-agree", agree.QuerySelector(".pif-stage-guide a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ASubmittedSelfEvaluation_PointsToSupportAndChallenge_AndValidation()
    {
        var id = await StartAsync(factory);
        var lead = await AsAsync(factory, Lead);
        var qis = await SubmitAsync(factory, lead, id, ("1.1", 4));
        var inspector = await AsAsync(factory, "inspector@pif.example");

        var overview = await Html.ParseAsync(await inspector.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        var qi = await Html.ParseAsync(await inspector.GetAsync($"/self-evaluations/{id}/qis/{qis["1.1"]}", TestContext.Current.CancellationToken));
        var validation = await Html.ParseAsync(await inspector.GetAsync($"/self-evaluations/{id}/validation", TestContext.Current.CancellationToken));

        Assert.Equal("/guide/support-and-challenge", overview.QuerySelector(".pif-stage-guide a")!.GetAttribute("href"));
        Assert.Equal(["Support and challenge", "Validation"], overview.QuerySelectorAll(".pif-stages li[aria-current='step'] a").Select(a => a.Text()));
        Assert.Equal("/guide/support-and-challenge", qi.QuerySelector(".pif-stage-guide a")!.GetAttribute("href"));
        Assert.Equal("/guide/validation", validation.QuerySelector(".pif-stage-guide a")!.GetAttribute("href"));
    }
}
