using Microsoft.Playwright;

namespace Pif.BrowserTests;

/// <summary>Evidence as a lead gathers it: a survey report, a policy and a performance-data note, linked to two QIs in two self-evaluations.</summary>
public sealed class EvidenceJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Lead_AddsASurveyAPolicyAndANote_LinksThemInTwoSelfEvaluations_AndSeesCoverageAndWarningsChange(bool javaScript)
    {
        var suffix = javaScript ? "JavaScript" : "no JavaScript";
        var (first, _) = await SubmittedEvaluations.AgreeAsync(browser.Factory, $"Evidence journey A ({suffix})", ("1.1", 5));
        var (second, _) = await SubmittedEvaluations.AgreeAsync(browser.Factory, $"Evidence journey B ({suffix})", ("9.2", 4));
        var survey = Path.Combine(Path.GetTempPath(), $"staff-survey-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(survey, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", TestContext.Current.CancellationToken);

        await using var context = await browser.NewContextAsync(javaScript);
        var lead = await context.NewPageAsync();
        await lead.SignInAsync("lead.glasgow@pif.example");
        await lead.GotoAsync($"/self-evaluations/{first}");
        await Assertions.Expect(lead.Locator(".pif-warnings")).ToContainTextAsync("1.1: a grade with no evidence linked");
        await lead.Locator("table a", new() { HasTextString = "1.1 " }).ClickAsync();
        var qiA = lead.Url;
        await Assertions.Expect(lead.Locator("#evidence ~ .ds_warning-text")).ToContainTextAsync("A grade with no evidence linked");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByRole(AriaRole.Link, new() { Name = "Add evidence", Exact = true }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Add new evidence to the library and link it" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the evidence" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_error-summary")).ToContainTextAsync("Enter a title");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByLabel("Title").FillAsync($"Staff survey report 2026 ({suffix})");
        await lead.GetByLabel("Kind of evidence").SelectOptionAsync(new SelectOptionValue { Label = "Staff survey" });
        await lead.GetByLabel("Start of the period it describes").FillAsync("2026-01-01");
        await lead.GetByLabel("End of the period it describes").FillAsync("2026-03-31");
        await lead.GetByLabel("Files (optional)").SetInputFilesAsync(survey);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the evidence" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The evidence has been added to the library and supports 1.1");
        await Assertions.Expect(lead.Locator("#evidence + p")).ToHaveTextAsync("Covers 1 of the 4 families of evidence: People's views.");
        await Assertions.Expect(lead.Locator("#evidence ~ .ds_warning-text")).ToContainTextAsync("A top grade resting on fewer than two families of evidence");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByRole(AriaRole.Link, new() { Name = "Add evidence", Exact = true }).ClickAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = "Add new evidence to the library and link it" }).ClickAsync();
        await lead.GetByLabel("Title").FillAsync($"Supervision policy ({suffix})");
        await lead.GetByLabel("Kind of evidence").SelectOptionAsync(new SelectOptionValue { Label = "Document (policy, plan, procedure, minutes)" });
        await lead.GetByLabel("Start of the period it describes").FillAsync("2025-04-01");
        await lead.GetByLabel("End of the period it describes").FillAsync("2027-03-31");
        await lead.GetByLabel("Link (optional)").FillAsync("https://glasgow.example/policies/supervision");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the evidence" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#evidence + p")).ToHaveTextAsync("Covers 2 of the 4 families of evidence: People's views, Documentation.");
        await Assertions.Expect(lead.Locator("#evidence ~ .ds_warning-text")).ToHaveCountAsync(0);
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GotoAsync("/");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Find and add evidence" }).ClickAsync();
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Add evidence", Exact = true }).ClickAsync();
        await lead.GetByLabel("Title").FillAsync($"Reviews completed on time ({suffix})");
        await lead.GetByLabel("Kind of evidence").SelectOptionAsync(new SelectOptionValue { Label = "Performance data (indicator series, statistical returns)" });
        await lead.GetByLabel("Summary (optional)").FillAsync("92% of reviews were on time in 2025 to 2026, up from 85%.");
        await lead.GetByLabel("Start of the period it describes").FillAsync("2025-04-01");
        await lead.GetByLabel("End of the period it describes").FillAsync("2026-03-31");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Add the evidence" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The evidence has been added to the library");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        // Other journeys' self-evaluations may offer a 9.2 too: choose this journey's by its group.
        var option = await lead.Locator($"optgroup[label='Evidence journey B ({suffix})'] option", new() { HasTextString = "9.2 " }).GetAttributeAsync("value");
        await lead.GetByLabel("Link it to a quality indicator you are working on").SelectOptionAsync(option!);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Link it" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#Link ~ ul").First).ToContainTextAsync($"9.2 Leadership of strategy and direction, in Evidence journey B ({suffix})");

        await lead.GotoAsync($"/self-evaluations/{second}");
        await lead.Locator("table a", new() { HasTextString = "9.2 " }).ClickAsync();
        await Assertions.Expect(lead.Locator("#evidence + p")).ToHaveTextAsync("Covers 1 of the 4 families of evidence: Quantitative data.");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Add evidence", Exact = true }).ClickAsync();
        await lead.GetByLabel("Search titles and summaries").FillAsync($"Staff survey report 2026 ({suffix})");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = $"Link Staff survey report 2026 ({suffix})" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#evidence + p")).ToHaveTextAsync("Covers 2 of the 4 families of evidence: People's views, Quantitative data.");
        await lead.AssertNoViolationsAsync(browser, javaScript);
    }
}
