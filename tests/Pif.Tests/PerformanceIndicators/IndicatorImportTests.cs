using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.PerformanceIndicators;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// Importing indicator files: the real LGBF files as people download them, a second import of the same file, and
/// files and rows that cannot be taken, each refused with what to fix and nothing saved.
/// </summary>
public sealed class IndicatorImportTests
{
    private static string[] Problems(JsonElement import) =>
        [.. import.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()} {p.GetProperty("column").GetString()}: {p.GetProperty("message").GetString()}")];

    private static (int Added, int Revised, int Unchanged, int Skipped) Summary(JsonElement import)
    {
        var s = import.GetProperty("summary");
        return (s.GetProperty("added").GetInt32(), s.GetProperty("revised").GetInt32(), s.GetProperty("unchanged").GetInt32(), s.GetProperty("skipped").GetInt32());
    }

    [Fact]
    public async Task RealLgbfFiles_Import108IndicatorsFor32Councils_GlasgowSw07AgainstScotland_AndTheSameFileAgainChangesNothing()
    {
        var information = SharedData.Find("lgbf_indicator_information.csv");
        var longFile = SharedData.Find("lgbf_scotland_real_long.csv");
        if (information is null || longFile is null)
        {
            Assert.Skip("../shared/data is not here; CI always has it.");
        }

        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        var catalogue = await ImportAsync(factory, key, await File.ReadAllBytesAsync(information, TestContext.Current.CancellationToken), "Indicator Information.csv");
        var (status, preview) = await UploadAsync(factory, key, await File.ReadAllBytesAsync(longFile, TestContext.Current.CancellationToken), "lgbf_scotland_real_long.csv");
        var (committed, values) = await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());

        Assert.Equal("LgbfIndicatorInformation", catalogue.GetProperty("layout").GetString());
        Assert.Equal((108, 0, 0, 0), Summary(catalogue));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("LgbfLong", preview.GetProperty("layout").GetString());
        Assert.Equal(35_466, preview.GetProperty("rows").GetInt32());
        Assert.Empty(Problems(preview));
        Assert.Equal((35_466, 0, 0, 0), Summary(preview));
        Assert.Equal(HttpStatusCode.OK, committed);
        Assert.Equal("Committed", values.GetProperty("state").GetString());
        Assert.Equal((35_466, 0, 0, 0), Summary(values));

