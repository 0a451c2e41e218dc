using Pif.Statistics.Spc;

namespace Pif.Tests.Statistics;

public sealed class ControlChartTests
{
    // R's set.seed(123); rnorm(20): the series NHSRplotthedots' own tests use.
    private static readonly double[] Rnorm20 =
    [
        -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
        1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141,
    ];

    [Fact]
    public void XmR_ReproducesNhsrPlotTheDots()
    {
        var chart = ControlChart.XmR(Rnorm20, new ControlChartOptions(ExcludeLargeMovingRanges: true));

        var point = chart.Points[0];
        Assert.Equal(0.1416238, point.Centre, 6);
        Assert.Equal(-3.01138, point.Lower, 5);
        Assert.Equal(3.294627, point.Upper, 6);
    }

    [Fact]
    public void XmR_ScreeningALargeMovingRange_NarrowsTheLimits_AsNhsrPlotTheDotsDoes()
    {
        var values = Rnorm20.ToArray();
        values[14] = 10;

        var screened = ControlChart.XmR(values, new ControlChartOptions(ExcludeLargeMovingRanges: true));
        var plain = ControlChart.XmR(values);

        Assert.Equal(0.6694159, screened.Points[0].Centre, 6);
        Assert.Equal(-2.383666, screened.Points[0].Lower, 6);
        Assert.Equal(3.722497, screened.Points[0].Upper, 6);
        Assert.Equal(2, screened.Segments[0].ExcludedMovingRanges);
        Assert.Equal(-4.596625, plain.Points[0].Lower, 6);
        Assert.Equal(5.935457, plain.Points[0].Upper, 6);
        Assert.Equal(0, plain.Segments[0].ExcludedMovingRanges);
        Assert.Contains(new SpecialCause(SpecialCauseRule.OutsideLimits, Side.High), screened.Points[14].Signals);
    }

    [Fact]
    public void XmR_ByHand_MeanPlusOrMinus266TimesTheMeanMovingRange()
    {
        double[] values = [10, 12, 11, 15];

        var chart = ControlChart.XmR(values);

        // Mean 12, moving ranges 2, 1, 4: mean 7/3.
        var segment = Assert.Single(chart.Segments);
        Assert.Equal(12, segment.Centre, 12);
        Assert.Equal(7.0 / 3, segment.MeanMovingRange!.Value, 12);
        Assert.Equal(12 - (2.66 * 7 / 3), chart.Points[3].Lower, 12);
        Assert.Equal(12 + (2.66 * 7 / 3), chart.Points[3].Upper, 12);
        Assert.Equal(2.66 * 7 / 3 / 3, chart.Points[3].Sigma, 12);
    }

    [Fact]
    public void Shift_OfSevenOnOneSide_Signals_AndSixDoesNot()
    {
        double[] seven = [10, 11, 10, 11, 10, 11, 10, 12, 13, 12, 13, 12, 13, 12];
        double[] six = [10, 11, 10, 11, 10, 11, 12, 13, 12, 13, 12, 13];

        var signalled = ControlChart.XmR(seven);
        var quiet = ControlChart.XmR(six);

        // Mean 160 / 14, mean moving range 14 / 13: the limits hold every point.
        Assert.All(signalled.Points.Take(7), p => Assert.Equal([new SpecialCause(SpecialCauseRule.Shift, Side.Low)], p.Signals));
        Assert.All(signalled.Points.Skip(7), p => Assert.Equal([new SpecialCause(SpecialCauseRule.Shift, Side.High)], p.Signals));
        Assert.All(quiet.Points, p => Assert.Empty(p.Signals));
    }

    [Fact]
    public void Shift_IsBrokenByAPointOnTheMean()
    {
        // Mean 11: the seventh point sits on it.
        double[] values = [10, 10.5, 10, 10.5, 10, 10.5, 11, 10, 12, 12.5, 12, 12.5, 12, 10.5];

        var chart = ControlChart.XmR(values);

        Assert.Equal(11, chart.Segments[0].Centre, 12);
        Assert.DoesNotContain(chart.Points, p => p.Signals.Any(s => s.Rule == SpecialCauseRule.Shift));
    }

    [Fact]
    public void Trend_OfSevenRising_Signals_AndARepeatedValueBreaksIt()
    {
        // NHSRplotthedots' own case: c(2, 1:7, 3).
        double[] rising = [2, 1, 2, 3, 4, 5, 6, 7, 3];
        double[] broken = [2, 1, 2, 3, 4, 4, 5, 6, 7, 3];

        var chart = ControlChart.XmR(rising);

        Assert.Empty(chart.Points[0].Signals);
        Assert.All(chart.Points.Skip(1).Take(7), p => Assert.Contains(new SpecialCause(SpecialCauseRule.Trend, Side.High), p.Signals));
        Assert.Empty(chart.Points[8].Signals);
        Assert.DoesNotContain(ControlChart.XmR(broken).Points, p => p.Signals.Any(s => s.Rule == SpecialCauseRule.Trend));
    }

