using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.SelfEvaluations;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.SelfEvaluations;

/// <summary>Long text reads as it was written, and its limits count characters as a person sees them.</summary>
public sealed class LongTextTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Contribution_WithLineBreaksAndEmoji_IsShownAsWritten()
    {
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "2.2");
        await ContributeAsync(await AsAsync(factory, Contributor1), id, qis["2.2"], 4, text: "First line\r\nSecond line 🙂\r\n\r\nA new paragraph");
        var lead = await AsAsync(factory, Lead);

        var agree = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["2.2"]}/agree", TestContext.Current.CancellationToken));
        var cell = agree.QuerySelectorAll(".pif-compare td").Single(td => td.TextContent.Contains("First line", StringComparison.Ordinal));
        var view = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["2.2"]}", TestContext.Current.CancellationToken));
        var written = view.QuerySelectorAll("dd").Single(dd => dd.TextContent.Contains("First line", StringComparison.Ordinal));

        Assert.Equal("First line\nSecond line 🙂\n\nA new paragraph", await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["2.2"]).Select(r => r.HowAreWeDoing).SingleAsync()));
        foreach (var shown in new[] { cell, written })
        {
            Assert.Equal("First line\nSecond line 🙂\n\nA new paragraph", shown.TextContent);
            Assert.Contains("pif-lines", shown.ClassList);
        }
    }

    [Fact]
    public async Task Contribution_AtTheLimitInCharactersAsPeopleSeeThem_IsSaved_AndOneMore_IsRefused()
    {
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "3.1");
        var one = await AsAsync(factory, Contributor1);
        // 10,000 characters as a person counts them (an emoji with its skin tone, then a line break, and so on),
        // but 29,999 UTF-16 units and 19,999 code points.
        var atLimit = string.Concat(Enumerable.Repeat("👍🏽\r\n", EvaluationRecord.AnswerMaxLength / 2))[..^2] + "!";

        var saved = await Html.ParseAsync(await ContributeAsync(one, id, qis["3.1"], 4, text: atLimit));
        var stamp = await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["3.1"]).Select(r => r.ConcurrencyStamp).SingleAsync());
        var refused = await Html.ParseAsync(await ContributeAsync(one, id, qis["3.1"], 4, text: atLimit + "!", stamp: stamp.ToString()));

        Assert.Null(saved.QuerySelector(".ds_error-summary")?.TextContent);
        Assert.Equal(atLimit.ReplaceLineEndings("\n"), await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["3.1"]).Select(r => r.HowAreWeDoing).SingleAsync()));
        Assert.Equal("Shorten your answer to \"How are we doing?\" to 10,000 characters or fewer", refused.QuerySelector(".ds_error-summary a").Text());
    }

    [Fact]
    public async Task EveryTextAreaOnTheQiPage_StatesItsLimit_ForTheCharacterCount()
    {
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "4.1");
        var one = await AsAsync(factory, Contributor1);

        var page = await Html.ParseAsync(await one.GetAsync($"/self-evaluations/{id}/qis/{qis["4.1"]}", TestContext.Current.CancellationToken));

        var areas = page.QuerySelectorAll("main textarea").ToList();
        Assert.NotEmpty(areas);
        Assert.All(areas, area =>
        {
            var count = area.ParentElement!;
            Assert.Equal("pif-character-count", count.GetAttribute("data-module"));
            var limit = page.GetElementById(area.Id + "-limit")!;
            Assert.Equal($"You can enter up to {int.Parse(count.GetAttribute("data-maxlength")!, System.Globalization.CultureInfo.InvariantCulture):N0} characters", limit.TextContent);
            Assert.Contains(limit.Id, area.GetAttribute("aria-describedby")!.Split(' '));
        });
        Assert.Equal("10000", page.QuerySelector("#Form_HowAreWeDoing")!.ParentElement!.GetAttribute("data-maxlength"));
    }

    [Fact]
    public async Task TheCaseStudyForm_CountsCharactersInItsTextInputsAsInItsTextAreas_AndLeavesNoUnknownAttribute()
    {
        var lead = await AsAsync(factory, Lead);
        var page = await Html.ParseAsync(await lead.GetAsync("/case-studies/new", TestContext.Current.CancellationToken));

        // ds-limit is read by the tag helper; left in the HTML it is an attribute no browser knows (the Nu HTML Checker's error).
        Assert.Empty(page.QuerySelectorAll("[ds-limit]"));
        foreach (var id in new[] { "Form_Title", "Form_ContactRole", "Form_Summary" })
        {
            var field = page.GetElementById(id)!;
            Assert.Equal("pif-character-count", field.ParentElement!.GetAttribute("data-module"));
            Assert.Contains(id + "-limit", field.GetAttribute("aria-describedby")!.Split(' '));
            Assert.StartsWith("You can enter up to ", page.GetElementById(id + "-limit")!.TextContent, StringComparison.Ordinal);
        }
    }
}
