using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Microsoft.Playwright;
using Pif.Testing;

namespace Pif.BrowserTests;

/// <summary>
/// A national administrator imports the real LGBF files as downloaded: a wrong file is refused with what to fix,
/// then the catalogue and the long file are each previewed and imported, and the catalogue lists the indicators.
/// Glasgow's lead then opens SW07, sees Glasgow against its family group and Scotland, sets a target with a
/// commentary (a different period with JavaScript on and off, since both runs share the host), and opens the
/// council's profile of every SW indicator, SW06's funnel plot, and its control chart, where it starts new limits;
/// the national administrator links SW01 to a QI, and the lead sees the warning on a grade of 5 the data questions.
/// </summary>
public sealed class IndicatorImportJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NationalAdministrator_ImportsTheLgbfFiles_SeeingEachPreviewAndSummary(bool javaScript)
    {
        var information = SharedData.Find("lgbf_indicator_information.csv");
        var longFile = SharedData.Find("lgbf_scotland_real_long.csv");
        if (information is null || longFile is null)
        {
            Assert.Skip("../shared/data is not here; CI always has it.");
        }

        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync("national.admin@pif.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Performance indicators" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a file of indicators" }).ClickAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);

        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "notes.csv", MimeType = "text/csv", Buffer = "Name,Age\nAnn,40\n"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_inset-text")).ToContainTextAsync("Pif does not know this file's layout");
        await page.AssertNoViolationsAsync(browser, javaScript);

        // Pif asks what each column holds; saying nothing is refused with what every file needs.
        await page.GetByRole(AriaRole.Button, new() { Name = "Read the file this way" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Say which column holds the indicator's code");
        await page.AssertNoViolationsAsync(browser, javaScript);

        foreach (var (path, rows) in new[] { (information, 108), (longFile, 35_466) })
        {
            await page.GotoAsync("/performance-indicators/imports/new");
            await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(path);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Check before importing: {Path.GetFileName(path)}");
            await page.AssertNoViolationsAsync(browser, javaScript);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
            await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The file has been imported");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Imported: {Path.GetFileName(path)}");
            var counts = await page.Locator("#Summary td").AllTextContentsAsync();
            Assert.Equal(rows, counts.Sum(c => int.Parse(c, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
            Assert.Equal("0", counts[3]);
            await page.AssertNoViolationsAsync(browser, javaScript);
        }

        // A register of care services (a small one: both runs share the host, so the second finds it unchanged).
        await page.GotoAsync("/performance-indicators/imports/new");
        await page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "register.csv", MimeType = "text/csv", Buffer = Register });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check before importing: register.csv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("The file has been imported");

        await page.GotoAsync("/performance-indicators");
        await Assertions.Expect(page.Locator("tbody th", new() { HasTextString = "SW07" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);

        await using var leadContext = await browser.NewContextAsync(javaScript);
        var lead = await leadContext.NewPageAsync();
        await lead.SignInAsync("lead.glasgow@pif.example");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Performance indicators" }).First.ClickAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = "SW07", Exact = true }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("% of Care Services Graded Good or Better");
        await Assertions.Expect(lead.Locator("#Latest")).ToContainTextAsync("82.0%");
        await Assertions.Expect(lead.Locator("#Latest")).ToContainTextAsync("75.0%");
        await Assertions.Expect(lead.Locator("#Standing")).ToContainTextAsync("councils in its family group had a better figure");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        var period = javaScript ? "2022-23" : "2024-25";
        await lead.GetByRole(AriaRole.Link, new() { Name = $"For {period}", Exact = true }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync($"Target and commentary for {period}");
        await lead.GetByLabel("Target (%) (optional)").FillAsync("eighty-five");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_error-summary")).ToContainTextAsync("Enter the target as a percentage, such as 85 or 85.5");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        await lead.GetByLabel("Target (%) (optional)").FillAsync("85");
        await lead.GetByLabel("Red threshold (%) (optional)").FillAsync("80");
        await lead.GetByLabel("Commentary (optional)").FillAsync("Two care homes were graded weak this year; we are supporting both.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync($"The target and commentary for {period} have been saved");
        var row = lead.Locator("#Targets tbody tr", new() { HasTextString = period });
        await Assertions.Expect(row).ToContainTextAsync(javaScript ? "Amber: short of the target" : "Not rated");
        await Assertions.Expect(row).ToContainTextAsync("Two care homes were graded weak this year");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        // The profile: every SW indicator at once, each among the councils' figures.
        await lead.GetByRole(AriaRole.Link, new() { Name = "See Glasgow City's profile of every indicator in Adult Social Care Services" }).ClickAsync();
        await Assertions.Expect(lead.Locator("h1")).ToHaveTextAsync("Adult Social Care Services");
        var codes = await lead.Locator("#Profile tbody th a").AllTextContentsAsync();
        Assert.Equal(["SW01", "SW02", "SW03a", "SW04b", "SW04c", "SW04d", "SW04e", "SW05", "SW06", "SW07", "SW08"], codes);
        await Assertions.Expect(lead.Locator("img.pif-chart")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("^Spine chart of 11 indicators"));
        await lead.AssertNoViolationsAsync(browser, javaScript);

        // The register beside SW07: Glasgow's services graded good or better by kind and provider.
        await lead.GotoAsync("/performance-indicators/SW07");
        await lead.GetByRole(AriaRole.Link, new() { Name = "See Glasgow City's care services in the Care Inspectorate's register, by kind of service and provider" }).ClickAsync();
        await Assertions.Expect(lead.Locator("#ByService tbody tr").First).ToContainTextAsync("Care Home Service");
        await Assertions.Expect(lead.Locator("#Headline")).ToContainTextAsync("SW07 for 2022-23: 82.0%");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        // Is Glasgow really different from the rest? SW06's funnel plot, with the councils outside its limits named.
        await lead.GotoAsync("/performance-indicators/SW06");
        await lead.GetByRole(AriaRole.Link, new() { Name = "See the funnel plot: is Glasgow City really different from the rest?" }).ClickAsync();
        await Assertions.Expect(lead.Locator("img.pif-chart")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("^Funnel plot of SW06 for 32 councils in 2022-23"));
        await Assertions.Expect(lead.Locator("#Overdispersion")).ToContainTextAsync("The councils differ more than chance alone would explain");
        await Assertions.Expect(lead.Locator("#Funnel tbody tr")).ToHaveCountAsync(32);
        await lead.AssertNoViolationsAsync(browser, javaScript);

        // Has it really changed? SW06's U chart on the indicator page, then new limits from a period, with the reason.
        await lead.GotoAsync("/performance-indicators/SW06");
        await Assertions.Expect(lead.Locator("#variation-heading + p")).ToContainTextAsync("U chart");
        await Assertions.Expect(lead.Locator("#Limits tbody tr")).ToHaveCountAsync(13);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Start new limits where the process changed" }).ClickAsync();
        var from = javaScript ? "2016-17" : "2018-19";
        await lead.GetByLabel("The first period of the new limits").SelectOptionAsync(from);
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start new limits" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_error-summary")).ToContainTextAsync("Say what changed in the process at that period");
        await lead.AssertNoViolationsAsync(browser, javaScript);
        await lead.GetByLabel("What changed").FillAsync("Discharge to assess began in every hospital");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Start new limits" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".ds_notification-panel__title")).ToHaveTextAsync($"New limits start at {from}");
        await Assertions.Expect(lead.Locator("#Rebases")).ToContainTextAsync($"{from} (Discharge to assess began in every hospital)");
        await lead.AssertNoViolationsAsync(browser, javaScript);

        // A grade the data questions: SW01 (a cost per hour rising beyond its limits) speaks to a QI graded 5.
        var qi = javaScript ? "1.1" : "1.2";
        await page.GotoAsync("/performance-indicators/SW01/quality-indicators");
        await page.GetByLabel("Quality indicator").SelectOptionAsync($"PIF|{qi}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync($"SW01 is linked to PIF {qi}");
        await page.AssertNoViolationsAsync(browser, javaScript);
        var id = await TestData.StartSelfEvaluationAsync(browser.Factory, "lead.glasgow@pif.example", $"Checked against the data ({qi})", javaScript ? 2031 : 2032);
        await TestData.ScopeAssignAndBeginAsync(browser.Factory, "lead.glasgow@pif.example", id, [qi], ["contributor1.glasgow@pif.example"]);
        var qiId = await browser.Factory.QueryAsync(db => db.QiEvaluations.Where(q => q.SelfEvaluationId == id).Select(q => q.Id).SingleAsync());
        await TestData.ContributeAsync(browser.Factory, "contributor1.glasgow@pif.example", qiId, 5);
        await lead.GotoAsync($"/self-evaluations/{id}/qis/{qiId}");
        await Assertions.Expect(lead.Locator("#DataWarnings li")).ToHaveTextAsync("A grade of 5, but SW01's control chart shows special-cause concern among its last 3 figures (2020-21 to 2022-23).");
        await lead.AssertNoViolationsAsync(browser, javaScript);
    }

    private static readonly byte[] Register = System.Text.Encoding.UTF8.GetBytes(
        "\"CSNumber\",\"CareService\",\"ServiceType\",\"ServiceName\",\"Council_Area_Name\",\"Client_group\",\"ServiceStatus\",\"MinGrade\",\"MaxGrade\"\n"
        + "\"CS1\",\"Care Home Service\",\"Private\",\"Home One\",\"Glasgow City\",\"Adults\",\"Active\",\"4\",\"5\"\n"
        + "\"CS2\",\"Care Home Service\",\"Local Authority\",\"Home Two\",\"Glasgow City\",\"Adults\",\"Active\",\"3\",\"4\"\n"
        + "\"CS3\",\"Support Service\",\"Voluntary or Not for Profit\",\"Day Centre\",\"Glasgow City\",\"Adults\",\"Active\",\"5\",\"6\"\n");
}
