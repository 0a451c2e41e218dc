using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Pif.Testing;
using Pif.Web.Modules.Reports;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Tests.Reports;

/// <summary>
/// The national overview over the demo's published self-evaluation: its counts equal what the database holds, it names
/// no council, only national administrators and link inspectors open it, and its workbook holds the same figures.
/// </summary>
public sealed class NationalOverviewTests : IAsyncLifetime
{
    private readonly PifWebFactory factory = new();

    public async ValueTask InitializeAsync()
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SelfEvaluationDemo>().SeedAsync("demo", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task TheOverview_CountsGradesAndMovesAsTheDatabaseHoldsThem_NamesNoCouncil_AndItsWorkbookAgrees()
    {
        var published = await factory.QueryAsync(db => db.SelfEvaluations.Where(s => s.State == SelfEvaluationState.Published).Select(s => s.Id).SingleAsync());
        var decisions = await factory.QueryAsync(db => db.ValidationDecisions.Join(db.QiEvaluations.Where(q => q.SelfEvaluationId == published), d => d.QiEvaluationId, q => q.Id, (d, q) => new { q.QiCode, d.AgreedGrade, d.Grade }).ToListAsync());
        Assert.Equal(25, decisions.Count);

        var inspector = await EvaluationSteps.AsAsync(factory, "inspector@pif.example");
        await inspector.GetAsync("/reports/national", TestContext.Current.CancellationToken);
        factory.Queries.Reset();
        var response = await inspector.GetAsync("/reports/national", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(factory.Queries.Count <= 15, $"The national overview made {factory.Queries.Count} queries");
        var page = await Html.ParseAsync(response);
        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain("Glasgow", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Fife", main, StringComparison.Ordinal);

        // Each QI's row: one council at its agreed level and one at its validated level.
        var rows = page.QuerySelectorAll("#grades + p + div tbody tr");
        Assert.Equal(25, rows.Length);
        foreach (var row in rows)
        {
            var decision = decisions.Single(d => row.QuerySelector("th").Text().StartsWith(d.QiCode + " ", StringComparison.Ordinal));
            var cells = row.QuerySelectorAll("td").Select(td => int.Parse(td.Text(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(1, 6).Select(l => l == decision.AgreedGrade ? 1 : 0).Concat(Enumerable.Range(1, 6).Select(l => l == decision.Grade ? 1 : 0)), cells);
        }

        var agreed = decisions.Count(d => d.Grade == d.AgreedGrade);
        Assert.Contains($"{Math.Round(100.0 * agreed / 25):0}%", page.QuerySelector("#agreement + dl")!.Text(), StringComparison.Ordinal);
        var moves = page.QuerySelectorAll("#agreement ~ table tbody tr").Take(decisions.Select(d => d.Grade - d.AgreedGrade).Distinct().Count())
            .ToDictionary(r => r.QuerySelector("th").Text(), r => r.QuerySelectorAll("td")[0].Text());
        Assert.Equal(agreed.ToString(System.Globalization.CultureInfo.InvariantCulture), moves["Agreed"]);
        Assert.Equal(decisions.Count(d => d.Grade == d.AgreedGrade - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), moves.GetValueOrDefault("Lowered by 1 level", "0"));
        Assert.Equal("2025 to 2026", page.QuerySelector("#cycles ~ table tbody th")!.Text());

        // The trend across cycles in words and as a chart: the one cycle's mean grades, as the database holds them.
        var meanAgreed = decisions.Average(d => d.AgreedGrade).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var meanValidated = decisions.Average(d => d.Grade).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"One cycle so far, 2025 to 2026: {meanAgreed} agreed and {meanValidated} validated, on average, over 1 self-evaluation.", page.QuerySelector("#cycles-summary")!.Text());
        var chartAddress = page.QuerySelector("#cycles ~ img.pif-chart")!.GetAttribute("src")!;
        var chart = await inspector.GetAsync(chartAddress, TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        var svg = await chart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(NationalWording.MeanAgreed, svg, StringComparison.Ordinal);
        Assert.Contains(NationalWording.MeanValidated, svg, StringComparison.Ordinal);
        var lead = await EvaluationSteps.AsAsync(factory, "lead.glasgow@pif.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(chartAddress, TestContext.Current.CancellationToken)).StatusCode);

        var xlsx = await ExportSteps.DownloadAsync(inspector, "/reports/national?handler=Prepare");
        Assert.Equal("National overview Performance Improvement Framework.xlsx", xlsx.Content.Headers.ContentDisposition!.FileNameStar);
        using var book = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var grades = book.Query(useHeaderRow: true, sheetName: "Grades by QI").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(25, grades.Count);
        Assert.All(grades, g =>
        {
            var decision = decisions.Single(d => d.QiCode == (string)g["Code"]);
            Assert.Equal(1.0, Convert.ToDouble(g.Single(c => c.Key.StartsWith($"Agreed {decision.AgreedGrade} ", StringComparison.Ordinal)).Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(1.0, Convert.ToDouble(g.Single(c => c.Key.StartsWith($"Validated {decision.Grade} ", StringComparison.Ordinal)).Value, System.Globalization.CultureInfo.InvariantCulture));
        });
        book.Position = 0;
        Assert.NotEmpty(book.Query(useHeaderRow: true, sheetName: "Themes"));
    }

    [Fact]
    public async Task OnlyNationalAdministratorsAndLinkInspectors_OpenIt()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await EvaluationSteps.AsAsync(factory, "national.admin@pif.example")).GetAsync("/reports/national", TestContext.Current.CancellationToken)).StatusCode);
        foreach (var user in new[] { "lead.glasgow@pif.example", "admin.fife@pif.example", "viewer.glasgow@pif.example" })
        {
            var client = await EvaluationSteps.AsAsync(factory, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/reports/national", TestContext.Current.CancellationToken)).StatusCode);
            var token = await client.GetFormTokenAsync("/");
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/reports/national?handler=Prepare", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Fact]
    public void Trend_SaysHowTheMeanGradesMovedFromTheFirstCycleToTheLast()
    {
        var none = new Pif.Statistics.AgreementResult(0, null, null, null, null, null);
        Assert.Equal("No cycle has a validated self-evaluation yet.", NationalWording.Trend([]));
        Assert.Equal("One cycle so far, 2024 to 2025: 3.50 agreed and none validated, on average, over 2 self-evaluations.",
            NationalWording.Trend([new NationalOverview.Cycle(2024, 2, 3.5, null, none)]));
        Assert.Equal("Over 3 cycles, from 2023 to 2024 to 2025 to 2026, the mean agreed grade went from 3.25 to 4.10 and the mean validated grade from 3.00 to 4.00.",
            NationalWording.Trend(
            [
                new NationalOverview.Cycle(2023, 4, 3.25, 3, none),
                new NationalOverview.Cycle(2024, 5, 3.8, 3.6, none),
                new NationalOverview.Cycle(2025, 6, 4.1, 4, none),
            ]));
    }

    [Fact]
    public void Themes_CountWordsAndPhrasesByCouncil_LeavingOutCommonWords_AndNeverAcrossPunctuation()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        var (words, phrases) = Themes.Find(
        [
            (first, "Care plans are not reviewed on time. Care plans lack outcomes."),
            (second, "Staff supervision is irregular; care plans are late."),
            (second, "Time, care and attention."),
        ], 5);

        Assert.Equal(new Theme("care", 4, 2), words[0]);
        Assert.Equal(new Theme("plans", 3, 2), words[1]);
        Assert.DoesNotContain(words, w => w.Text is "are" or "not" or "on" or "is" or "and");
        Assert.Equal([new Theme("care plans", 3, 2)], phrases);
    }
}