        var sw07 = await factory.QueryAsync(db => db.PerformanceIndicators.SingleAsync(i => i.NormalisedCode == "SW7"));
        Assert.Equal(("SW07", MeasureType.Percentage, Polarity.HigherIsBetter, FamilyGrouping.Deprivation), (sw07.Code, sw07.MeasureType, sw07.Polarity, sw07.Grouping));
        Assert.Equal(108, await factory.QueryAsync(db => db.PerformanceIndicators.CountAsync()));
        Assert.Equal(32, await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.Area == ValueArea.Council).Select(v => v.OrganisationId).Distinct().CountAsync()));
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());
        var figures = await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == sw07.Id && v.Period == "2022-23" && v.Current)
            .Where(v => v.OrganisationId == glasgow || v.Area != ValueArea.Council).ToListAsync());
        Assert.Equal(0.82, figures.Single(v => v.OrganisationId == glasgow).Value!.Value, 2);
        Assert.Equal(0.75, figures.Single(v => v.Area == ValueArea.Scotland).Value!.Value, 2);
        Assert.Equal(4, figures.Count(v => v.Area == ValueArea.FamilyGroup));
        Assert.Contains(await factory.QueryAsync(db => db.FamilyGroupMemberships.Where(m => m.OrganisationId == glasgow).Select(m => new { m.Grouping, m.Group }).ToListAsync()),
            m => m.Grouping == FamilyGrouping.Deprivation && m.Group == 4);

        // Glasgow's profile sets every SW indicator (all in Adult Social Care Services) among the councils' figures.
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        var profile = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/profile", TestContext.Current.CancellationToken));
        var rows = profile.QuerySelectorAll("#Profile tbody tr").Select(r => r.Children.Select(c => c.Text()).ToArray()).ToList();
        Assert.Equal("Adult Social Care Services", profile.QuerySelector("h1").Text());
        Assert.Equal(["SW01", "SW02", "SW03a", "SW04b", "SW04c", "SW04d", "SW04e", "SW05", "SW06", "SW07", "SW08"], rows.Select(r => r[0].Split(':')[0]));
        Assert.Equal(["2022-23", "82.0%", "78.6%", "75.0%", "63.0%", "87.0%", "Best quarter"], rows.Single(r => r[0].StartsWith("SW07:", StringComparison.Ordinal))[1..]);
        Assert.Equal(["2022-23", "£42.57", "£42.92", "£31.85", "£78.39", "£16.82", "Worst quarter"], rows.Single(r => r[0].StartsWith("SW01:", StringComparison.Ordinal))[1..]);
        Assert.Equal("Spine chart of 11 indicators of Adult Social Care Services for Glasgow City, each between the worst and the best council's latest figure: 3 in the best quarter of councils, 2 in the worst quarter (SW01, SW05).",
            profile.QuerySelector("img.pif-chart")!.GetAttribute("alt"));
        var chart = await lead.GetAsync(profile.QuerySelector("img.pif-chart")!.GetAttribute("src"), TestContext.Current.CancellationToken);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("SW04e", await chart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/performance-indicators/profile?area=Nothing", TestContext.Current.CancellationToken)).StatusCode);

        // The same file again: nothing added, nothing revised, and committing one import twice is refused.
        var count = await factory.QueryAsync(db => db.IndicatorValues.CountAsync());
        var again = await ImportAsync(factory, key, await File.ReadAllBytesAsync(longFile, TestContext.Current.CancellationToken));
        var (twice, refusal) = await CommitAsync(factory, key, again.GetProperty("id").GetGuid());
        Assert.Equal((0, 0, 35_466, 0), Summary(again));
        Assert.Equal(count, await factory.QueryAsync(db => db.IndicatorValues.CountAsync()));
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Equal("The file has been imported already", refusal.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Rows_ThatCannotBeTaken_AreSkippedWithTheReason_MarkersReadAsNoValue_AndARevisionKeepsTheFigureItReplaces()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        const string header = ",Code,LocalAuthority,Year,LA_IndicatorReal,LA_Numerator_real,LA_Den_Real,Scotland_Indicator_Real,Scotland_Num_Real,Scotland_Den_Real,FG_Avg_Indicator_Real,FG_Avg_Num_Real,FG_Avg_Den_Real,FamilyGroup\n";
        var file = header
            + "0,SW07,Glasgow City,2021-22,0.80,,,0.74,,,0.78,,,Most Deprived\n"
            + "1,SW 7,Glasgo,2021-22,0.80,,,0.74,,,0.78,,,Most Deprived\n"
            + "2,ZZ99,Fife,2021-22,0.5,,,0.5,,,0.5,,,3\n"
            + "3,sw07,Fife,21-22,0.5,,,0.5,,,0.5,,,3\n"
            + "4,SW1,Fife,2021-22,-3,,,30,,,30,,,3\n"
            + "5,SW07,Fife,2021-22,#N/A,,,0.74,,,0.77,,,3\n"
            + "6,SW07,Glasgow City,2021-22,0.81,,,0.74,,,0.78,,,Most Deprived\n"
            + "7,SW07,Argyll & Bute,2021-22,dna,,,0.74,,,0.79,,,2\n"
            + ",,,,,,,,,,,,,\n";

        var (status, preview) = await UploadAsync(factory, key, file);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(
            [
                "3 LocalAuthority: “Glasgo” is not a council Pif knows: did you mean Glasgow City? The row is skipped",
                "4 Code: ZZ99 is not in the catalogue: import the indicator information file first, or add the indicator. Its rows are skipped",
                "5 Year: “21-22” is not a period Pif can read, such as 2022-23 or 2019-23: the row is skipped",
                "6 LA_IndicatorReal: SW1 counts cost, which cannot be below zero, but the value is -3: the row is skipped",
                "8 Code: SW07 for Glasgow City in 2021-22 is in the file twice: the second is skipped",
            ],
            Problems(preview));
        Assert.Equal((3, 0, 0, 5), Summary(preview));
        Assert.Equal(0, await factory.QueryAsync(db => db.IndicatorValues.CountAsync()));

        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());
        var fife = await factory.QueryAsync(db => db.IndicatorValues.SingleAsync(v => v.Area == ValueArea.Council && v.OrganisationId == db.Organisations.Single(o => o.Name == "Fife").Id));
        Assert.Null(fife.Value);
        Assert.Equal(0.74, (await factory.QueryAsync(db => db.IndicatorValues.SingleAsync(v => v.Area == ValueArea.Scotland))).Value);

        // A later file revises Glasgow's figure: the new one stands, the old one is kept.
        var revised = await ImportAsync(factory, key, Encoding.UTF8.GetBytes(header + "0,SW07,Glasgow City,2021-22,0.83,,,0.74,,,0.78,,,Most Deprived\n"));
        Assert.Equal((0, 1, 0, 0), Summary(revised));
        var glasgow = await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.Area == ValueArea.Council && v.OrganisationId == db.Organisations.Single(o => o.Name == "Glasgow City").Id)
            .OrderBy(v => v.Current).Select(v => new { v.Value, v.Current }).ToListAsync());
        Assert.Equal([(0.80, false), (0.83, true)], glasgow.Select(v => (v.Value!.Value, v.Current)));
    }

    [Fact]
    public async Task ACatalogueFileAgain_RevisesOnlyWhatChanged_AndOnlyWhenCommitted()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));

        var (_, preview) = await UploadAsync(factory, key, Catalogue.Replace("Home Care Costs per Hour", "Home Care Costs per Hour (65 and over)", StringComparison.Ordinal));
        var before = await factory.QueryAsync(db => db.PerformanceIndicators.Where(i => i.Code == "SW01").Select(i => i.Title).SingleAsync());
        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());

        Assert.Equal((0, 1, 1, 0), Summary(preview));
        Assert.Equal("Home Care Costs per Hour", before);
        Assert.Equal("Home Care Costs per Hour (65 and over)", await factory.QueryAsync(db => db.PerformanceIndicators.Where(i => i.Code == "SW01").Select(i => i.Title).SingleAsync()));
        Assert.Equal(2, await factory.QueryAsync(db => db.PerformanceIndicators.CountAsync()));
    }

    [Fact]
    public async Task Files_ThatCannotBeRead_AreRefusedWithWhatToFix_AndNothingIsKept()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        var cases = new (byte[] Content, string Message)[]
        {
            ([], "The file is empty: choose the file you downloaded and upload it again"),
            ([0x43, 0x6F, 0x64, 0x65, 0x2C, 0xFF, 0xFE, 0x0A], "The file is not UTF-8 text: save it from your spreadsheet program as “CSV UTF-8” (or as an Excel Workbook, .xlsx) and upload it again"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "The workbook could not be read: it may be damaged. Open it in your spreadsheet program, save it again as an Excel Workbook (.xlsx) or as “CSV UTF-8”, and upload it again"),
            (Encoding.UTF8.GetBytes("Code,Year,LA_IndicatorReal\nSW01,2022-23,40\n"), "The file has no council column: the figures need a column headed LocalAuthority or Local Authority or Council naming each row's council"),
            (Encoding.UTF8.GetBytes("Name,Age\nAnn,40\n"), "Pif does not know this file's layout. It reads the LGBF long file (columns Code, LocalAuthority, Year and the council's value), the LGBF indicator information file (columns Title, Code, MeasureType and Ranking_Type), a wide workbook (a Council column, then a column per indicator headed with its code, such as SW1 2022-23), and a council's own indicators (columns Code, Title, Period and Value). This file's columns are: Name, Age"),
            (Encoding.UTF8.GetBytes("Code,LocalAuthority,Year,LA_IndicatorReal\n"), "The file has a header but no rows of figures under it"),
        };
        foreach (var (content, message) in cases)
        {
            var (status, problem) = await UploadAsync(factory, key, content);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("The file was not imported", problem.GetProperty("title").GetString());
            Assert.Equal(message, problem.GetProperty("problems")[0].GetProperty("message").GetString());
        }

        // A council's lead imports its own indicators, not national files (LocalIndicatorImportTests); a viewer imports nothing.
        var viewerKey = await Security.SecuritySteps.CreateKeyAsync(await EvaluationSteps.AsAsync(factory, "viewer.glasgow@pif.example"));
        var (forbidden, _) = await UploadAsync(factory, viewerKey, Catalogue);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
        Assert.Equal(0, await factory.QueryAsync(db => db.IndicatorImports.CountAsync()));
    }

    [Fact]
    public async Task AFileOverTheLimit_IsRefusedSayingTheLimit()
    {
        await using var small = new PifWebFactory().With("IndicatorImports:MaxBytes", "1024");
        var key = await NationalKeyAsync(small);

        var (status, problem) = await UploadAsync(small, key, new byte[4096]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("The file is 4 KB: send a file of 1 KB or less.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await small.QueryAsync(db => db.IndicatorImports.CountAsync()));
    }

    [Theory]
    [InlineData("SW01", "SW1")]
    [InlineData("SW 01", "SW1")]
    [InlineData("sw1", "SW1")]
    [InlineData("SW001", "SW1")]
    [InlineData("SW03a", "SW3A")]
    [InlineData("CHN10", "CHN10")]
    [InlineData("C&L01", "C&L1")]
    public void Codes_FoldToOne(string given, string folded) => Assert.Equal(folded, IndicatorCodes.Normalise(given));
}
