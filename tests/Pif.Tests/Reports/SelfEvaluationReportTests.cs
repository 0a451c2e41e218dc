using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.SelfEvaluations;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Pif.Tests.Reports;

/// <summary>
/// The self-evaluation report of the demo's published 25-QI self-evaluation, as a page, a Word document and the HTML
/// the API gives: every QI's text and grades as the database holds them, the working only for those who see it, and
/// nothing for another council. The PDF is printed by Chromium and read back in the browser tests; here the server
/// has no Chromium, so the page and the API say so.
/// </summary>
public sealed class SelfEvaluationReportTests : IAsyncLifetime
{
    private const string Lead = "lead.glasgow@pif.example";
    private const string Viewer = "viewer.glasgow@pif.example";

    private readonly PifWebFactory factory = new PifWebFactory().With("Pdf:Chromium", "/nowhere/chromium");
    private Guid id;
    private ReportExpectations expected = null!;

    public async ValueTask InitializeAsync()
    {
        _ = factory.Services;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SelfEvaluationDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<EvidenceDemo>().SeedAsync(TestContext.Current.CancellationToken);
        }

        id = await factory.QueryAsync(db => db.SelfEvaluations.Where(s => s.State == SelfEvaluationState.Published).Select(s => s.Id).SingleAsync());

