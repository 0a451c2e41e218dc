using Pif.Statistics.Spc;

namespace Pif.Tests.Statistics;

public sealed class RunChartTests
{
    /// <summary>
    /// The critical values published with qicharts2 (Anhøj, vignette appendix 2): useful
    /// observations, longest-run limit, fewest crossings.
    /// </summary>
    [Theory]
    [InlineData(10, 6, 2)]
    [InlineData(12, 7, 3)]
    [InlineData(17, 7, 5)]
    [InlineData(20, 7, 6)]
    [InlineData(22, 7, 7)]
    [InlineData(23, 8, 7)]
    [InlineData(24, 8, 8)]
    [InlineData(30, 8, 10)]
    [InlineData(45, 8, 17)]
    [InlineData(46, 9, 17)]
    [InlineData(50, 9, 19)]
    [InlineData(91, 10, 37)]
    [InlineData(100, 10, 41)]
    public void AnhojLimits_MatchThePublishedTable(int useful, int longestRun, int fewestCrossings)
    {
        var (limit, fewest, _) = AnhojRules.Limits(useful);

        Assert.Equal(longestRun, limit);
        Assert.Equal(fewestCrossings, fewest);
    }

    [Fact]
    public void Median_IsTheMiddle_OrTheMeanOfTheTwoMiddles()
    {
        Assert.Equal(3, RunChart.Median([5, 1, 3]));
        Assert.Equal(2.5, RunChart.Median([4, 1, 3, 2]));
    }

    [Fact]
    public void Shift_OfSixOnOneSide_Signals_AndFiveDoesNot()
    {
        // Seven below and seven above, so the median is 5.
        double[] six = [1, 2, 3, 1, 2, 3, 9, 8, 7, 3, 9, 8, 7, 9];
        double[] five = [1, 2, 3, 1, 2, 9, 8, 7, 3, 9, 8, 7, 3, 9];

        var signalled = RunChart.Analyse(six);
        var quiet = RunChart.Analyse(five);

        var shift = Assert.Single(signalled.Shifts);
        Assert.Equal([0, 1, 2, 3, 4, 5], shift.Points);
        Assert.Equal(Side.Low, shift.Side);
        Assert.Empty(quiet.Shifts);
    }

    [Fact]
    public void PointsOnTheMedian_NeitherBreakNorAddToAShift()
    {
        // Median 5: three below, one on it, three below makes a run of six useful points.
        double[] values = [1, 2, 3, 5, 1, 2, 3, 9, 8, 9, 1, 9, 8, 5, 9];

        var result = RunChart.Analyse(values);

        Assert.Equal(5, result.Median);
        var shift = Assert.Single(result.Shifts);
        Assert.Equal([0, 1, 2, 4, 5, 6], shift.Points);
        Assert.Equal(13, result.Anhoj!.UsefulObservations);
    }

    [Fact]
    public void Trend_OfFiveRising_Signals_RepeatedValuesSkipped_AndFourDoesNot()
    {
        double[] rising = [5, 1, 2, 2, 3, 4, 5, 1];
        double[] short4 = [5, 1, 2, 3, 4, 1, 5, 4];

        var trend = Assert.Single(RunChart.Analyse(rising).Trends);
        Assert.Equal([1, 2, 4, 5, 6], trend.Points);
        Assert.Equal(Side.High, trend.Side);
        Assert.Empty(RunChart.Analyse(short4).Trends);
    }

    [Fact]
    public void RuleLengths_AreConfigurable()
    {
        double[] values = [9, 8, 7, 6, 9, 1, 2, 1, 2];

        var trend = Assert.Single(RunChart.Analyse(values, new RunRules(Shift: 8, Trend: 4)).Trends);

        Assert.Equal(Side.Low, trend.Side);
        Assert.Equal([0, 1, 2, 3], trend.Points);
        Assert.Throws<ArgumentOutOfRangeException>(() => RunChart.Analyse(values, new RunRules(1, 5)));
    }

    [Fact]
    public void Anhoj_LongestRunAndCrossings_OnBothSidesOfTheirLimits()
    {
        // Ten useful points: limit 6 for the longest run, 2 for crossings. The baselines put the median at 5.
        double[] sevenLow = [9, 9, 9, 1, 1, 1, 1, 1, 1, 1];
        double[] sixLow = [9, 9, 9, 9, 1, 1, 1, 1, 1, 1];
        double[] alternating = [1, 9, 1, 9, 1, 9, 1, 9, 1, 9];

        var seven = RunChart.Analyse(sevenLow, baseline: 6).Anhoj!;
        var six = RunChart.Analyse(sixLow, baseline: 8).Anhoj!;
        var zigzag = RunChart.Analyse(alternating).Anhoj!;

        Assert.Equal(7, seven.LongestRun);
        Assert.True(seven.LongestRunSignal);
        Assert.Equal(1, seven.Crossings);
        Assert.True(seven.TooFewCrossings);
        Assert.True(seven.NonRandom);

        Assert.Equal(6, six.LongestRun);
        Assert.False(six.LongestRunSignal);

        Assert.Equal(9, zigzag.Crossings);
        Assert.Equal(7, zigzag.MostCrossings);
        Assert.False(zigzag.NonRandom);
        Assert.True(zigzag.TooManyCrossings);
    }

    [Fact]
    public void Anhoj_TwoCrossingsInTenIsTheLimit_NotASignal()
    {
        double[] values = [1, 1, 1, 9, 9, 9, 9, 9, 1, 1];

        var anhoj = RunChart.Analyse(values).Anhoj!;

        Assert.Equal(2, anhoj.Crossings);
        Assert.False(anhoj.TooFewCrossings);
    }

    [Fact]
    public void Baseline_SetsTheMedianFromTheFirstPoints()
    {
        double[] values = [1, 2, 3, 4, 5, 10, 11, 12];

        Assert.Equal(3, RunChart.Analyse(values, baseline: 5).Median);
        Assert.Throws<ArgumentOutOfRangeException>(() => RunChart.Analyse(values, baseline: 9));
    }
}