    [Fact]
    public void TwoOfThree_BeyondTwoSigmaOnOneSide_MarksTheTwo()
    {
        // Mean 153.2 / 14 = 10.943, mean moving range 15.2 / 13 = 1.169: two sigma at 13.016, the limit at 14.053.
        double[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 13.6, 13.6, 11, 10];

        var chart = ControlChart.XmR(values);

        Assert.Equal([new SpecialCause(SpecialCauseRule.TwoOfThree, Side.High)], chart.Points[10].Signals);
        Assert.Equal([new SpecialCause(SpecialCauseRule.TwoOfThree, Side.High)], chart.Points[11].Signals);
        Assert.Equal(12, chart.Points.Count(p => p.Signals.Count == 0));
        Assert.Empty(chart.Points[12].Signals);
    }

    [Fact]
    public void TwoOfThree_NeedsAllThreeOnOneSide()
    {
        // As above, but the point after the pair falls below the mean and the one before too.
        double[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 10, 13.6, 13.6, 10, 10];

        var chart = ControlChart.XmR(values);

        Assert.True(values[10] - chart.Points[10].Centre > 2 * chart.Points[10].Sigma);
        Assert.DoesNotContain(chart.Points, p => p.Signals.Any(s => s.Rule == SpecialCauseRule.TwoOfThree));
    }

    [Fact]
    public void PChart_LimitsForEachDenominator_ByHand()
    {
        (double, double)[] counts = [(10, 100), (20, 200), (15, 100), (5, 50)];

        var chart = ControlChart.P(counts);

        // p̄ = 50 / 450; at 100: ± 3 √(p̄(1 − p̄) / 100); at 50 the lower limit would be below 0.
        var p = 50.0 / 450;
        Assert.Equal(p, chart.Segments[0].Centre, 12);
        Assert.Equal(p - (3 * Math.Sqrt(p * (1 - p) / 100)), chart.Points[0].Lower, 12);
        Assert.Equal(p + (3 * Math.Sqrt(p * (1 - p) / 200)), chart.Points[1].Upper, 12);
        Assert.Equal(0, chart.Points[3].Lower);
        Assert.Equal(0.15, chart.Points[2].Value, 12);
        Assert.Equal(ControlChartKind.P, chart.Kind);
    }

    [Fact]
    public void UChart_LimitsForEachExposure_ByHand()
    {
        (double, double)[] counts = [(20, 10), (18, 10), (2, 1), (30, 5)];

        var chart = ControlChart.U(counts);

        // ū = 70 / 26; at an exposure of 5: ± 3 √(ū / 5) = ± 2.2014, so 6 is above 4.894.
        var u = 70.0 / 26;
        Assert.Equal(u, chart.Segments[0].Centre, 12);
        Assert.Equal(u + (3 * Math.Sqrt(u / 5)), chart.Points[3].Upper, 12);
        Assert.Equal(u - (3 * Math.Sqrt(u / 5)), chart.Points[3].Lower, 12);
        Assert.Equal(0, chart.Points[2].Lower);
        Assert.Equal([new SpecialCause(SpecialCauseRule.OutsideLimits, Side.High)], chart.Points[3].Signals);
    }

    [Fact]
    public void Rebasing_GivesEachStretchItsOwnLimits_AndNoRunCrossesIt()
    {
        // Four low points then four high: one shift of eight without rebasing (with rules of four), none with.
        double[] values = [10, 11, 10, 11, 20, 21, 20, 21];
        var rules = new RunRules(Shift: 4, Trend: 7);

        var whole = ControlChart.XmR(values, new ControlChartOptions(rules));
        var rebased = ControlChart.XmR(values, new ControlChartOptions(rules, RebaseAt: [4]));

        Assert.Contains(whole.Points, p => p.Signals.Any(s => s.Rule == SpecialCauseRule.Shift));
        Assert.Equal(2, rebased.Segments.Count);
        Assert.Equal(10.5, rebased.Points[0].Centre, 12);
        Assert.Equal(20.5, rebased.Points[7].Centre, 12);
        Assert.Equal(20.5 + 2.66, rebased.Points[4].Upper, 12);
        Assert.All(rebased.Points, p => Assert.Empty(p.Signals));
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlChart.XmR(values, new ControlChartOptions(RebaseAt: [0])));
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ControlChart.XmR([]));
        Assert.Throws<ArgumentException>(() => ControlChart.XmR([1, double.NaN]));
        Assert.Throws<ArgumentException>(() => ControlChart.P([(5, 4)]));
        Assert.Throws<ArgumentException>(() => ControlChart.U([(5, 0)]));
    }
}
