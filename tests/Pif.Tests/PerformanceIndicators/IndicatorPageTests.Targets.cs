using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Targets;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// A council's targets and commentary on the indicator page, set by its administrators and leads, read by its members
/// and its link inspector, unseen by other councils; and the figures a later import revised. On the same host as the
/// page's other tests, so they share its figures: these change only periods and councils those tests do not read.
/// </summary>
public sealed partial class IndicatorPageTests
{
    private const string FifeLead = "lead.fife@pif.example";

    private Task<Guid> CouncilAsync(string name) => factory.QueryAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    private static string[] Rows(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"{table} tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.Text()))).ToArray();

    [Fact]
    public async Task Lead_SetsATargetAndCommentary_ThePageRatesTheFigure_MembersAndTheInspectorReadIt_OtherCouncilsDoNot()
    {
        await ImportFiguresAsync();
        var glasgow = await CouncilAsync("Glasgow City");
        var lead = await AsAsync(factory, Lead);
        var year = $"/performance-indicators/SW07/councils/{glasgow}/2021-22";

        var before = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07", TestContext.Current.CancellationToken));
        var saved = await lead.PostFormAsync(year, ("Form.Target", "85"), ("Form.RedThreshold", "81%"), ("Form.Commentary", "Two homes were graded weak.\r\nWe are supporting both."));
        var after = await Html.ParseAsync(saved);

        Assert.Contains("Glasgow City has set no target and written no commentary for SW07 yet.", before.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(["For 2021-22", "For 2022-23", "For 2023-24", "For 2024-25", "For 2025-26"], before.QuerySelectorAll("[aria-labelledby='new-target-heading'] a").Select(a => a.Text()));
        Assert.Equal($"/performance-indicators/SW07?council={glasgow}", saved.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("The target and commentary for 2021-22 have been saved", after.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(["2021-22|80.0%|85.0%|81.0%|Red: beyond the red threshold|Two homes were graded weak. We are supporting both.|Change the target and commentary for 2021-22"], Rows(after, "#Targets"));
        Assert.DoesNotContain("For 2021-22", after.QuerySelectorAll("[aria-labelledby='new-target-heading'] a").Select(a => a.Text()));

        // The form opens on what is saved, a percentage in percent.
        var form = await Html.ParseAsync(await lead.GetAsync(year, TestContext.Current.CancellationToken));
        Assert.Equal(["85", "81"], [form.QuerySelector("#Form_Target")!.GetAttribute("value"), form.QuerySelector("#Form_RedThreshold")!.GetAttribute("value")]);

        // The council's viewer and its link inspector read it; neither may change it.
        foreach (var reader in new[] { "viewer.glasgow@pif.example", "inspector@pif.example" })
        {
            var client = await AsAsync(factory, reader);
            var page = await Html.ParseAsync(await client.GetAsync($"/performance-indicators/SW07?council={glasgow}", TestContext.Current.CancellationToken));
            Assert.Equal(["2021-22|80.0%|85.0%|81.0%|Red: beyond the red threshold|Two homes were graded weak. We are supporting both."], Rows(page, "#Targets"));
            Assert.Null(page.QuerySelector("#new-target-heading"));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(year, TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostWithTokenAsync(client, year, ("Form.Target", "1"))).StatusCode);
        }

        // Another council sees Glasgow's public figures, not its targets, and cannot reach the form.
        var fife = await AsAsync(factory, FifeLead);
        var seenByFife = await Html.ParseAsync(await fife.GetAsync($"/performance-indicators/SW07?council={glasgow}", TestContext.Current.CancellationToken));
        Assert.NotEmpty(Rows(seenByFife, "#Figures"));
        Assert.Null(seenByFife.QuerySelector("#targets-heading"));
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync(year, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostWithTokenAsync(fife, year, ("Form.Target", "1"))).StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.CouncilIndicatorYears.CountAsync(y => y.OrganisationId == glasgow)));

        // The API gives the same to the same people: the council's members and its link inspector, not another council.
        foreach (var (reader, sees) in new[] { (Lead, true), ("inspector@pif.example", true), (FifeLead, false) })
        {
            var key = await Security.SecuritySteps.CreateKeyAsync(await AsAsync(factory, reader));
            var answer = await Security.SecuritySteps.RawClient(factory).SendAsync(Security.SecuritySteps.WithKey(HttpMethod.Get, "/api/v1/indicators/SW07/values?organisation=S12000049", key), TestContext.Current.CancellationToken);
            var targets = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("targets");
            Assert.Equal(sees ? "2021-22 0.85 0.81 Red Two homes were graded weak.\nWe are supporting both." : "Null",
                sees ? string.Join(";", targets.EnumerateArray().Select(t => string.Join(" ", t.GetProperty("period").GetString(), t.GetProperty("target").GetDouble().ToString(CultureInfo.InvariantCulture),
                    t.GetProperty("redThreshold").GetDouble().ToString(CultureInfo.InvariantCulture), t.GetProperty("rag").GetString(), t.GetProperty("commentary").GetString())))
                : targets.ValueKind.ToString());
        }

        Assert.Contains(await factory.QueryAsync(db => db.AuditEntries.Where(a => a.Action == "indicator-year.saved").Select(a => a.After).ToListAsync()),
            after => after!.Contains("\"Period\":\"2021-22\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Target_ForTheLatestFigure_ShowsBesideIt_AndATargetAheadOfTheFiguresIsKept()
    {
        await ImportFiguresAsync();
        var fife = await CouncilAsync("Fife");
        var lead = await AsAsync(factory, FifeLead);

        await lead.PostFormAsync($"/performance-indicators/SW07/councils/{fife}/2022-23", ("Form.Target", "84"), ("Form.RedThreshold", ""), ("Form.Commentary", ""));
        await lead.PostFormAsync($"/performance-indicators/SW07/councils/{fife}/2024-25", ("Form.Target", "88.5"), ("Form.RedThreshold", "80"), ("Form.Commentary", ""));
        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07", TestContext.Current.CancellationToken));
        var ahead = await Html.ParseAsync(await lead.GetAsync($"/performance-indicators/SW07/councils/{fife}/2024-25", TestContext.Current.CancellationToken));

        Assert.Contains("Target for 2022-23|84.0% Green: target met", page.QuerySelectorAll("#Latest .ds_summary-list__item").Select(r => $"{r.QuerySelector("dt").Text()}|{r.QuerySelector("dd").Text()}"));
        Assert.Equal(["2022-23|85.0%|84.0%|None|Green: target met|None|Change the target and commentary for 2022-23", "2024-25|No figure yet|88.5%|80.0%|Not rated|None|Change the target and commentary for 2024-25"], Rows(page, "#Targets"));
        Assert.Equal("There are no figures for 2024-25 yet: the target is set ahead of them.", ahead.QuerySelector("#Figures").Text());
    }

    [Fact]
    public async Task Target_BadInput_SaysWhatToFixBesideTheField_AndSavesNothing()
    {
        await ImportFiguresAsync();
        var glasgow = await CouncilAsync("Glasgow City");
        var lead = await AsAsync(factory, Lead);
        var year = $"/performance-indicators/SW07/councils/{glasgow}/2017-18";

        foreach (var (target, red, commentary, expected) in new[]
        {
            ("eighty", "", "", "Enter the target as a percentage, such as 85 or 85.5"),
            ("120", "", "", "Enter the target as a percentage from 0 to 100"),
            ("", "70", "", "Enter the target the red threshold goes with, or leave the red threshold empty"),
            ("80", "85", "", "Enter a red threshold below the target: higher is better for this indicator"),
            ("80", "-5", "", "Enter the red threshold as a percentage from 0 to 100"),
            ("", "", new string('x', CouncilIndicatorYear.CommentaryMaxLength + 1), "Commentary must be 4,000 characters or fewer"),
        })
        {
            var page = await Html.ParseAsync(await lead.PostFormAsync(year, ("Form.Target", target), ("Form.RedThreshold", red), ("Form.Commentary", commentary)));
            Assert.Equal([expected], page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
            Assert.Equal(target, page.QuerySelector("#Form_Target")!.GetAttribute("value") ?? "");
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.CouncilIndicatorYears.CountAsync(y => y.OrganisationId == glasgow && y.Period == "2017-18")));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/performance-indicators/SW07/councils/{glasgow}/twenty", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/performance-indicators/ZZ99/councils/{glasgow}/2017-18", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Target_SavedByAnotherFirst_IsStale_AndEmptyingEveryFieldRemovesIt()
    {
        await ImportFiguresAsync();
        var glasgow = await CouncilAsync("Glasgow City");
        var lead = await AsAsync(factory, Lead);
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");
        var year = $"/performance-indicators/SW07/councils/{glasgow}/2026-27";

        // Both open the empty form; the administrator saves first.
        await admin.PostFormAsync(year, ("Form.Target", "90"), ("Form.Stamp", ""));
        var stale = await Html.ParseAsync(await PostWithTokenAsync(lead, year, ("Form.Target", "95"), ("Form.Stamp", "")));
        Assert.Contains("Someone else saved this period's target or commentary after you opened it", stale.QuerySelector(".ds_error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Equal("90.0%", stale.QuerySelector("#Saved dd")!.Text());
        Assert.Equal(0.9, await factory.QueryAsync(db => db.CouncilIndicatorYears.Where(y => y.OrganisationId == glasgow && y.Period == "2026-27").Select(y => y.Target).SingleAsync()));

        var stamp = stale.QuerySelector("input[name='Form.Stamp']")!.GetAttribute("value")!;
        await PostWithTokenAsync(lead, year, ("Form.Target", ""), ("Form.RedThreshold", ""), ("Form.Commentary", "  "), ("Form.Stamp", stamp));
        Assert.False(await factory.QueryAsync(db => db.CouncilIndicatorYears.AnyAsync(y => y.OrganisationId == glasgow && y.Period == "2026-27")));
    }

    [Fact]
    public async Task RevisedFigure_StandsOnThePage_AndTheRevisionsListEveryFigureWithItsFile()
    {
        await ImportFiguresAsync();
        var dundee = await CouncilAsync("Dundee City");
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Header + "0,SW07,Dundee City,2017-18,0.77,,,0.75,,,0.79,,,Most Deprived\n"), "revised.csv");
        var viewer = await AsAsync(factory, "viewer.glasgow@pif.example");

        var page = await Html.ParseAsync(await viewer.GetAsync($"/performance-indicators/SW07?council={dundee}", TestContext.Current.CancellationToken));

        Assert.Equal("2017-18|77.0%|79.0%|75.0%", Rows(page, "#Figures")[0]);
        Assert.Equal(["2017-18|77.0%|revised.csv|Yes", "2017-18|80.0%|file.csv|No, revised"],
            Rows(page, "#Revisions").Select(r => string.Join("|", r.Split('|') is var c ? [c[0], c[1], c[2], c[4]] : [])));
    }

    [Fact]
    public async Task Profile_OpensOnTheUsersCouncil_ListsTheIndicatorsItHasFiguresFor_AndNeedsFourCouncilsForAQuarter()
    {
        await ImportFiguresAsync();
        var lead = await AsAsync(factory, Lead);
        var national = await AsAsync(factory, NationalAdmin);

        var profile = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/profile", TestContext.Current.CancellationToken));
        var choose = await Html.ParseAsync(await national.GetAsync("/performance-indicators/profile", TestContext.Current.CancellationToken));

        Assert.Equal("Profile, Glasgow City", profile.QuerySelector(".ds_page-header__label").Text());
        Assert.Equal(["SW07: % of Care Services Graded Good or Better|2022-23|82.0%|79.0%|75.0%|81.0%|85.0%|Too few councils"], Rows(profile, "#Profile"));
        Assert.StartsWith("Spine chart of 1 indicators of Adult Social Care Services for Glasgow City", profile.QuerySelector("img.pif-chart")!.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains("Choose a council to see every indicator of a service area at once.", choose.QuerySelector("main").Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 0.82, 0.80, 0.75, TargetRag.Green)]
    [InlineData(Polarity.HigherIsBetter, 0.80, 0.80, null, TargetRag.Green)]
    [InlineData(Polarity.HigherIsBetter, 0.78, 0.80, 0.75, TargetRag.Amber)]
    [InlineData(Polarity.HigherIsBetter, 0.75, 0.80, 0.75, TargetRag.Amber)]
    [InlineData(Polarity.HigherIsBetter, 0.70, 0.80, 0.75, TargetRag.Red)]
    [InlineData(Polarity.HigherIsBetter, 0.10, 0.80, null, TargetRag.Amber)]
    [InlineData(Polarity.LowerIsBetter, 20.0, 25.0, 30.0, TargetRag.Green)]
    [InlineData(Polarity.LowerIsBetter, 28.0, 25.0, 30.0, TargetRag.Amber)]
    [InlineData(Polarity.LowerIsBetter, 31.0, 25.0, 30.0, TargetRag.Red)]
    [InlineData(Polarity.Neither, 31.0, 25.0, null, null)]
    public void Rating_AppliesThePolarity(Polarity polarity, double value, double target, double? red, TargetRag? expected) =>
        Assert.Equal(expected, TargetRating.Rate(polarity, value, target, red));

    [Fact]
    public void OfferedPeriods_FollowTheFiguresOwnSpacingAndWriting()
    {
        static IndicatorSeries Series(params (string Period, int From, int To)[] points) => new(
            new PerformanceIndicator { Code = "X", NormalisedCode = "X", Title = "X" }, Guid.Empty, "A council", null,
            [.. points.Select(p => new IndicatorSeries.Point(p.Period, p.From, p.To, 1, null, null))]);

        Assert.Equal(["2021-22", "2022-23", "2023-24", "2024-25", "2025-26"], TargetPeriods.Offered(Series(("2017-18", 2017, 2018), ("2021-22", 2021, 2022), ("2022-23", 2022, 2023)), new DateOnly(2026, 12, 3)));
        Assert.Equal(["2017-21", "2018-22", "2019-23", "2020-24", "2021-25"], TargetPeriods.Offered(Series(("2017-21", 2017, 2021), ("2018-22", 2018, 2022)), new DateOnly(2026, 12, 3)));
        Assert.Equal(["2020", "2022", "2024", "2026", "2028"], TargetPeriods.Offered(Series(("2020", 2020, 2020), ("2022", 2022, 2022)), new DateOnly(2026, 12, 3)));
        Assert.Equal(["2026-27", "2027-28", "2028-29"], TargetPeriods.Offered(Series(), new DateOnly(2026, 12, 3)));
        Assert.Equal(["2025-26", "2026-27", "2027-28"], TargetPeriods.Offered(Series(), new DateOnly(2026, 3, 31)));
    }

    /// <summary>Posts a form with a token from another page: for a page the user may not open, or a stamp the page no longer holds.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var token = await client.GetFormTokenAsync("/account/change-password");
        using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
        return await client.PostAsync(path, content, TestContext.Current.CancellationToken);
    }
}
