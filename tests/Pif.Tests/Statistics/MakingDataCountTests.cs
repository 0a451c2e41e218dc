using Pif.Statistics.Spc;

namespace Pif.Tests.Statistics;

public sealed class MakingDataCountTests
{
    // Seven low then seven high: the latest point is part of a shift upwards.
    private static readonly double[] RisingShift = [10, 11, 10, 11, 10, 11, 10, 12, 13, 12, 13, 12, 13, 12];

    [Theory]
    [InlineData(Polarity.HigherIsBetter, Variation.SpecialCauseImprovement)]
    [InlineData(Polarity.LowerIsBetter, Variation.SpecialCauseConcern)]
    [InlineData(Polarity.Neither, Variation.SpecialCauseNeither)]
    public void Variation_FollowsTheLatestPointsSignal_WithPolarity(Polarity polarity, Variation expected)
    {
        var chart = ControlChart.XmR(RisingShift);

        var summary = MakingDataCount.Variation(chart, polarity);

        Assert.Equal(expected, summary.Variation);
        Assert.Equal(Side.High, summary.Side);
        Assert.Equal(SpecialCauseRule.Shift, summary.Rule);
    }

    [Fact]
    public void Variation_IsCommonCause_WhenTheLatestPointSignalsNothing()
    {
        var chart = ControlChart.XmR([.. RisingShift, 9]);

        Assert.Empty(chart.Points[^1].Signals);
        Assert.Equal(new VariationSummary(Variation.CommonCause, null, null), MakingDataCount.Variation(chart, Polarity.HigherIsBetter));
    }

    [Fact]
    public void Variation_TakesTheFirstSignalInPrecedence_OutsideTheLimitsBeforeAShift()
    {
        // Seven low, six high, then one far higher: mean 96 / 14, upper limit 15.04, so the last point is outside it and ends a shift.
        var chart = ControlChart.XmR([0, 1, 0, 1, 0, 1, 0, 10, 11, 10, 11, 10, 11, 30]);

        Assert.Equal([new SpecialCause(SpecialCauseRule.OutsideLimits, Side.High), new SpecialCause(SpecialCauseRule.Shift, Side.High)], chart.Points[^1].Signals);
        var summary = MakingDataCount.Variation(chart, Polarity.LowerIsBetter);

        Assert.Equal(SpecialCauseRule.OutsideLimits, summary.Rule);
        Assert.Equal(Variation.SpecialCauseConcern, summary.Variation);
    }

    /// <summary>NHSRplotthedots' assurance cases: limits (1, 3), (5, 7) and (1, 5) against a target of 4.</summary>
    [Theory]
    [InlineData(1, 3, Polarity.HigherIsBetter, Assurance.ConsistentlyFailing)]
    [InlineData(5, 7, Polarity.HigherIsBetter, Assurance.ConsistentlyPassing)]
    [InlineData(1, 5, Polarity.HigherIsBetter, Assurance.HitAndMiss)]
    [InlineData(1, 3, Polarity.LowerIsBetter, Assurance.ConsistentlyPassing)]
    [InlineData(5, 7, Polarity.LowerIsBetter, Assurance.ConsistentlyFailing)]
    [InlineData(1, 5, Polarity.LowerIsBetter, Assurance.HitAndMiss)]
    [InlineData(4, 7, Polarity.HigherIsBetter, Assurance.HitAndMiss)]
    public void Assurance_ComparesTheTargetWithTheLatestLimits(double lower, double upper, Polarity polarity, Assurance expected)
    {
        var chart = Chart(lower, upper);

        Assert.Equal(expected, MakingDataCount.Assurance(chart, 4, polarity));
    }

    [Fact]
    public void Assurance_HasNoAnswer_WhenNeitherDirectionIsBetter()
    {
        Assert.Null(MakingDataCount.Assurance(Chart(5, 7), 4, Polarity.Neither));
    }

    [Fact]
    public void Assurance_UsesTheLatestPointsLimits_OnAPChart()
    {
        // p̄ = 0.5: the small last sample's limits are wide enough to straddle a target of 0.2.
        var chart = ControlChart.P([(500, 1000), (500, 1000), (5, 10)]);

        Assert.Equal(Assurance.HitAndMiss, MakingDataCount.Assurance(chart, 0.2, Polarity.HigherIsBetter));
        Assert.Equal(Assurance.ConsistentlyPassing, MakingDataCount.Assurance(ControlChart.P([(500, 1000), (500, 1000)]), 0.2, Polarity.HigherIsBetter));
    }

    private static ControlChartResult Chart(double lower, double upper)
    {
        var centre = (lower + upper) / 2;
        return new ControlChartResult(
            ControlChartKind.XmR,
            RunRules.MakingDataCount,
            [new ControlSegment(0, 0, centre, 1, 0)],
            [new ControlPoint(0, centre, centre, lower, upper, (upper - centre) / 3, [])]);
    }
}
