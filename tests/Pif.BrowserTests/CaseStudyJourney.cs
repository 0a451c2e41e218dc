using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Pif.Testing;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.BrowserTests;

/// <summary>
/// Fife's lead writes a case study linked to QI 5.2 and an indicator and submits it; the national administrator asks for
/// a change, then publishes it; Glasgow's contributor finds it by a word in its body and from a QI page of Glasgow's
/// self-evaluation.
/// </summary>
public sealed class CaseStudyJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ACaseStudy_IsWrittenReviewedPublishedAndFound_AllAccessible(bool javaScript)
    {
        var word = javaScript ? "Cormorant" : "Guillemot";
        var indicator = await IndicatorAsync();
        await using var context = await browser.NewContextAsync(javaScript);

        var lead = await context.NewPageAsync();
        await lead.SignInAsync("lead.fife@pif.example");
        await lead.GotoAsync("/case-studies");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Write a case study" }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_error-summary")).ToContainTextAsync("Enter a title");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByLabel("Title", new() { Exact = true }).FillAsync($"{word} kinship assessments");
        await lead.GetByLabel("Summary", new() { Exact = true }).FillAsync("Kinship carers waited months for an assessment; now they wait weeks.");
        await lead.Locator("label[for='Form_Areas']").ClickAsync();
        await lead.GetByLabel("Year of the work").FillAsync("2025");
        await lead.GetByLabel("The problem").FillAsync("Assessments took **19 weeks**.");
        await lead.GetByLabel("What was done").FillAsync($"* One assessor for each family, the {word.ToLowerInvariant()} model\n* Tested with three families first");
        await lead.GetByLabel("Results", new() { Exact = true }).FillAsync("| Measure | Before | After |\n| --- | --- | --- |\n| Weeks | 19 | 9 |");
        await lead.GetByLabel("Who to contact").FillAsync("Team manager, kinship care");
        await lead.Locator("label[for='Form_Qis_PIF_5_2']").ClickAsync();
        await lead.GetByLabel("Performance indicators it moved (optional)").FillAsync(indicator);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The case study has been saved as a draft. Submit it for review when it is ready");
        await Assertions.Expect(lead.Locator("table.ds_table").First).ToContainTextAsync("Weeks");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        var address = lead.Url;
        await lead.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_page-header__metadata .ds_tag")).ToHaveTextAsync("Waiting for review");

        var national = await browser.NewContextAsync(javaScript);
        await using (national)
        {
            var reviewer = await national.NewPageAsync();
            await reviewer.SignInAsync("national.admin@pif.example");
            await reviewer.GotoAsync("/case-studies");
            await Assertions.Expect(reviewer.Locator("#Waiting + table")).ToContainTextAsync($"{word} kinship assessments");
            await reviewer.AssertNoViolationsAsync(browser, javaScript);
            await reviewer.GotoAsync(address);
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Return it to the council" }).ClickAsync();
            await Assertions.Expect(reviewer.Locator(".ds_error-summary")).ToContainTextAsync("Say what the council should change");
            await reviewer.AssertNoViolationsAsync(browser, javaScript);
            await reviewer.GetByLabel("Ask for changes").FillAsync("Say how many families took part");
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Return it to the council" }).ClickAsync();
            await Assertions.Expect(reviewer.Locator(".pif-thread")).ToContainTextAsync("Say how many families took part");

            await lead.GotoAsync(address);
            await lead.GetByRole(AriaRole.Link, new() { Name = "Change it" }).ClickAsync();
            await lead.GetByLabel("What was done").FillAsync($"* One assessor for each family, the {word.ToLowerInvariant()} model\n* Tested with three families first, then all 42");
            await lead.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await lead.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();

            await reviewer.GotoAsync(address);
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Publish revision 1" }).ClickAsync();
            await Assertions.Expect(reviewer.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The case study has been published: every council can read it now");
            await reviewer.AssertNoViolationsAsync(browser, javaScript);
        }

        var (evaluation, qi) = await GlasgowSelfEvaluationAsync(javaScript ? 2033 : 2034);
        await using var glasgowContext = await browser.NewContextAsync(javaScript);
        var glasgow = await glasgowContext.NewPageAsync();
        await glasgow.SignInAsync("contributor1.glasgow@pif.example");
        await glasgow.GotoAsync("/case-studies");
        await glasgow.GetByLabel("Words in the case study").FillAsync(word.ToLowerInvariant());
        await glasgow.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(glasgow.Locator(".ds_search-result__title")).ToHaveTextAsync([$"{word} kinship assessments"]);
        await Assertions.Expect(glasgow.Locator(".ds_search-result__summary mark").First).ToHaveTextAsync(word.ToLowerInvariant(), new() { IgnoreCase = true });
        await glasgow.AssertNoViolationsAsync(browser, javaScript);

        await glasgow.GotoAsync($"/self-evaluations/{evaluation}/qis/{qi}");
        await glasgow.Locator("#how-others-improved + ul").GetByRole(AriaRole.Link, new() { Name = $"{word} kinship assessments" }).ClickAsync();
        await Assertions.Expect(glasgow.Locator("h1")).ToHaveTextAsync($"{word} kinship assessments");
        await Assertions.Expect(glasgow.Locator("a[href^='/performance-indicators/']")).ToHaveCountAsync(1);
        await glasgow.AssertNoViolationsAsync(browser, javaScript);
    }

    /// <summary>A national indicator to link: the catalogue's first, or one added for the journey when the host holds none.</summary>
    private async Task<string> IndicatorAsync()
    {
        return await browser.Factory.QueryAsync(async db =>
        {
            if (await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null).OrderBy(i => i.Code).Select(i => i.Code).FirstOrDefaultAsync() is { } code)
            {
                return code;
            }

            db.PerformanceIndicators.Add(new PerformanceIndicator { Code = "CSJ01", NormalisedCode = IndicatorCodes.Normalise("CSJ01"), Title = "Kinship assessments within 12 weeks", Source = IndicatorSource.NationalStatistics, MeasureType = MeasureType.Percentage, Polarity = Polarity.HigherIsBetter });
            await db.SaveChangesAsync();
            return "CSJ01";
        });
    }

    private async Task<(Guid Evaluation, Guid Qi)> GlasgowSelfEvaluationAsync(int year)
    {
        var id = await TestData.StartSelfEvaluationAsync(browser.Factory, "lead.glasgow@pif.example", $"Learning from others ({year})", year);
        await TestData.ScopeAssignAndBeginAsync(browser.Factory, "lead.glasgow@pif.example", id, ["5.2"], ["contributor1.glasgow@pif.example"]);
        var qi = await browser.Factory.QueryAsync(db => db.QiEvaluations.Where(q => q.SelfEvaluationId == id).Select(q => q.Id).SingleAsync());
        return (id, qi);
    }
}
