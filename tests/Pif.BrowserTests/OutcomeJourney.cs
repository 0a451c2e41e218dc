using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.BrowserTests;

/// <summary>
/// Glasgow's administrator writes an outcome agreement with three local outcomes mapped to national outcomes 8, 9 and
/// 15, links an indicator, a QI and an action, records the agreement, and opens the golden thread page.
/// </summary>
public sealed class OutcomeJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAgreement_IsWrittenMappedAndAgreed_AndItsThreadShowsEachPart_AllAccessible(bool javaScript)
    {
        var word = javaScript ? "Kittiwake" : "Puffin";
        var (indicator, action) = await LinksAsync(word);
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin.glasgow@pif.example");

        await page.GotoAsync("/outcomes");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByRole(AriaRole.Link, new() { Name = "Start an outcome agreement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Enter a title");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByLabel("Title").FillAsync($"{word} outcomes 2024 to 2027");
        await page.GetByLabel("First year").FillAsync("2024");
        await page.GetByLabel("Last year").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The agreement has been saved as a draft. Add its local outcomes");
        var agreement = page.Url;

        // A local outcome needs a national outcome: the form says so and keeps what was typed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a local outcome" }).ClickAsync();
        await page.GetByLabel("Local outcome", new() { Exact = true }).FillAsync($"{word}: children at risk get help early");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the local outcome" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Choose at least one national outcome");
        await Assertions.Expect(page.GetByLabel("Local outcome", new() { Exact = true })).ToHaveValueAsync($"{word}: children at risk get help early");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.Locator("label[for='Form_National_8']").ClickAsync();
        await page.GetByLabel("Performance indicators that measure it (optional)").FillAsync(indicator);
        await page.Locator("summary", new() { HasText = "PIF" }).First.ClickAsync();
        await page.Locator("label[for='Form_Qis_PIF_5_2']").ClickAsync();
        await page.Locator("summary", new() { HasText = $"{word} plan" }).ClickAsync();
        await page.Locator($"label[for='Form_Actions_{action:N}'], label[for='Form_Actions']").Filter(new() { HasText = $"{word} action" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the local outcome" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The local outcome has been added");
        var thread = page.Url;

        foreach (var (title, national) in new[] { ($"{word}: communities feel safe", 9), ($"{word}: services keep improving", 15) })
        {
            await page.GotoAsync(agreement);
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a local outcome" }).ClickAsync();
            await page.GetByLabel("Local outcome", new() { Exact = true }).FillAsync(title);
            await page.Locator($"label[for='Form_National_{national}']").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add the local outcome" }).ClickAsync();
            await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The local outcome has been added");
        }

        await page.GotoAsync(agreement);
        await Assertions.Expect(page.Locator(".pif-local-outcome h3")).ToHaveCountAsync(3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record that the council agreed it" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToContainTextAsync("The agreement has been recorded");
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GotoAsync(thread);
        await Assertions.Expect(page.Locator("#National + ul")).ToContainTextAsync("8. Improved life chances for children, young people and families at risk");
        await Assertions.Expect(page.Locator("#Indicators ~ div tbody")).ToContainTextAsync(indicator);
        await Assertions.Expect(page.Locator("#Qis + table tbody")).ToContainTextAsync("PIF 5.2");
        await Assertions.Expect(page.Locator("#Actions + table tbody")).ToContainTextAsync($"{word} action");
        await Assertions.Expect(page.Locator("#Actions + table tbody .ds_tag")).ToHaveTextAsync("Green");
        await page.GetByLabel("Progress statement").FillAsync("More families were helped before a crisis.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the progress statement" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Progress + dl")).ToContainTextAsync("More families were helped before a crisis.");
        await page.AssertNoViolationsAsync(browser, javaScript);
    }

    /// <summary>A national indicator and an action of an approved Glasgow plan, made for the journey.</summary>
    private async Task<(string Indicator, Guid Action)> LinksAsync(string word)
    {
        return await browser.Factory.QueryAsync(async db =>
        {
            var code = "OJ" + word[..2].ToUpperInvariant();
            db.PerformanceIndicators.Add(new PerformanceIndicator { Code = code, NormalisedCode = IndicatorCodes.Normalise(code), Title = $"{word} measure", Source = IndicatorSource.NationalStatistics, MeasureType = MeasureType.Percentage, Polarity = Polarity.HigherIsBetter });
            var glasgow = await db.Organisations.Where(o => o.Kind == OrganisationKind.Council && o.Name == "Glasgow City").Select(o => o.Id).SingleAsync();
            var owner = await db.Users.Where(u => u.Email == "lead.glasgow@pif.example").Select(u => u.Id).SingleAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var plan = new ImprovementPlan { OrganisationId = glasgow, Title = $"{word} plan", PeriodStart = today.AddMonths(-1), PeriodEnd = today.AddYears(1), State = PlanState.Approved, CreatedAt = DateTime.UtcNow, CreatedById = owner };
            var action = new PlanAction { PlanId = plan.Id, Number = 1, Description = $"{word} action: family group decision meetings for every child at risk", OwnerId = owner, StartDate = today, DueDate = today.AddMonths(6), Status = ActionStatus.OnTrack, UpdatedAt = DateTime.UtcNow };
            plan.Actions.Add(action);
            db.ImprovementPlans.Add(plan);
            await db.SaveChangesAsync();
            return (code, action.Id);
        });
    }
}
