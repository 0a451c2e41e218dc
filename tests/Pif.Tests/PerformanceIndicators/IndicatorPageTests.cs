using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// The indicator page: a council's figures over time beside its family group's average and Scotland's, the latest
/// figure and its change with the polarity applied, where it stands as context, and the chart with its summary.
/// </summary>
public sealed partial class IndicatorPageTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const string Header = ",Code,LocalAuthority,Year,LA_IndicatorReal,LA_Numerator_real,LA_Den_Real,Scotland_Indicator_Real,Scotland_Num_Real,Scotland_Den_Real,FG_Avg_Indicator_Real,FG_Avg_Num_Real,FG_Avg_Den_Real,FamilyGroup\n";

    private async Task ImportFiguresAsync()
    {
        if (await factory.QueryAsync(db => db.PerformanceIndicators.AnyAsync()))
        {
            return;
        }

        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        var rows = new StringBuilder(Header);
        var n = 0;
        foreach (var (year, glasgow, dundee, fife) in new[] { (2017, "0.78", "0.80", "0.83"), (2021, "0.80", "0.79", "0.84"), (2022, "0.82", "0.81", "0.85") })
        {
            var period = string.Create(CultureInfo.InvariantCulture, $"{year}-{(year + 1) % 100:00}");
            rows.Append(CultureInfo.InvariantCulture, $"{n++},SW07,Glasgow City,{period},{glasgow},,,0.75,,,0.79,,,Most Deprived\n");
            rows.Append(CultureInfo.InvariantCulture, $"{n++},SW07,Dundee City,{period},{dundee},,,0.75,,,0.79,,,Most Deprived\n");
            rows.Append(CultureInfo.InvariantCulture, $"{n++},SW07,Fife,{period},{fife},,,0.75,,,0.86,,,3\n");
        }

        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(rows.ToString()));
    }

    [Fact]
    public async Task Indicator_ShowsTheCouncilsSeriesAgainstItsFamilyGroupAndScotland_WithTheChangeAndWhereItStands()
    {
        await ImportFiguresAsync();
        var lead = await AsAsync(factory, Lead);

        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07", TestContext.Current.CancellationToken));
        var chart = await lead.GetAsync(page.QuerySelector("img.pif-chart")!.GetAttribute("src")!, TestContext.Current.CancellationToken);

        Assert.Equal("% of Care Services Graded Good or Better", page.QuerySelector("h1").Text());
        Assert.Equal(
            ["2017-18|78.0%|79.0%|75.0%", "2021-22|80.0%|79.0%|75.0%", "2022-23|82.0%|79.0%|75.0%"],
            page.QuerySelectorAll("#Figures tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.Text()))));
        Assert.Equal(
            ["2022-23|82.0%. Higher is better.", "On the year before|up from 80.0%, better in 2021-22", "On five years before|up from 78.0%, better in 2017-18", "Family group 4 average|79.0%", "Scotland|75.0%"],
            page.QuerySelectorAll("#Latest .ds_summary-list__item").Select(r => $"{r.QuerySelector("dt").Text()}|{r.QuerySelector("dd").Text()}"));
        Assert.Contains("0 of the other 1 councils in its family group had a better figure, and 1 of the other 2 councils in Scotland", page.QuerySelector("#Standing").Text(), StringComparison.Ordinal);
        Assert.Equal("Line chart of SW07 from 2017-18 to 2022-23. In 2022-23 Glasgow City's figure was 82.0%, against 79.0% for its family group and 75.0% for Scotland. Higher is better.",
            page.QuerySelector("img.pif-chart")!.GetAttribute("alt"));
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicator_ChoosesAnyCouncil_FoldsTheCode_AndAnUnknownCodeOrCouncilIsNotFound()
    {
        await ImportFiguresAsync();
        var national = await AsAsync(factory, NationalAdmin);
        var fife = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync());

        var choose = await Html.ParseAsync(await national.GetAsync("/performance-indicators/sw7", TestContext.Current.CancellationToken));
        var shown = await Html.ParseAsync(await national.GetAsync($"/performance-indicators/SW07?council={fife}", TestContext.Current.CancellationToken));

        Assert.Contains("Choose a council to see its figures beside its family group's and Scotland's.", choose.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal("SW07 for Fife", shown.QuerySelector("title").Text().Split(" – ")[0]);
        Assert.Equal("2022-23|85.0%|86.0%|75.0%", string.Join("|", shown.QuerySelectorAll("#Figures tbody tr")[^1].Children.Select(c => c.Text())));
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync("/performance-indicators/ZZ99", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/performance-indicators/SW07?council={Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ValuesApi_GivesACouncilsFiguresByPeriod_WithItsFamilyGroupAndScotland_ByGssCode()
    {
        await ImportFiguresAsync();
        var key = await Security.SecuritySteps.CreateKeyAsync(await AsAsync(factory, Lead), "read");
        var client = Security.SecuritySteps.RawClient(factory);

        var figures = await client.SendAsync(Security.SecuritySteps.WithKey(HttpMethod.Get, "/api/v1/indicators/sw07/values?organisation=S12000049&from=2021", key), TestContext.Current.CancellationToken);
        var unknown = await client.SendAsync(Security.SecuritySteps.WithKey(HttpMethod.Get, "/api/v1/indicators/SW07/values?organisation=S99", key), TestContext.Current.CancellationToken);
        var missing = await client.SendAsync(Security.SecuritySteps.WithKey(HttpMethod.Get, "/api/v1/indicators/ZZ01/values?organisation=S12000049", key), TestContext.Current.CancellationToken);

        using var body = System.Text.Json.JsonDocument.Parse(await figures.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Glasgow City", body.RootElement.GetProperty("organisation").GetString());
        Assert.Equal(4, body.RootElement.GetProperty("familyGroup").GetInt32());
        Assert.Equal(["2021-22 0.8 0.79 0.75", "2022-23 0.82 0.79 0.75"],
            body.RootElement.GetProperty("values").EnumerateArray().Select(v => string.Create(CultureInfo.InvariantCulture,
                $"{v.GetProperty("period").GetString()} {v.GetProperty("value").GetDouble()} {v.GetProperty("familyGroupAverage").GetDouble()} {v.GetProperty("scotland").GetDouble()}")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("S99 is not a council's GSS code or id", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EveryCouncil_InOnePeriod_SortsByCouncilOrFigure_MarksTheFamilyGroup_AndDrawsTheSpread()
    {
        await ImportFiguresAsync();
        var lead = await AsAsync(factory, Lead);

        var byCouncil = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07/councils", TestContext.Current.CancellationToken));
        var byFigure = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07/councils?period=2021-22&sort=figure", TestContext.Current.CancellationToken));
        var chart = await lead.GetAsync(byCouncil.QuerySelector("img.pif-chart")!.GetAttribute("src")!, TestContext.Current.CancellationToken);

        string[] Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
            [.. page.QuerySelectorAll("#Councils tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.Text()))).Where(r => !r.EndsWith("No figure", StringComparison.Ordinal))];
        Assert.Equal(["Dundee City|4 (marked)|81.0%", "Fife|3|85.0%", "Glasgow City|4 (marked)|82.0%", "Scotland||75.0%"], Rows(byCouncil));
        Assert.Equal(["Fife|3|84.0%", "Glasgow City|4 (marked)|80.0%", "Dundee City|4 (marked)|79.0%", "Scotland||75.0%"], Rows(byFigure));
        Assert.Equal("Dot chart of SW07 for 3 councils in 2022-23: from 81.0% to 85.0%; Scotland 75.0%; family group 4 from 81.0% to 82.0%.", byCouncil.QuerySelector("img.pif-chart")!.GetAttribute("alt"));
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/performance-indicators/SW07/councils?period=1999-00", TestContext.Current.CancellationToken)).StatusCode);
    }
}
