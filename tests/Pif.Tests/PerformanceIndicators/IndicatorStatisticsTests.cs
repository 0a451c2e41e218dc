using System.Globalization;
using System.Net;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// The funnel and SPC APIs on the real LGBF files, checked against computations made here from the file itself
/// (the funnel) and by a separate script (the control charts' limits and signals, in the expected values below).
/// </summary>
public sealed partial class IndicatorStatisticsTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const double Z95 = 1.959963984540054;
    private const double Z998 = 3.090232306167813;

    private static string? LongFile => SharedData.Find("lgbf_scotland_real_long.csv");

    private async Task<string> ImportRealAsync()
    {
        var information = SharedData.Find("lgbf_indicator_information.csv");
        if (information is null || LongFile is null)
        {
            Assert.Skip("../shared/data is not here; CI always has it.");
        }

        var key = await NationalKeyAsync(factory);
        if (!await factory.QueryAsync(db => db.IndicatorValues.AnyAsync()))
        {
            await ImportAsync(factory, key, await File.ReadAllBytesAsync(information, TestContext.Current.CancellationToken), "Indicator Information.csv");
            await ImportAsync(factory, key, await File.ReadAllBytesAsync(LongFile, TestContext.Current.CancellationToken), "lgbf_scotland_real_long.csv");
        }

        return key;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string key, string path)
    {
        var response = await RawClient(factory).SendAsync(WithKey(HttpMethod.Get, path, key), TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone());
    }

    [Fact]
    public async Task Funnel_Sw06_AgreesWithTheComputationFromTheFile()
    {
        var key = await ImportRealAsync();

        var (status, funnel) = await GetAsync(key, "/api/v1/indicators/SW06/funnel?period=2022-23");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = File.ReadLines(LongFile!).Select(l => l.Split(',')).Where(c => c.Length > 13 && c[1] == "SW06" && c[3] == "2022-23").ToList();
        var councils = rows.Select(c => (Name: c[2], O: Number(c[5]), E: Number(c[6]))).ToList();
        var target = Number(rows[0][8]) / Number(rows[0][9]);
        var z = councils.Select(c => ((c.O / c.E) - target) / Math.Sqrt(target / c.E)).ToArray();
        var sorted = z.Order().ToArray();
        double Type7(double p)
        {
            var h = (sorted.Length - 1) * p;
            var low = (int)Math.Floor(h);
            return sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
        }

        var (lower, upper) = (Type7(0.1), Type7(0.9));
        var phi = z.Select(v => Math.Clamp(v, lower, upper)).Sum(v => v * v) / z.Length;
        var weights = councils.Select(c => c.E / target).ToArray();
        var tau2 = Math.Max(0, ((z.Length * phi) - (z.Length - 1)) / (weights.Sum() - (weights.Sum(w => w * w) / weights.Sum())));

        Assert.Equal(32, councils.Count);
        Assert.Equal(1000 * target, funnel.GetProperty("target").GetDouble(), 9);
        Assert.Equal("Scotland", funnel.GetProperty("targetFrom").GetString());
        Assert.Equal(1000, funnel.GetProperty("scale").GetDouble());
        var o = funnel.GetProperty("overdispersion");
        Assert.Equal(phi, o.GetProperty("phi").GetDouble(), 9);
        Assert.Equal(tau2, o.GetProperty("tau2").GetDouble(), 12);
        Assert.Equal(z.Length * phi > ChiSquared.InvCDF(z.Length - 1, 0.95), o.GetProperty("overdispersed").GetBoolean());
        Assert.True(o.GetProperty("overdispersed").GetBoolean(), "Scotland's councils differ in readmissions by more than chance.");
        Assert.Equal("Additive", o.GetProperty("adjustment").GetString());
        Assert.Equal("Normal", funnel.GetProperty("method").GetString());

        // Councils are spelt differently in the file: match them by their counts.
        var points = funnel.GetProperty("points").EnumerateArray().ToList();
        var outside998 = new List<string>();
        for (var i = 0; i < councils.Count; i++)
        {
            var c = councils[i];
            var point = points.Single(p => p.GetProperty("numerator").GetDouble() == c.O && p.GetProperty("denominator").GetDouble() == c.E);
            var spread = Math.Sqrt((target / c.E) + tau2);
            var value = 1000 * c.O / c.E;
            Assert.Equal(value, point.GetProperty("value").GetDouble(), 9);
            Assert.Equal(z[i], point.GetProperty("z").GetDouble(), 9);
            var limit = funnel.GetProperty("limits").EnumerateArray().Single(l => l.GetProperty("denominator").GetDouble() == c.E);
            Assert.Equal(1000 * (target - (Z95 * spread)), limit.GetProperty("lower95").GetDouble(), 9);
            Assert.Equal(1000 * (target + (Z998 * spread)), limit.GetProperty("upper998").GetDouble(), 9);
            var outside = value < 1000 * (target - (Z998 * spread)) || value > 1000 * (target + (Z998 * spread));
            Assert.Equal(outside, point.GetProperty("outside998").GetBoolean());
            if (outside)
            {
                outside998.Add(c.Name);
            }
        }

        Assert.True(funnel.GetProperty("limits").GetArrayLength() > 32, "The limits are given along the curve as well as at each council's denominator.");
        Assert.Equal(outside998.Count, points.Count(p => p.GetProperty("outside998").GetBoolean()));
        Assert.Equal(32, points.Count);
    }

    [Fact]
    public async Task Funnel_Sw07_IsRefusedWithItsReason_AndAnUnknownPeriodOrAdjustmentIsSaid()
    {
        var key = await ImportRealAsync();

        var (status, problem) = await GetAsync(key, "/api/v1/indicators/SW07/funnel?period=2022-23");
        var (costStatus, cost) = await GetAsync(key, "/api/v1/indicators/SW01/funnel");
        var (missing, _) = await GetAsync(key, "/api/v1/indicators/SW06/funnel?period=2030-31");
        var (badStatus, bad) = await GetAsync(key, "/api/v1/indicators/SW06/funnel?adjustment=lots");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("No funnel plot of SW07", problem.GetProperty("title").GetString());
        Assert.Equal("Pif holds no numerators and denominators of SW07 for 2022-23, only the figures. A funnel plot sets each council's count against the population it comes from, so it cannot be drawn without them.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, costStatus);
        Assert.Equal("SW01 is a cost, not a count of people or events, so how far a council could differ by chance alone cannot be worked out.", cost.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Contains("adjustment must be additive, multiplicative or none", bad.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spc_GlasgowSw01AndChn09_AgreeWithTheIndependentComputation()
    {
        var key = await ImportRealAsync();

        var (status, sw01) = await GetAsync(key, "/api/v1/indicators/SW01/spc?organisation=S12000049");
        var (_, chn09) = await GetAsync(key, "/api/v1/indicators/CHN09/spc?organisation=S12000049");

        // The script's XmR: the mean, and 2.66 × the mean moving range after ranges at or above 3.267 × the mean are left out once.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("xmr", sw01.GetProperty("chart").GetString());
        Assert.Equal(31.954638461538458, sw01.GetProperty("centre").GetDouble(), 9);
        var first = sw01.GetProperty("points")[0];
        Assert.Equal(26.92351446153846, first.GetProperty("lower").GetDouble(), 9);
        Assert.Equal(36.98576246153846, first.GetProperty("upper").GetDouble(), 9);
        Assert.Equal(
        [
            "2010-11:TwoOfThree,Shift", "2011-12:OutsideLimits,Shift", "2012-13:TwoOfThree,Shift", "2013-14:TwoOfThree,Shift", "2014-15:OutsideLimits,Shift",
            "2015-16:OutsideLimits,Shift", "2016-17:Shift", "2017-18:Shift", "2018-19:OutsideLimits", "2019-20:OutsideLimits", "2020-21:OutsideLimits",
            "2021-22:OutsideLimits", "2022-23:OutsideLimits",
        ], Signals(sw01));
        Assert.Equal(7, sw01.GetProperty("rules").GetProperty("shift").GetInt32());
        Assert.Equal(7, sw01.GetProperty("rules").GetProperty("trend").GetInt32());

        // A rising cost per hour, where lower is better: special cause of concern.
        Assert.Equal("SpecialCauseConcern", sw01.GetProperty("variation").GetString());

        Assert.Equal("xmr", chn09.GetProperty("chart").GetString());
        Assert.Equal(12, chn09.GetProperty("points").GetArrayLength());
        Assert.Equal(0.9226749999999999, chn09.GetProperty("centre").GetDouble(), 9);
        Assert.Equal(0.9054091818181818, chn09.GetProperty("points")[5].GetProperty("lower").GetDouble(), 9);
        Assert.Equal(0.9399408181818181, chn09.GetProperty("points")[5].GetProperty("upper").GetDouble(), 9);
        Assert.All(chn09.GetProperty("points").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("signals").GetArrayLength()));
        Assert.Equal("CommonCause", chn09.GetProperty("variation").GetString());
    }

    [Fact]
    public async Task Spc_ChoosesTheChartThatFits_OrTheOneAskedFor_AndSaysWhyItCannot()
    {
        var key = await ImportRealAsync();

        var (_, rate) = await GetAsync(key, "/api/v1/indicators/SW06/spc?organisation=S12000049");
        var (_, run) = await GetAsync(key, "/api/v1/indicators/SW01/spc?organisation=S12000049&from=2016");
        var (runAsked, asked) = await GetAsync(key, "/api/v1/indicators/SW01/spc?organisation=S12000049&chart=run");
        var (pStatus, p) = await GetAsync(key, "/api/v1/indicators/SW01/spc?organisation=S12000049&chart=p");
        var (fewStatus, few) = await GetAsync(key, "/api/v1/indicators/SW01/spc?organisation=S12000049&from=2016&chart=xmr");
        var (badChart, _) = await GetAsync(key, "/api/v1/indicators/SW01/spc?organisation=S12000049&chart=pie");
        var (noCouncil, _) = await GetAsync(key, "/api/v1/indicators/SW01/spc?organisation=S99");

        // SW06 holds readmissions and discharges: a U chart of readmissions per 1,000 discharges.
        Assert.Equal("u", rate.GetProperty("chart").GetString());
        Assert.Equal(1000, rate.GetProperty("scale").GetDouble());
        Assert.Equal(98.28230022, rate.GetProperty("points")[8].GetProperty("value").GetDouble(), 6);
        Assert.True(rate.GetProperty("points")[0].GetProperty("lower").GetDouble() < rate.GetProperty("points")[0].GetProperty("upper").GetDouble());

        Assert.Equal("run", run.GetProperty("chart").GetString());
        Assert.Equal(7, run.GetProperty("points").GetArrayLength());
        Assert.Contains("There are 7 figures, fewer than the 10 a control chart's limits need, so this is a run chart", run.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(39.5426, run.GetProperty("centre").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, run.GetProperty("points")[0].GetProperty("upper").ValueKind);
        Assert.Equal(6, run.GetProperty("rules").GetProperty("shift").GetInt32());
        Assert.Equal(6, run.GetProperty("runs").GetProperty("useful").GetInt32());

        Assert.Equal(HttpStatusCode.OK, runAsked);
        Assert.Equal("run", asked.GetProperty("chart").GetString());
        Assert.Null(asked.GetProperty("note").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, pStatus);
        Assert.StartsWith("A P chart needs each period's numerator and denominator", p.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, fewStatus);
        Assert.Equal("A control chart needs at least 10 figures; Glasgow City has 7 of SW01. Ask for a run chart instead.", few.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badChart);
        Assert.Equal(HttpStatusCode.BadRequest, noCouncil);
    }

    private static string[] Signals(JsonElement spc) =>
        [.. spc.GetProperty("points").EnumerateArray().Select(p => $"{p.GetProperty("period").GetString()}:{string.Join(",", p.GetProperty("signals").EnumerateArray().Select(s => s.GetString()))}")];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
