using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Outcomes;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.Reports;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.Reports;

/// <summary>
/// Glasgow's annual pack over the demo data: the year's grades, every indicator's latest figure with its direction worked
/// out by hand here, the plan's RAG counts, and the outcome agreement; the same in its Word document; only the council's
/// members, its link inspector and national administrators take it.
/// </summary>
public sealed class AnnualPackTests : IAsyncLifetime
{
    // No Chromium here, so the page offers no PDF and a PDF asked for says why; the browser tests print and read one.
    private readonly PifWebFactory factory = new PifWebFactory().With("Pdf:Chromium", "/nowhere/chromium");
    private Guid glasgow;

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
            await services.GetRequiredService<OutcomeDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
        }

        glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task ThePack_HoldsTheYearsGradesIndicatorsPlansAndOutcomes_AsTheDatabaseHoldsThem_AndItsWordDocumentAgrees()
    {
        var lead = await EvaluationSteps.AsAsync(factory, "lead.glasgow@pif.example");
        var page = await Html.ParseAsync(await lead.GetAsync("/reports/annual?Year=2026", TestContext.Current.CancellationToken));
        Assert.Equal("Glasgow City: annual pack 2026 to 2027", page.QuerySelector("h1").Text());

        // The 2026 self-evaluation (in progress), compared with the published one of 2025.
        Assert.Contains("Self-evaluation 2026 to 2027", page.QuerySelector("#self-evaluation + p").Text(), StringComparison.Ordinal);
        var grades = page.QuerySelector("#self-evaluation ~ div table")!.QuerySelectorAll("tbody tr");
        Assert.Equal(25, grades.Length);
        Assert.Equal(4, grades[0].QuerySelectorAll("th, td").Length);

        // Each indicator's direction, worked out here from its two latest figures and its polarity.
        var indicators = await factory.QueryAsync(async db =>
        {
            var values = await db.IndicatorValues.Where(v => v.Current && v.Area == ValueArea.Council && v.OrganisationId == glasgow && v.Value != null && v.FromYear <= 2026)
                .Join(db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null), v => v.IndicatorId, i => i.Id, (v, i) => new { i.Code, i.Polarity, v.FromYear, v.ToYear, Value = v.Value!.Value })
                .ToListAsync();
            return values.GroupBy(v => v.Code).ToDictionary(g => g.Key, g =>
            {
                var ordered = g.Where(v => v.ToYear - v.FromYear == g.MaxBy(x => x.FromYear)!.ToYear - g.MaxBy(x => x.FromYear)!.FromYear).OrderByDescending(v => v.FromYear).ToList();
                var (latest, before) = (ordered[0], ordered.Count > 1 ? ordered[1] : null);
                return before is null ? "Not known yet" : latest.Value == before.Value ? "No change"
                    : latest.Polarity == Polarity.Neither ? (latest.Value > before.Value ? "Higher" : "Lower")
                    : (latest.Value > before.Value) == (latest.Polarity == Polarity.HigherIsBetter) ? "Better" : "Worse";
            });
        });
        var rows = page.QuerySelector("#indicators ~ div table")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^1], r => r.QuerySelectorAll("td")[2].Text());
        Assert.Equal(indicators.OrderBy(i => i.Key), rows.OrderBy(r => r.Key));

        // Each indicator's place on the funnel of every council, as the indicator's own funnel page works it out.
        var funnels = await factory.QueryAsync(async db =>
        {
            var positions = new Dictionary<string, string>();
            var code = await db.Organisations.Where(o => o.Id == glasgow).Select(o => o.Code).SingleAsync();
            foreach (var row in page.QuerySelector("#indicators ~ div table")!.QuerySelectorAll("tbody tr"))
            {
                var shownCode = row.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^1];
                var indicator = await db.PerformanceIndicators.SingleAsync(i => i.Code == shownCode && i.OwnerOrganisationId == null);
                var period = row.QuerySelectorAll("td")[0].Text().Split(" in ")[^1];
                var funnel = await IndicatorFunnel.LoadAsync(db, indicator, period, Pif.Statistics.Funnels.OverdispersionAdjustment.Additive, CancellationToken.None);
                positions[indicator.Code] = funnel?.Result?.Points.FirstOrDefault(p => p.Unit.Id == code) is { } point ? AnalysisWording.Position(point, indicator.Polarity) : AnnualPackWording.NoFunnel;
            }

            return positions;
        });
        var shown = page.QuerySelector("#indicators ~ div table")!.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th a")!.GetAttribute("href")!.Split('/')[^1], r => r.QuerySelectorAll("td")[4].Text());
        Assert.Equal(funnels.OrderBy(f => f.Key), shown.OrderBy(f => f.Key));
        Assert.Contains(shown.Values, v => v != AnnualPackWording.NoFunnel);

        // The plan's actions by RAG add up to its actions, less those superseded (which have no RAG).
        var actions = await factory.QueryAsync(db => db.PlanActions.CountAsync(a => a.Status != ActionStatus.Superseded && db.ImprovementPlans.Any(p => p.Id == a.PlanId && p.OrganisationId == glasgow && p.State != PlanState.Draft)));
        var plan = page.QuerySelector("#plans + table tbody tr")!;
        Assert.Equal(actions, plan.QuerySelectorAll("td").Skip(1).Sum(td => int.Parse(td.Text(), System.Globalization.CultureInfo.InvariantCulture)));

        // Each local outcome's status is the one its agreement's page gives.
        var agreement = await factory.QueryAsync(db => db.OutcomeAgreements.Where(a => a.OrganisationId == glasgow).Select(a => a.Id).SingleAsync());
        var agreementPage = await Html.ParseAsync(await lead.GetAsync($"/outcomes/agreements/{agreement}", TestContext.Current.CancellationToken));
        var statuses = agreementPage.QuerySelectorAll(".pif-local-outcome > p:not(.ds_hint-text)").Select(p => p.Text().Trim()).ToList();
        Assert.Equal(3, statuses.Count);
        Assert.Equal(statuses, page.QuerySelector("#outcomes ~ table")!.QuerySelectorAll("tbody tr td").Select(td => td.Text().Trim()));
        Assert.Contains(statuses, s => s.Contains("better and", StringComparison.Ordinal));

        // The page reads all of this within the query budget (DESIGN.md section 7).
        factory.Queries.Reset();
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/reports/annual?Year=2026", TestContext.Current.CancellationToken)).StatusCode);
        Assert.True(factory.Queries.Count is >= 1 and <= 15, $"The annual pack sent {factory.Queries.Count} queries:\n{string.Join("\n\n", factory.Queries.Commands)}");

        var docx = await lead.GetAsync($"/reports/annual?handler=Docx&Council={glasgow}&Year=2026", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false);
        Assert.Empty(new OpenXmlValidator().Validate(word, TestContext.Current.CancellationToken).Select(e => e.Description));
        var body = word.MainDocumentPart!.Document!.Body!;
        Assert.Equal(["Self-evaluation", "Performance indicators", "Improvement plans", "Case studies published", "Outcomes"],
            body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText));
        var tables = body.Elements<Table>().ToList();
        Assert.Equal(26, tables[0].Elements<TableRow>().Count());
        Assert.Equal(indicators.Count + 1, tables[1].Elements<TableRow>().Count());
        Assert.All(tables[1].Elements<TableRow>().Skip(1), r => Assert.Equal(indicators[r.Elements<TableCell>().First().InnerText.Split(' ')[0]], r.Elements<TableCell>().ElementAt(3).InnerText));
        Assert.All(tables[1].Elements<TableRow>().Skip(1), r => Assert.Equal(funnels[r.Elements<TableCell>().First().InnerText.Split(' ')[0]], r.Elements<TableCell>().ElementAt(5).InnerText));
    }

    [Fact]
    public async Task APdfAskedFor_OnAServerWithoutChromium_SaysWhyAndStillShowsThePackToPrint()
    {
        var lead = await EvaluationSteps.AsAsync(factory, "lead.glasgow@pif.example");
        var page = await Html.ParseAsync(await lead.GetAsync("/reports/annual?Year=2026", TestContext.Current.CancellationToken));
        Assert.NotNull(page.QuerySelector("a[href*='handler=Docx']"));
        Assert.Null(page.QuerySelector("a[href*='handler=Pdf']"));

        var pdf = await lead.GetAsync($"/reports/annual?handler=Pdf&Council={glasgow}&Year=2026", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        var shown = await Html.ParseAsync(pdf);
        Assert.Equal(AnnualPackWording.PdfUnavailable, shown.QuerySelector("[role=alert] p").Text());
        Assert.Equal(25, shown.QuerySelector("#self-evaluation ~ div table")!.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task OnlyTheCouncilsMembersItsLinkInspectorAndNationalAdministrators_TakeIt()
    {
        foreach (var user in new[] { "viewer.glasgow@pif.example", "inspector@pif.example", "national.admin@pif.example" })
        {
            var client = await EvaluationSteps.AsAsync(factory, user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/annual?Council={glasgow}&Year=2025", TestContext.Current.CancellationToken)).StatusCode);
        }

        var fife = await EvaluationSteps.AsAsync(factory, "lead.fife@pif.example");
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/reports/annual?Council={glasgow}&Year=2025", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/reports/annual?handler=Docx&Council={glasgow}&Year=2025", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync("/reports/annual?Year=1999", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/reports/annual?handler=Pdf&Council={glasgow}&Year=2025", TestContext.Current.CancellationToken)).StatusCode);

        // A lead of one council gets that council's pack without choosing.
        var own = await Html.ParseAsync(await fife.GetAsync("/reports/annual?Year=2025", TestContext.Current.CancellationToken));
        Assert.Equal("Fife: annual pack 2025 to 2026", own.QuerySelector("h1").Text());
    }
}
