using Pif.Statistics;

namespace Pif.Tests.Statistics;

public sealed class SampleSizeTests
{
    [Theory]
    [InlineData(1_000_000, 31)]
    [InlineData(200, 27)]
    [InlineData(50, 20)]
    [InlineData(10, 8)]
    public void ForProportion_AtNinetyPercentAndFifteenPoints_AppliesTheFinitePopulationCorrection(int population, int expected)
    {
        Assert.Equal(expected, SampleSize.ForProportion(0.90, 0.15, population));
    }

    [Theory]
    [InlineData(0, 0.15, 100)]
    [InlineData(1, 0.15, 100)]
    [InlineData(0.9, 0, 100)]
    [InlineData(0.9, 0.15, 0)]
    public void ForProportion_OutOfRange_Throws(double confidence, double margin, int population)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleSize.ForProportion(confidence, margin, population));
    }
}
