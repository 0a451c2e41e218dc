using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pif.Testing;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.SelfEvaluations;
using UglyToad.PdfPig;

namespace Pif.BrowserTests;

/// <summary>
/// Glasgow's lead opens the report of the demo's published 25-QI self-evaluation from its overview, and downloads its
/// Word document and its PDF, which Chromium prints on the server: the PDF holds every QI's text and grades as the
/// database holds them, is tagged, and has bookmarks from its headings. A viewer's PDF has no working in it. The link
/// inspector opens the national overview from the home page.
/// </summary>
public sealed class ReportJourney(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly string[] AnnualSections = ["Self-evaluation", "Performance indicators", "Improvement plans", "Case studies published", "Outcomes"];

    private readonly PifWebFactory factory = new PifWebFactory().With("Pdf:Chromium", BrowserFixture.Chromium);
    private Uri host = null!;
    private Guid id;
    private ReportExpectations expected = null!;

    public async ValueTask InitializeAsync()
    {
        host = BrowserFixture.Serve(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SelfEvaluationDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<ImprovementPlanDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<IndicatorDemo>().SeedAsync(TestContext.Current.CancellationToken);
        }

        id = await factory.QueryAsync(db => db.SelfEvaluations.Where(s => s.State == SelfEvaluationState.Published).Select(s => s.Id).SingleAsync());
        expected = await ReportExpectations.LoadAsync(factory, id);
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheLead_OpensTheReport_AndDownloadsItsWordDocumentAndItsPdf_WhichHoldEveryQi(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript, host: host);
        var page = await context.NewPageAsync();
        await page.SignInAsync("lead.glasgow@pif.example");
        await page.GotoAsync($"/self-evaluations/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "The self-evaluation report" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(host, $"/self-evaluations/{id}/report").ToString());
        await Assertions.Expect(page.Locator("section.pif-report-qi")).ToHaveCountAsync(25);
        await page.AssertNoViolationsAsync(browser, javaScript);

        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report as a Word document (DOCX)" }).ClickAsync());
        Assert.Equal("Glasgow City Self-evaluation 2025 to 2026 report.docx", word.SuggestedFilename);
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report as a PDF" }).ClickAsync());
        Assert.Equal("Glasgow City Self-evaluation 2025 to 2026 report.pdf", pdf.SuggestedFilename);

        using var document = PdfDocument.Open(await File.ReadAllBytesAsync((await pdf.PathAsync())!, TestContext.Current.CancellationToken));
        var text = ReportExpectations.Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.All(expected.Qis, qi =>
        {
            Assert.Contains(ReportExpectations.Squeezed(qi.Heading), text, StringComparison.Ordinal);
            Assert.All(qi.Texts, t => Assert.Contains(ReportExpectations.Squeezed(t), text, StringComparison.Ordinal));
        });
        Assert.All(expected.Working, t => Assert.Contains(ReportExpectations.Squeezed(t), text, StringComparison.Ordinal));

        // Tagged for screen readers, with a bookmark for each heading: the sections, and each QI within its section.
        Assert.True(document.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.StructTreeRoot), "The PDF is not tagged");
        Assert.True(document.TryGetBookmarks(out var bookmarks), "The PDF has no bookmarks");
        // A heading that wraps onto two lines keeps its line break in its bookmark.
        var titles = bookmarks.GetNodes().Select(n => ReportExpectations.Squeezed(n.Title)).ToList();
        Assert.Contains("Method", titles);
        Assert.Contains("Evidenceindex", titles);
        Assert.All(expected.Qis, qi => Assert.Contains(ReportExpectations.Squeezed(qi.Heading), titles));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheLinkInspector_OpensTheNationalOverviewAndAnAnnualPack_FromTheHomePage(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript, host: host);
        var page = await context.NewPageAsync();
        await page.SignInAsync("inspector@pif.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read the national overview" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("National overview of self-evaluation");
        await Assertions.Expect(page.Locator("#grades + p + div tbody tr")).ToHaveCountAsync(25);
        await page.AssertNoViolationsAsync(browser, javaScript);

        // The annual pack of one of the councils they support.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take a council's annual pack" }).ClickAsync();
        await page.GetByLabel("Council").SelectOptionAsync(new SelectOptionValue { Label = "Glasgow City" });
        await page.GetByLabel("Financial year").SelectOptionAsync(new SelectOptionValue { Label = "2025 to 2026" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the pack" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Glasgow City: annual pack 2025 to 2026");
        await Assertions.Expect(page.Locator("#self-evaluation ~ div table").First.Locator("tbody tr")).ToHaveCountAsync(25);
        await page.AssertNoViolationsAsync(browser, javaScript);

        // Its PDF, printed from the same sections: every section and every indicator, with a bookmark for each section.
        var codes = await page.Locator("#indicators ~ div table tbody th a").AllTextContentsAsync();
        Assert.NotEmpty(codes);
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the pack as a PDF" }).ClickAsync());
        Assert.Equal("Glasgow City annual pack 2025 to 2026.pdf", pdf.SuggestedFilename);
        using var document = PdfDocument.Open(await File.ReadAllBytesAsync((await pdf.PathAsync())!, TestContext.Current.CancellationToken));
        var text = ReportExpectations.Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.All(codes, c => Assert.Contains(ReportExpectations.Squeezed(c), text, StringComparison.Ordinal));
        Assert.True(document.TryGetBookmarks(out var bookmarks), "The PDF has no bookmarks");
        var titles = bookmarks.GetNodes().Select(n => ReportExpectations.Squeezed(n.Title)).ToList();
        Assert.All(AnnualSections, h => Assert.Contains(ReportExpectations.Squeezed(h), titles));
    }

    [Fact]
    public async Task ThePacksPdf_AddsThePlanAndTheIndicatorProfileToTheReport()
    {
        var (actions, codes) = await factory.QueryAsync(async db => (
            await db.PlanActions.Where(a => db.ImprovementPlans.Any(p => p.Id == a.PlanId && p.SelfEvaluationId == id)).Select(a => a.Description).ToListAsync(),
            await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null && i.Category != null).Select(i => i.Code).ToListAsync()));
        await using var context = await browser.NewContextAsync(javaScript: true, host: host);
        var page = await context.NewPageAsync();
        await page.SignInAsync("lead.glasgow@pif.example");
        await page.GotoAsync($"/self-evaluations/{id}/report");
        await page.GetByRole(AriaRole.Link, new() { Name = "inspection-readiness pack" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Inspection-readiness pack");
        await page.AssertNoViolationsAsync(browser, javaScript: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the pack as one PDF" }).ClickAsync();

        // The export's page follows it as it is made, and offers the download once it is done.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The inspection-readiness pack as one PDF");
        var download = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download ") });
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.AssertNoViolationsAsync(browser, javaScript: true);
        var pdf = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.Equal("Glasgow City Self-evaluation 2025 to 2026 inspection-readiness pack.pdf", pdf.SuggestedFilename);

        using var document = PdfDocument.Open(await File.ReadAllBytesAsync((await pdf.PathAsync())!, TestContext.Current.CancellationToken));
        var text = ReportExpectations.Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(ReportExpectations.Squeezed(a), text, StringComparison.Ordinal));
        Assert.All(expected.Qis, qi => Assert.Contains(ReportExpectations.Squeezed(qi.Heading), text, StringComparison.Ordinal));
        Assert.Contains(codes, c => text.Contains(c, StringComparison.Ordinal));
        Assert.True(document.TryGetBookmarks(out var bookmarks), "The pack has no bookmarks");
        var titles = bookmarks.GetNodes().Select(n => n.Title).ToList();
        Assert.Contains("Improvement plan", titles);
        Assert.Contains("Indicator profile", titles);
    }

    [Fact]
    public async Task AViewersPdf_LeavesOutTheWorking()
    {
        await using var context = await browser.NewContextAsync(javaScript: true, host: host);
        var page = await context.NewPageAsync();
        await page.SignInAsync("viewer.glasgow@pif.example");
        var response = await page.APIRequest.GetAsync($"/self-evaluations/{id}/report.pdf");
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var bytes = await response.BodyAsync();
        using var document = PdfDocument.Open(bytes);
        var text = ReportExpectations.Squeezed(string.Concat(document.GetPages().Select(p => p.Text)));
        Assert.All(expected.Qis.SelectMany(q => q.Texts), t => Assert.Contains(ReportExpectations.Squeezed(t), text, StringComparison.Ordinal));
        Assert.All(expected.Working, t => Assert.DoesNotContain(ReportExpectations.Squeezed(t), text, StringComparison.Ordinal));
    }
}
