using Pif.Statistics;

namespace Pif.Tests.Statistics;

public sealed class AgreementTests
{
    private static readonly int[] SixPoint = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void Measure_TheWorkedExample_GivesSixTenthsExactAndEightThirteenthsKappa()
    {
        (int, int)[] pairs = [(4, 4), (5, 4), (3, 3), (4, 4), (2, 3), (5, 5), (4, 3), (3, 3), (6, 5), (4, 4)];

        var result = Agreement.Measure(pairs, SixPoint);

        Assert.Equal(10, result.Pairs);
        Assert.Equal(0.60, result.ExactRate!.Value, 12);
        Assert.Equal(0.92, result.ObservedWeighted!.Value, 12);
        Assert.Equal(0.792, result.ExpectedWeighted!.Value, 12);
        Assert.Equal(8.0 / 13, result.WeightedKappa!.Value, 12);
        Assert.Null(result.Unavailable);
    }

    [Fact]
    public void Measure_BelowTenPairs_GivesTheRateButNoKappa()
    {
        (int, int)[] pairs = [(4, 4), (5, 4), (3, 3), (4, 4), (2, 3), (5, 5), (4, 3), (3, 3), (6, 5)];

        var result = Agreement.Measure(pairs, SixPoint);

        Assert.Equal(5.0 / 9, result.ExactRate!.Value, 12);
        Assert.Null(result.WeightedKappa);
        Assert.Equal(KappaUnavailable.TooFew, result.Unavailable);
    }

    [Fact]
    public void Measure_EveryGradeTheSame_HasExpectedAgreementOne_AndNoKappa()
    {
        var pairs = Enumerable.Repeat((4, 4), 12).ToList();

        var result = Agreement.Measure(pairs, SixPoint);

        Assert.Equal(1.0, result.ExactRate);
        Assert.Equal(1.0, result.ExpectedWeighted!.Value, 12);
        Assert.Null(result.WeightedKappa);
        Assert.Equal(KappaUnavailable.NoVariation, result.Unavailable);
    }

    [Fact]
    public void Measure_PerfectAgreementWithSpread_IsKappaOne_AndOppositeEndsAreNegative()
    {
        var same = Enumerable.Range(0, 12).Select(i => (SixPoint[i % 6], SixPoint[i % 6])).ToList();
        var opposite = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? 1 : 6, i % 2 == 0 ? 6 : 1)).ToList();

        Assert.Equal(1.0, Agreement.Measure(same, SixPoint).WeightedKappa!.Value, 12);
        Assert.Equal(-1.0, Agreement.Measure(opposite, SixPoint).WeightedKappa!.Value, 12);
    }

    [Fact]
    public void Measure_NoPairs_HasNoRate()
    {
        var result = Agreement.Measure([], SixPoint);

        Assert.Null(result.ExactRate);
        Assert.Equal(KappaUnavailable.TooFew, result.Unavailable);
    }

    [Fact]
    public void Measure_AGradeOffTheScale_Throws()
    {
        Assert.Throws<ArgumentException>(() => Agreement.Measure([(7, 4)], SixPoint));
        Assert.Throws<ArgumentException>(() => Agreement.Measure([(1, 1)], [1]));
    }
}
