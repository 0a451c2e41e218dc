using System.Globalization;
using Microsoft.Playwright;
using Pif.Testing;

namespace Pif.BrowserTests;

/// <summary>
/// A national administrator imports the real LGBF files as downloaded: a wrong file is refused with what to fix,
/// then the catalogue and the long file are each previewed and imported, and the catalogue lists the indicators.
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
        await Assertions.Expect(page.Locator(".ds_error-summary")).ToContainTextAsync("Pif does not know this file's layout");
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

        await page.GotoAsync("/performance-indicators");
        await Assertions.Expect(page.Locator("tbody th", new() { HasTextString = "SW07" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync(browser, javaScript);
    }
}
