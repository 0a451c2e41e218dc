using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>A plan leaves Pif as a workbook (actions, updates, PDSA cycles), a Word document and its actions as CSV, read back here.</summary>
public sealed class PlanExportTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Xlsx_HoldsEveryActionWithItsLatestUpdate_EveryUpdate_AndEveryCycle_AndCsvTheActionsWithFormulasDisarmed()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "Exported plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        await EditAsync(lead, plan, actions[1], ("Form.Description", "=HYPERLINK(\"https://evil.example\")"));
        var action = $"/improvement-plans/{plan}/actions/{actions[0]}";
        await lead.PostFormAsync($"{action}?handler=Update", ("Update.Narrative", "Reviews booked"));
        await lead.PostFormAsync($"{action}?handler=Update", ("Update.Narrative", "Two reviews moved"), ("Update.Status", "AtRisk"));
        await lead.PostFormAsync($"{action}/cycles", ("Form.Change", "A reminder call"), ("Form.Prediction", "Fewer moves"), ("Form.Measure", "Moves a week"));

        var xlsx = await lead.GetAsync($"/improvement-plans/{plan}?handler=Xlsx", TestContext.Current.CancellationToken);
        var csv = await lead.GetAsync($"/improvement-plans/{plan}?handler=Csv", TestContext.Current.CancellationToken);

        Assert.Equal("improvement-plan-2026-to-2027.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar ?? xlsx.Content.Headers.ContentDisposition.FileName);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var rows = book.Query(useHeaderRow: true, sheetName: "Actions").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([1.0, 2.0], rows.Select(r => Convert.ToDouble(r["Action"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("Two reviews moved", rows[0]["Latest update"]);
        Assert.Equal("At risk", rows[0]["Status"]);
        Assert.Equal("2.1", rows[1]["Answers"]);
        book.Position = 0;
        var updates = book.Query(useHeaderRow: true, sheetName: "Updates").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Reviews booked", "Two reviews moved"], updates.Select(u => u["What happened"]));
        Assert.Equal("At risk", updates[1]["Status to"]);
        book.Position = 0;
        var cycles = book.Query(useHeaderRow: true, sheetName: "PDSA cycles").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("A reminder call", Assert.Single(cycles)["Change"]);

        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("\uFEFFAction,What will be done,", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);

        // The Word document: each action under its own heading with its fields, its updates in a table and its cycle.
        var docx = await lead.GetAsync($"/improvement-plans/{plan}?handler=Docx", TestContext.Current.CancellationToken);
        Assert.Equal("improvement-plan-2026-to-2027.docx", docx.Content.Headers.ContentDisposition!.FileNameStar ?? docx.Content.Headers.ContentDisposition.FileName);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);
        Assert.Empty(new OpenXmlValidator().Validate(word, TestContext.Current.CancellationToken).Select(e => e.Description));
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().ToList();
        var headings = paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal(2, headings.Count);
        Assert.StartsWith("Action 1: ", headings[0], StringComparison.Ordinal);
        Assert.Equal("Action 2: =HYPERLINK(\"https://evil.example\")", headings[1]);
        Assert.Contains(paragraphs, p => p.InnerText == "Status: At risk");
        Assert.Contains(paragraphs, p => p.InnerText == "Answers: 2.1");
        var table = Assert.Single(word.MainDocumentPart.Document.Body.Elements<Table>());
        Assert.Equal(["Reviews booked", "Two reviews moved"], table.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().ElementAt(2).InnerText));
        Assert.Contains(paragraphs, p => p.InnerText == "Change: A reminder call");
    }
}