        await ReportSteps.LinkDemoEvidenceAsync(factory, id);
        expected = await ReportExpectations.LoadAsync(factory, id);
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task ThePage_HoldsEveryQisTextAndGrades_AndTheWorking_ForTheLead_WithinTheQueryBudget()
    {
        var lead = await EvaluationSteps.AsAsync(factory, Lead);
        await lead.GetAsync($"/self-evaluations/{id}/report", TestContext.Current.CancellationToken);
        factory.Queries.Reset();
        var response = await lead.GetAsync($"/self-evaluations/{id}/report", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.Queries.Count <= 15, $"The report page made {factory.Queries.Count} queries");

        var page = await Html.ParseAsync(response);
        var sections = page.QuerySelectorAll("section.pif-report-qi");
        Assert.Equal(25, expected.Qis.Count);
        Assert.Equal(expected.Qis.Select(q => q.Heading), sections.Select(s => s.QuerySelector("h3").Text()));
        foreach (var (qi, section) in expected.Qis.Zip(sections))
        {
            var text = ReportExpectations.Squeezed(section.TextContent);
            Assert.All(qi.Texts, t => Assert.Contains(ReportExpectations.Squeezed(t), text, StringComparison.Ordinal));
        }

        var whole = ReportExpectations.Squeezed(page.QuerySelector("main")!.TextContent);
        Assert.All(expected.Working, t => Assert.Contains(ReportExpectations.Squeezed(t), whole, StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("img.pif-chart[src^='data:image/svg+xml;base64,'][alt]"));
        Assert.Equal(25, page.QuerySelector("#profile ~ table")!.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Validation summary", page.QuerySelectorAll("h2").Select(h => h.Text()));
        Assert.NotEmpty(page.QuerySelectorAll("#evidence ~ table tbody tr"));

        // No Chromium here: the page offers the Word document and printing, not a PDF link that would fail.
        Assert.NotNull(page.QuerySelector($"a[href='/self-evaluations/{id}/report.docx']"));
        Assert.Null(page.QuerySelector($"a[href='/self-evaluations/{id}/report.pdf']"));
    }

    [Fact]
    public async Task TheWordDocument_HoldsEveryQisTextAndGrades_WithHeadingsTablesAndTheChart_AndIsValid()
    {
        var lead = await EvaluationSteps.AsAsync(factory, Lead);
        var response = await lead.GetAsync($"/self-evaluations/{id}/report.docx", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Glasgow City Self-evaluation 2025 to 2026 report.docx", response.Content.Headers.ContentDisposition!.FileNameStar);

        using var word = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);
        var invalid = new OpenXmlValidator().Validate(word, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").Distinct().ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        var body = word.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.Equal(["Method", "Quality indicators", "Grade profile and agreement", "Validation summary", "Evidence index"], paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));

        // Each QI is a Heading 2 followed by its text, up to the next QI.
        var qiHeadings = paragraphs.Select((p, i) => (p, i)).Where(x => Style(x.p) == "Heading2" && expected.Qis.Any(q => q.Heading == x.p.InnerText)).ToList();
        Assert.Equal(expected.Qis.Select(q => q.Heading), qiHeadings.Select(x => x.p.InnerText));
        for (var n = 0; n < qiHeadings.Count; n++)
        {
            var end = n + 1 < qiHeadings.Count ? qiHeadings[n + 1].i : paragraphs.Count;
            var text = ReportExpectations.Squeezed(string.Concat(paragraphs.Skip(qiHeadings[n].i).Take(end - qiHeadings[n].i).Select(p => p.InnerText + " ")));
            Assert.All(expected.Qis[n].Texts, t => Assert.Contains(ReportExpectations.Squeezed(t), text, StringComparison.Ordinal));
        }

        var all = ReportExpectations.Squeezed(body.InnerText);
        Assert.All(expected.Working, t => Assert.Contains(ReportExpectations.Squeezed(t), all, StringComparison.Ordinal));
        Assert.All(body.Elements<Table>(), t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        var picture = Assert.Single(body.Descendants<Dw.DocProperties>());
        Assert.Equal(GradeProfileChart.AlternativeText, picture.Description?.Value);
        Assert.Single(word.MainDocumentPart.ImageParts);
        // The strengths and areas for improvement are a real bulleted list.
        Assert.Contains(paragraphs, p => Style(p) == "ListBullet" && p.ParagraphProperties!.NumberingProperties is not null);
    }

    [Fact]
    public async Task AViewersCopy_LeavesOutTheWorking_InEveryForm()
    {
        var viewer = await EvaluationSteps.AsAsync(factory, Viewer);
        var page = await Html.ParseAsync(await viewer.GetAsync($"/self-evaluations/{id}/report", TestContext.Current.CancellationToken));
        var docx = await viewer.GetByteArrayAsync($"/self-evaluations/{id}/report.docx", TestContext.Current.CancellationToken);
        var html = await viewer.GetStringAsync($"/api/v1/self-evaluations/{id}/report?format=html", TestContext.Current.CancellationToken);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        foreach (var text in new[] { page.QuerySelector("main")!.TextContent, word.MainDocumentPart!.Document!.Body!.InnerText, html })
        {
            var squeezed = ReportExpectations.Squeezed(System.Net.WebUtility.HtmlDecode(text));
            Assert.All(expected.Working, t => Assert.DoesNotContain(ReportExpectations.Squeezed(t), squeezed, StringComparison.Ordinal));
            Assert.DoesNotContain("Proposedgrades", squeezed, StringComparison.Ordinal);
            Assert.DoesNotContain("Supportandchallenge", squeezed, StringComparison.Ordinal);
            Assert.Contains("leavesoutthecontributors'ownevaluations", squeezed, StringComparison.Ordinal);

            // What a viewer reads on the pages is all there.
            Assert.All(expected.Qis.SelectMany(q => q.Texts), t => Assert.Contains(ReportExpectations.Squeezed(t), squeezed, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AnotherCouncil_GetsNotFound_ForEveryForm()
    {
        var fife = await EvaluationSteps.AsAsync(factory, "lead.fife@pif.example");
        foreach (var path in new[] { $"/self-evaluations/{id}/report", $"/self-evaluations/{id}/report.docx", $"/self-evaluations/{id}/report.pdf", $"/api/v1/self-evaluations/{id}/report?format=docx" })
        {
            var response = await fife.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} gave {response.StatusCode}");
        }
    }

    [Fact]
    public async Task TheApi_GivesEachForm_AndRefusesAnUnknownOne_AndSaysPlainlyWhenItCannotPrint()
    {
        var lead = await EvaluationSteps.AsAsync(factory, Lead);
        var html = await lead.GetAsync($"/api/v1/self-evaluations/{id}/report", TestContext.Current.CancellationToken);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        var document = await Html.ParseAsync(html);
        Assert.Equal(25, document.QuerySelectorAll("section.pif-report-qi").Length);
        Assert.Equal("default-src 'none'; img-src data:; style-src 'unsafe-inline'", document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
        Assert.StartsWith("https://localhost/self-evaluations/", document.QuerySelector("section.pif-report-qi h3 a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("script, link[rel=stylesheet]"));

        var docx = await lead.GetAsync($"/api/v1/self-evaluations/{id}/report?format=DOCX", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);

        var unknown = await lead.GetAsync($"/api/v1/self-evaluations/{id}/report?format=odt", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("give format as html, docx or pdf", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var pdf = await lead.GetAsync($"/api/v1/self-evaluations/{id}/report?format=pdf", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("no Chromium", await pdf.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The page asked for a PDF says why there is none and still shows the report to print.
        var page = await lead.GetAsync($"/self-evaluations/{id}/report.pdf", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var shown = await Html.ParseAsync(page);
        Assert.Contains("no Chromium", shown.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        Assert.Equal(25, shown.QuerySelectorAll("section.pif-report-qi").Length);

        foreach (var other in new[] { "html", "txt", "DOCX2" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/self-evaluations/{id}/report.{other}", TestContext.Current.CancellationToken)).StatusCode);
        }
    }
}
