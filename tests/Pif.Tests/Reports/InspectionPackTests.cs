using System.IO.Compression;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Pif.Testing;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.Reports;

/// <summary>
/// The inspection-readiness pack of the demo's published self-evaluation: its ZIP holds the report, the evidence index,
/// the plan made from it and the council's indicator profile, each read back; another council gets 404; a server
/// without Chromium says the PDF cannot be made and offers the ZIP. The PDF itself is read in the browser tests.
/// </summary>
public sealed class InspectionPackTests : IAsyncLifetime
{
    private readonly PifWebFactory factory = new PifWebFactory().With("Pdf:Chromium", "/nowhere/chromium");
    private Guid id;
    private int evidence;

    public async ValueTask InitializeAsync()
    {
        _ = factory.Services;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<SelfEvaluationDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await services.GetRequiredService<EvidenceDemo>().SeedAsync(TestContext.Current.CancellationToken);
            await services.GetRequiredService<ImprovementPlanDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
            await services.GetRequiredService<IndicatorDemo>().SeedAsync(TestContext.Current.CancellationToken);
        }

        id = await factory.QueryAsync(db => db.SelfEvaluations.Where(s => s.State == SelfEvaluationState.Published).Select(s => s.Id).SingleAsync());
        evidence = await ReportSteps.LinkDemoEvidenceAsync(factory, id);
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task TheZip_HoldsTheReportTheEvidenceIndexThePlanAndTheProfile_EachReadBack()
    {
        var lead = await EvaluationSteps.AsAsync(factory, "lead.glasgow@pif.example");
        var (planTitle, actions) = await factory.QueryAsync(async db =>
        {
            var plan = await db.ImprovementPlans.Where(p => p.SelfEvaluationId == id).SingleAsync();
            return (plan.Title, await db.PlanActions.Where(a => a.PlanId == plan.Id).OrderBy(a => a.Number).Select(a => a.Description).ToListAsync());
        });
        var page = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/pack", TestContext.Current.CancellationToken));
        Assert.Contains(planTitle, page.QuerySelector("main ul")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("button[value=pdf]"));

        var response = await ExportSteps.DownloadAsync(lead, $"/self-evaluations/{id}/pack?handler=Prepare", ("format", "zip"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Glasgow City Self-evaluation 2025 to 2026 inspection-readiness pack.zip", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(["Self-evaluation report.docx", "Evidence index.xlsx", "Improvement plan.docx", "Improvement plan.xlsx", "Indicator profile.xlsx"], zip.Entries.Select(e => e.FullName));

        using (var report = WordprocessingDocument.Open(Entry(zip, "Self-evaluation report.docx"), false))
        {
            Assert.Equal(25, report.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2" && p.InnerText.Length > 3 && char.IsDigit(p.InnerText[0])));
        }

        using (var plan = WordprocessingDocument.Open(Entry(zip, "Improvement plan.docx"), false))
        {
            Assert.Equal(planTitle, plan.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().First().InnerText);
            Assert.Equal(actions.Select((a, i) => $"Action {i + 1}: {a}"), plan.MainDocumentPart.Document.Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText));
        }

        var planRows = Entry(zip, "Improvement plan.xlsx").Query(useHeaderRow: true, sheetName: "Actions").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(actions, planRows.Select(r => (string)r["What will be done"]));

        var profile = Entry(zip, "Indicator profile.xlsx");
        var sheets = MiniExcel.GetSheetNames(profile);
        Assert.NotEmpty(sheets);
        var expected = await factory.QueryAsync(db => db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null && i.Category == sheets[0]).Select(i => i.Code).ToListAsync());
        profile.Position = 0;
        var codes = profile.Query(useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object>>().Select(r => (string)r["Code"]).ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Contains(c, expected));
        profile.Position = 0;
        Assert.All(profile.Query(useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object>>(), r => Assert.NotNull(r["Glasgow City"]));

        var index = Entry(zip, "Evidence index.xlsx").Query(useHeaderRow: true, sheetName: "Evidence").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(evidence, index.Count);
        Assert.All(index, e => Assert.Matches("^https://localhost/evidence/[0-9a-f-]{36}$", (string)e["Link"]));
    }

    [Fact]
    public async Task AnotherCouncil_GetsNotFound_AndAServerWithoutChromium_SaysSoAndOffersTheZipOnly()
    {
        var fife = await EvaluationSteps.AsAsync(factory, "lead.fife@pif.example");
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/self-evaluations/{id}/pack", TestContext.Current.CancellationToken)).StatusCode);
        var token = await fife.GetFormTokenAsync("/");
        var post = await fife.PostAsync($"/self-evaluations/{id}/pack?handler=Prepare", new FormUrlEncodedContent([new("format", "zip"), new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.ExportJobs.CountAsync()));

        // Without Chromium the page says so and offers the ZIP only; a PDF asked for by hand is refused, and nothing is queued.
        var lead = await EvaluationSteps.AsAsync(factory, "lead.glasgow@pif.example");
        var page = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/pack", TestContext.Current.CancellationToken));
        Assert.Contains("no Chromium", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("button[value=zip]"));
        Assert.Null(page.QuerySelector("button[value=pdf]"));
        var pdf = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{id}/pack?handler=Prepare", ("format", "pdf")));
        Assert.Contains("no Chromium", pdf.QuerySelector("[role=alert] p").Text(), StringComparison.Ordinal);
        var unknown = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{id}/pack?handler=Prepare", ("format", "odt")));
        Assert.Equal("Choose the PDF or the ZIP.", unknown.QuerySelector("[role=alert] p").Text());
        Assert.Equal(0, await factory.QueryAsync(db => db.ExportJobs.CountAsync()));
    }

    private static MemoryStream Entry(ZipArchive zip, string name)
    {
        var copy = new MemoryStream();
        using (var entry = zip.GetEntry(name)!.Open())
        {
            entry.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }
}
