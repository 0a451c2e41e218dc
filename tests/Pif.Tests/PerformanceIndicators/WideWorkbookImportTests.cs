using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Pif.Testing;
using Pif.Web.Modules.PerformanceIndicators;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// Wide workbooks, XLSX and CSV, laid out as the LGBF publisher's benchmarking workbook is: every trap such a file
/// holds (spaced and unpadded codes, percentages out of 100, text markers, duplicate headings, Scotland and
/// family-average rows), and every workbook that cannot be read refused with what to fix and nothing kept.
/// </summary>
public sealed class WideWorkbookImportTests
{
    /// <summary>The sheet as a person would lay it out: a council column, then the code and year in each heading.</summary>
    private static readonly object?[][] Traps =
    [
        ["Council", "SW1 2021-22", "SW 07 2021-22", "sw07 (2022/23)", "SW07 2022-23", "Notes", "ZZ9 2022-23"],
        ["Glasgow City", 30.5, 80.0, 82.0, 99.0, "checked", 5.0],
        ["Eilean Siar", 40.25, "dna", "NA", null, null, null],
        ["Fife", "n/a", "#N/A", "*", null, null, null],
        ["Argyll & Bute", "-", "..", null, null, null, null],
        ["Scotland", 25.0, 74.0, 75.0, null, null, null],
        ["Family group 4 average", 28.0, 78.0, 79.0, null, null, null],
        ["Family group average", 28.0, 78.0, 79.0, null, null, null],
        ["Glasgo", 31.0, 81.0, 83.0, null, null, null],
        ["Glasgow City", 31.0, 81.0, 83.0, null, null, null],
        ["City of Edinburgh", -2.0, "about 70", 71.0, null, null, null],
        [null, null, null, null, null, null, null],
    ];

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task AWorkbookWithEveryTrap_ReadsMarkersAsNoValue_ConvertsPercentages_AndSkipsWhatItCannotTakeWithTheReason(string format)
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));

        var (status, preview) = await UploadAsync(factory, key, format == "xlsx" ? Xlsx(Traps) : Csv(Traps), $"benchmarking.{format}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("WideWithYearInHeadings", preview.GetProperty("layout").GetString());
        Assert.Equal(
            [
                "1 E (SW07 2022-23): Column D is headed “sw07 (2022/23)” too, the same indicator and period: this column's figures are skipped",
                "1 G (ZZ9 2022-23): ZZ9 is not in the catalogue: import the indicator information file first, or add the indicator. The column's figures are skipped",
                "8 Council: Pif cannot tell which family group “Family group average” is: name the row such as “Family group 1 average”. Its figures are skipped",
                "9 Council: “Glasgo” is not a council Pif knows: did you mean Glasgow City? The row's figures are skipped",
                "10 Council: Glasgow City is also in row 2: this row's figures are skipped",
                "11 B (SW1 2021-22): SW01 counts cost, which cannot be below zero, but the figure is -2: it is skipped",
                "11 C (SW 07 2021-22): “about 70” is not a number: this figure is skipped",
            ],
            Problems(preview));
        var notes = preview.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.Contains("SW07: the file gives percentages out of 100 (82 for 82 %), and Pif holds SW07 as fractions, so they are divided by 100.", notes);
        Assert.Contains("Columns not read, as their headings are not indicator codes: “Notes”.", notes);
        Assert.Contains("8 cells have no value (blank, or a marker such as dna, n/a or *): they are left out and change nothing.", notes);
        Assert.Equal(format == "xlsx", notes.Contains("Pif read the workbook's first sheet, “Sheet1”."));

        // Glasgow's three figures, Eilean Siar's one, Edinburgh's one, and Scotland's and family group 4's three each (kept apart from the councils').
        // Skipped: row 8's three, row 9's three, row 10's three, row 11's two, column E's one and column G's one.
        Assert.Equal((11, 0, 0, 13), Summary(preview));
        Assert.Equal(0, await factory.QueryAsync(db => db.IndicatorValues.CountAsync()));

        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());

        var saved = await factory.QueryAsync(db => db.IndicatorValues
            .Select(v => new { Code = db.PerformanceIndicators.Single(i => i.Id == v.IndicatorId).Code, v.Area, Council = db.Organisations.Where(o => o.Id == v.OrganisationId).Select(o => o.Name).SingleOrDefault(), v.FamilyGroup, v.Period, v.Value })
            .ToListAsync());
        Assert.Equal(
            [
                "SW01 2021-22 Council Glasgow City 30.5",
                "SW01 2021-22 Council Na h-Eileanan Siar 40.25",
                "SW01 2021-22 FamilyGroup 4 28",
                "SW01 2021-22 Scotland - 25",
                "SW07 2021-22 Council Glasgow City 0.8",
                "SW07 2021-22 FamilyGroup 4 0.78",
                "SW07 2021-22 Scotland - 0.74",
                "SW07 2022-23 Council City of Edinburgh 0.71",
                "SW07 2022-23 Council Glasgow City 0.82",
                "SW07 2022-23 FamilyGroup 4 0.79",
                "SW07 2022-23 Scotland - 0.75",
            ],
            saved.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Code} {v.Period} {v.Area} {v.Council ?? v.FamilyGroup?.ToString(CultureInfo.InvariantCulture) ?? "-"} {v.Value}")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AYearColumn_GivesEachRowItsPeriod_AFigureWithAPercentSignIsAFraction_AndTheSameFiguresAgainChangeNothing()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        const string header = ",Code,LocalAuthority,Year,LA_IndicatorReal,LA_Numerator_real,LA_Den_Real,Scotland_Indicator_Real,Scotland_Num_Real,Scotland_Den_Real,FG_Avg_Indicator_Real,FG_Avg_Num_Real,FG_Avg_Den_Real,FamilyGroup\n";
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(header + "0,SW07,Glasgow City,2021-22,0.8,160,200,0.74,,,0.78,,,Most Deprived\n"));
        const string wide = "Local Authority,Year,SW 01,SW7\nGlasgow City,2021-22,\"£1,030.50\",80%\nGlasgow City,2022/23,31,82.5%\nFife,22-23,20,70%\n";

        var (_, preview) = await UploadAsync(factory, key, wide, "by-year.csv");

        Assert.Equal("WideWithYearColumn", preview.GetProperty("layout").GetString());
        Assert.Equal(["4 Year: “22-23” is not a period Pif can read, such as 2022-23 or 2019-23: the row's figures are skipped"], Problems(preview));

        // Glasgow's SW07 for 2021-22 is the figure held (its numerator and denominator are not a difference); the rest are new.
        Assert.Equal((3, 0, 1, 2), Summary(preview));
        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());
        var glasgow = await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.Current && v.OrganisationId == db.Organisations.Single(o => o.Name == "Glasgow City").Id)
            .OrderBy(v => v.Period).ThenBy(v => v.Value).Select(v => new { v.Period, v.Value, v.Numerator }).ToListAsync());
        Assert.Equal(
            [("2021-22", 0.8, (double?)160), ("2021-22", 1030.5, null), ("2022-23", 0.825, null), ("2022-23", 31, null)],
            glasgow.Select(v => (v.Period, v.Value!.Value, v.Numerator)));

        var again = await ImportAsync(factory, key, Encoding.UTF8.GetBytes(wide));
        Assert.Equal((0, 0, 4, 2), Summary(again));
    }

    [Fact]
    public async Task AnIndicatorHeldOutOf100_TakesAFileOfFractionsMultipliedBy100_AndSaysSo()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        const string header = ",Code,LocalAuthority,Year,LA_IndicatorReal\n";
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(header + "0,SW07,Glasgow City,2021-22,38.4\n1,SW07,Fife,2021-22,22.1\n"));

        var (_, preview) = await UploadAsync(factory, key, Xlsx([["Council", "SW07 2022-23"], ["Glasgow City", 0.391], ["Fife", 0.2]]), "fractions.xlsx");

        Assert.Contains("SW07: the file gives percentages as fractions (0.82 for 82 %), and Pif holds SW07 out of 100, so they are multiplied by 100.",
            preview.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());
        Assert.Equal([22.1, 38.4, 20, 39.1], await factory.QueryAsync(db => db.IndicatorValues.OrderBy(v => v.Period).ThenBy(v => v.Value).Select(v => v.Value!.Value).ToListAsync()));
    }

    [Fact]
    public async Task SmallPercentages_PeriodsWrittenInFull_DecimalCommas_AndOneFigureInTwoColumns_AreEachReadAsTheyMean()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));

        // Pif holds SW07 as small fractions (1.4 % and 1.6 %), so 1.4 in a file is 1.4 %, not 140 %.
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(",Code,LocalAuthority,Year,LA_IndicatorReal\n0,SW07,Glasgow City,2021-22,0.014\n1,SW07,Fife,2021-22,0.016\n"));
        const string wide = "Council,Year,SW07,SW07 2022-23,SW01 2022/2023\nGlasgow City,2022-23,1.4,1.5,\"1,234.5\"\nFife,2022-23,\"0,82\",,10\nScotland,2022-23,1.3,,20\n";

        var (_, preview) = await UploadAsync(factory, key, wide, "edges.csv");

        Assert.Equal(
            [
                "2 D (SW07 2022-23): Column C (SW07) gives SW07 for 2022-23 too: this figure is skipped",
                "3 C (SW07): “0,82” is not a number: this figure is skipped",
            ],
            Problems(preview));
        Assert.Contains("SW07: the file gives percentages out of 100 (82 for 82 %), and Pif holds SW07 as fractions, so they are divided by 100.",
            preview.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());
        var saved = await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.Period != "2021-22")
            .Select(v => new { Code = db.PerformanceIndicators.Single(i => i.Id == v.IndicatorId).Code, v.Period, v.Area, v.Value }).ToListAsync());
        Assert.Equal(
            ["SW01 2022-23 Council 10", "SW01 2022-23 Council 1234.5", "SW01 2022-23 Scotland 20", "SW07 2022-23 Council 0.014", "SW07 2022-23 Scotland 0.013"],
            saved.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Code} {v.Period} {v.Area} {v.Value}")).Order(StringComparer.Ordinal));
        Assert.Equal((0, 0, 5, 2), Summary(await ImportAsync(factory, key, Encoding.UTF8.GetBytes(wide))));

        // A file of Scotland's figures alone, twice: the second finds them held.
        var scotland = Encoding.UTF8.GetBytes("Council,SW07 2030-31\nScotland,50\n");
        await ImportAsync(factory, key, scotland);
        Assert.Equal((0, 0, 1, 0), Summary(await ImportAsync(factory, key, scotland)));
        Assert.Equal(1, await factory.QueryAsync(db => db.IndicatorValues.CountAsync(v => v.Period == "2030-31")));
    }

    [Fact]
    public async Task AWorkbookOpeningOnACoverSheet_IsReadFromTheFirstSheetWithFigures_AndSaysWhichItRead()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        var sheets = new Dictionary<string, object>
        {
            ["Cover"] = Rows([["Local Government Benchmarking Framework"], ["Published March 2026"]]),
            ["Contents"] = Rows([["Sheet", "What it holds"], ["Data", "The figures"]]),
            ["Data"] = Rows([["Council", "SW07 2022-23"], ["Glasgow City", 0.82]]),
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets, printHeader: false, excelType: ExcelType.XLSX);

        var (status, preview) = await UploadAsync(factory, key, stream.ToArray(), "workbook.xlsx");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains("Pif read the sheet “Data”, sheet 3 of 3 (those before it have no figures Pif can read).", preview.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal((1, 0, 0, 0), Summary(preview));
    }

    [Fact]
    public async Task Workbooks_ThatCannotBeRead_AreRefusedWithWhatToFix_AndNothingIsKept()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        var good = Xlsx([["Council", "SW07 2022-23"], ["Glasgow City", 0.82], ["Fife", 0.7]]);
        var cases = new (byte[] Content, string Message)[]
        {
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "The workbook is password-protected, or saved in the old Excel 97-2003 format (.xls). Remove the password, or save it as an Excel Workbook (.xlsx) or as “CSV UTF-8”, and upload it again"),
            (good[..(good.Length / 2)], "The workbook could not be read: it may be damaged. Open it in your spreadsheet program, save it again as an Excel Workbook (.xlsx) or as “CSV UTF-8”, and upload it again"),
            (Zip(("notes.txt", "hello")), "This is a ZIP file, not a spreadsheet: upload the workbook (.xlsx) or CSV file itself"),
            (WithFormulas(good), "The sheet “Sheet1” has formulas (in B2, B3). Pif imports figures, not formulas: copy the sheet, paste it back as values only, save, and upload the workbook again"),
            (Xlsx([[null, null]]), "The file is empty: choose the file you downloaded and upload it again (Pif read the workbook's first sheet, “Sheet1”: no sheet of the workbook has a layout Pif knows; put the figures on a sheet with their headings in its first row)"),
            (Xlsx([["Name", "SW07 2022-23"], ["Glasgow City", 0.82]]), "The file has no council column: the figures need a column headed LocalAuthority or Local Authority or Council naming each row's council"),
            (Encoding.UTF8.GetBytes("Council,SW07 2022-23\n"), "The file has a header but no rows of figures under it"),
        };
        foreach (var (content, message) in cases)
        {
            var (status, problem) = await UploadAsync(factory, key, content, "workbook.xlsx");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(message, problem.GetProperty("problems")[0].GetProperty("message").GetString());
        }

        var (tooLarge, refusal) = await UploadAsync(factory, key, new byte[50 * 1024 * 1024], "workbook.xlsx");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge);
        Assert.EndsWith("send a file of 20 MB or less.", refusal.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.QueryAsync(db => db.IndicatorImports.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.IndicatorValues.CountAsync()));
    }

    [Fact]
    public async Task AWorkbookUploadedOnThePage_ShowsItsLayoutNotesAndSkippedFigures_AndImportsOnConfirm()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        var (_, preview) = await UploadAsync(factory, key, Xlsx(Traps), "benchmarking.xlsx");
        var client = await EvaluationSteps.AsAsync(factory, NationalAdmin);

        var page = await Html.ParseAsync(await client.GetAsync($"/performance-indicators/imports/{preview.GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken));

        Assert.Contains("A wide workbook: a row per council, and a column per indicator and period", page.Body.Text());
        Assert.Equal("Figures", page.QuerySelector("#Summary thead th")!.Text());
        Assert.Contains("so they are divided by 100", page.QuerySelector("#Notes")!.Text());
        Assert.Contains("“Glasgo” is not a council Pif knows", page.QuerySelector("#Problems")!.Text());
    }

    private static string[] Problems(JsonElement import) =>
        [.. import.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()} {p.GetProperty("column").GetString()}: {p.GetProperty("message").GetString()}")];

    private static (int Added, int Revised, int Unchanged, int Skipped) Summary(JsonElement import)
    {
        var s = import.GetProperty("summary");
        return (s.GetProperty("added").GetInt32(), s.GetProperty("revised").GetInt32(), s.GetProperty("unchanged").GetInt32(), s.GetProperty("skipped").GetInt32());
    }

    /// <summary>The grid as an XLSX workbook, its first row written as cells (not as a header), so a heading may repeat.</summary>
    private static byte[] Xlsx(object?[][] grid)
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, Rows(grid), printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A sheet's rows as MiniExcel writes them: each row's cells by column letter.</summary>
    private static List<Dictionary<string, object?>> Rows(object?[][] grid)
    {
        var width = grid.Max(r => r.Length);
        return [.. grid.Select(r => Enumerable.Range(0, width).ToDictionary(WideLetter, i => i < r.Length ? r[i] : null))];
    }

    private static byte[] Csv(object?[][] grid) =>
        Encoding.UTF8.GetBytes(string.Join("\n", grid.Select(r => string.Join(",", r.Select(c => c switch
        {
            null => "",
            double d => d.ToString(CultureInfo.InvariantCulture),
            _ => c.ToString(),
        })))) + "\n");

    private static string WideLetter(int i) => ((char)('A' + i)).ToString();

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }

    /// <summary>The workbook with its figures in column B turned into formulas that give the same values.</summary>
    private static byte[] WithFormulas(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            xml = xml.Replace("<x:v>0.82</x:v>", "<x:f>41/50</x:f><x:v>0.82</x:v>", StringComparison.Ordinal)
                .Replace("<x:v>0.7</x:v>", "<x:f>7/10</x:f><x:v>0.7</x:v>", StringComparison.Ordinal);
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }
}
