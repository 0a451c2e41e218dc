using System.Text;
using MiniExcelLibs;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>A plan leaves Pif as a workbook (actions, updates, PDSA cycles) and its actions as CSV, read back here.</summary>
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
    }
}
