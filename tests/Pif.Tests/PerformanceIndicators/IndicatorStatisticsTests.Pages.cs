using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>The funnel plot page, the control chart on the indicator page, and recording new limits, on the real files.</summary>
public sealed partial class IndicatorStatisticsTests
{
    [Fact]
    public async Task FunnelPage_MarksTheCouncil_NamesTheOutliers_AndExplainsTheLimits()
    {
        var key = await ImportRealAsync();
        var lead = await AsAsync(factory, Lead);
        var (_, api) = await GetAsync(key, "/api/v1/indicators/SW06/funnel?period=2022-23");

        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW06/funnel?period=2022-23", TestContext.Current.CancellationToken));
        var chart = await lead.GetAsync(page.QuerySelector("img.pif-chart")!.GetAttribute("src"), TestContext.Current.CancellationToken);
        var none = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07/funnel", TestContext.Current.CancellationToken));

        Assert.StartsWith("Funnel plot of SW06 for 32 councils in 2022-23 around Scotland's 102", page.QuerySelector("img.pif-chart")!.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains("; Glasgow City (96.24) is", page.QuerySelector("img.pif-chart")!.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.StartsWith("The councils differ more than chance alone would explain (dispersion φ = ", page.QuerySelector("#Overdispersion").Text(), StringComparison.Ordinal);
        Assert.Equal(api.GetProperty("points").EnumerateArray().Count(p => p.GetProperty("outside95").GetBoolean()), page.QuerySelectorAll("#Outliers li").Length);
        var rows = page.QuerySelectorAll("#Funnel tbody tr");
        Assert.Equal(32, rows.Length);
        Assert.Contains(rows, r => r.QuerySelector("th").Text() == "Glasgow City (marked)");
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Pif holds no numerators and denominators of SW07", none.QuerySelector("#CannotDraw").Text(), StringComparison.Ordinal);
        Assert.Null(none.QuerySelector("img.pif-chart"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync("/performance-indicators/SW06/funnel?period=2031-32", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task IndicatorPage_ShowsTheControlChart_ItsSignals_AndAssuranceAgainstTheTarget()
    {
        await ImportRealAsync();
        var lead = await AsAsync(factory, Lead);
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());
        await lead.PostFormAsync($"/performance-indicators/SW01/councils/{glasgow}/2022-23", ("Form.Target", "30"));

        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW01", TestContext.Current.CancellationToken));
        var img = page.QuerySelectorAll("img.pif-chart").Single(i => i.GetAttribute("src")!.Contains("VariationChart", StringComparison.Ordinal));
        var chart = await lead.GetAsync(img.GetAttribute("src"), TestContext.Current.CancellationToken);
        var few = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW04b", TestContext.Current.CancellationToken));

        Assert.StartsWith("XmR chart (individual figures", page.QuerySelector("#variation-heading + p").Text(), StringComparison.Ordinal);

        // The icons' letters are hidden from screen readers: the words beside them say the same.
        Assert.All(page.QuerySelectorAll("#Variation svg"), svg => Assert.Equal("true", svg.GetAttribute("aria-hidden")));
        foreach (var svg in page.QuerySelectorAll("#Variation svg"))
        {
            svg.Remove();
        }

        Assert.Equal(
            ["Variation|Special cause concern (high). The latest figure is part of a signal in the worse direction: something has changed that needs looking into.",
             "Assurance against the target of £30.00|Hit and miss. The target lies between the limits: it will be met some years and missed in others by chance alone."],
            page.QuerySelectorAll("#Variation .ds_summary-list__item").Select(r => $"{r.QuerySelector("dt").Text()}|{r.QuerySelector("dd").Text()}"));
        Assert.Equal(13, page.QuerySelectorAll("#Signals li").Length);
        Assert.Equal("2011-12 (£25.42): below the lower limit; part of a run of 7 or more below the centre line", page.QuerySelectorAll("#Signals li")[1].Text());
        Assert.Equal("2022-23|£42.57|£26.92|£31.95|£36.99", string.Join("|", page.QuerySelectorAll("#Limits tbody tr")[^1].Children.Select(c => c.Text())));
        Assert.StartsWith("XmR chart of SW01 for Glasgow City from 2010-11 to 2022-23, centre £31.95, limits £26.92 to £36.99: 13 of 13 figures are part of a signal. Special cause concern (high).",
            img.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.Contains("There are 5 figures, fewer than the 10 a control chart's limits need", few.QuerySelector("#VariationNote").Text(), StringComparison.Ordinal);
        Assert.Null(few.QuerySelector("#Variation"));
    }

    [Fact]
    public async Task NewLimits_AreRecordedWithAReason_ByTheLead_AndWithdrawn()
    {
        var key = await ImportRealAsync();
        var lead = await AsAsync(factory, Lead);
        var viewer = await AsAsync(factory, "viewer.glasgow@pif.example");
        var fife = await AsAsync(factory, "lead.fife@pif.example");
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());
        var path = $"/performance-indicators/CHN09/councils/{glasgow}/limits";

        var refused = await Html.ParseAsync(await lead.PostFormAsync(path, ("RebasePeriod", "2010-11"), ("RebaseReason", " ")));
        var saved = await lead.PostFormAsync(path, ("RebasePeriod", "2016-17"), ("RebaseReason", "Kinship care assessments moved to the locality teams"));
        var (_, rebased) = await GetAsync(key, "/api/v1/indicators/CHN09/spc?organisation=S12000049");
        var listed = await Html.ParseAsync(await viewer.GetAsync(path, TestContext.Current.CancellationToken));
        var viewerPost = await viewer.PostFormAsync(path, ("RebasePeriod", "2018-19"), ("RebaseReason", "A reason"));
        var fifeGet = await fife.GetAsync(path, TestContext.Current.CancellationToken);
        var id = await factory.QueryAsync(db => db.SpcRebases.Select(r => r.Id).SingleAsync());
        var withdrawn = await lead.PostFormAsync($"{path}?handler=Withdraw&id={id}");
        var (_, after) = await GetAsync(key, "/api/v1/indicators/CHN09/spc?organisation=S12000049");

        Assert.Equal(["The limits already start at 2010-11, the first period: choose a later one", "Say what changed in the process at that period: limits moved without a reason hide signals"],
            refused.QuerySelectorAll(".ds_error-summary li").Select(e => e.Text()));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("/performance-indicators/CHN09", saved.RequestMessage!.RequestUri!.AbsolutePath);
        var points = rebased.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEqual(points[0].GetProperty("centre").GetDouble(), points[^1].GetProperty("centre").GetDouble());
        Assert.Equal(points[6].GetProperty("centre").GetDouble(), points[^1].GetProperty("centre").GetDouble());
        Assert.Equal("2016-17", rebased.GetProperty("rebases")[0].GetProperty("period").GetString());
        Assert.Equal("2016-17|Kinship care assessments moved to the locality teams", string.Join("|", listed.QuerySelectorAll("#Recorded tbody tr th, #Recorded tbody tr td").Take(2).Select(c => c.Text())));
        Assert.Null(listed.QuerySelector("#Recorded form"));
        Assert.Null(listed.QuerySelector("#RebasePeriod"));
        Assert.Equal(HttpStatusCode.Forbidden, viewerPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fifeGet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.SpcRebases.CountAsync()));
        Assert.Empty(after.GetProperty("rebases").EnumerateArray());
        Assert.Equal(after.GetProperty("points")[0].GetProperty("centre").GetDouble(), after.GetProperty("points")[after.GetProperty("points").GetArrayLength() - 1].GetProperty("centre").GetDouble());
    }
}
