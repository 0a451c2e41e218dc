using Pif.Statistics.Funnels;

namespace Pif.Tests.Statistics;

/// <summary>Funnel limits against hand computations from the definitions in Spiegelhalter (2005).</summary>
public sealed class FunnelLimitTests
{
    // The standard normal quantiles at 0.975 and 0.999, to double precision.
    private const double Z95 = 1.959963984540054;
    private const double Z998 = 3.090232306167813;

    private static readonly FunnelUnit[] Balanced = [new("a", 5, 10), new("b", 5, 10)];

    [Fact]
    public void ExactBinomial_TenTrialsAtOneHalf_IsTheInterpolatedQuantileOverTen()
    {
        // Binomial(10, ½): P(R ≤ 1) = 11/1024, P(R ≤ 2) = 56/1024, P(R ≤ 8) = 1013/1024,
        // P(R ≤ 9) = 1023/1024, P(R = 2) = P(R = 8) = 45/1024, P(R = 1) = P(R = 9) = 10/1024.
        // Lower 95 %: r = 2, α = (56 − 0.025 × 1024) / 45; upper 95 %: r = 8, α = (1013 − 0.975 × 1024) / 45.
        var model = Funnel.Proportions(Balanced, Plain(FunnelMethod.ExactBinomial, 0.5)).Model;

        var limits = model.At(10);

        Assert.Equal((2 - (30.4 / 45)) / 10, limits.Lower95, 12);
        Assert.Equal((8 - (14.6 / 45)) / 10, limits.Upper95, 12);
        Assert.Equal((1 - (9.976 / 10)) / 10, limits.Lower998, 12);
        Assert.Equal((9 - (0.024 / 10)) / 10, limits.Upper998, 12);
        Assert.Equal(FunnelMethod.ExactBinomial, model.LimitsMethod);
    }

    [Theory]
    [InlineData(0.3, 57)]
    [InlineData(0.82, 240)]
    [InlineData(0.05, 1000)]
    public void ExactBinomial_MatchesTheDefinitionSummedByHand(double target, int trials)
    {
        var model = Funnel.Proportions(Balanced, Plain(FunnelMethod.ExactBinomial, target)).Model;

        var limits = model.At(trials);

        Assert.Equal(HandBinomial(0.025, target, trials), limits.Lower95, 10);
        Assert.Equal(HandBinomial(0.975, target, trials), limits.Upper95, 10);
        Assert.Equal(HandBinomial(0.001, target, trials), limits.Lower998, 10);
        Assert.Equal(HandBinomial(0.999, target, trials), limits.Upper998, 10);
    }

    [Theory]
    [InlineData(1.0, 10)]
    [InlineData(1.0, 12.5)]
    [InlineData(0.012, 25_000)]
    public void Poisson_MatchesTheDefinitionSummedByHand(double target, double exposure)
    {
        var units = new[] { new FunnelUnit("a", 1, 1), new FunnelUnit("b", 1, 1) };
        var model = Funnel.Ratios(units, Plain(FunnelMethod.Poisson, target)).Model;

        var limits = model.At(exposure);

        Assert.Equal(HandPoisson(0.025, target * exposure) / exposure, limits.Lower95, 10);
        Assert.Equal(HandPoisson(0.975, target * exposure) / exposure, limits.Upper95, 10);
        Assert.Equal(HandPoisson(0.001, target * exposure) / exposure, limits.Lower998, 10);
        Assert.Equal(HandPoisson(0.999, target * exposure) / exposure, limits.Upper998, 10);
    }

    [Fact]
    public void Normal_IsTargetPlusOrMinusZTimesTheStandardError_KeptWithinZeroAndOne()
    {
        var model = Funnel.Proportions(Balanced, Plain(FunnelMethod.Normal, 0.2)).Model;

        var at100 = model.At(100);
        var at4 = model.At(4);

        Assert.Equal(0.2 - (Z95 * 0.04), at100.Lower95, 12);
        Assert.Equal(0.2 + (Z95 * 0.04), at100.Upper95, 12);
        Assert.Equal(0.2 - (Z998 * 0.04), at100.Lower998, 12);
        Assert.Equal(0.2 + (Z998 * 0.04), at100.Upper998, 12);
        Assert.Equal(0, at4.Lower95);
        Assert.Equal(0.2 + (Z998 * 0.2), at4.Upper998, 12);
    }

    [Fact]
    public void NormalRatio_IsTargetPlusOrMinusZTimesRootTargetOverExposure()
    {
        var units = new[] { new FunnelUnit("a", 1, 1), new FunnelUnit("b", 1, 1) };
        var model = Funnel.Ratios(units, Plain(FunnelMethod.Normal, 1)).Model;

        var limits = model.At(25);

        Assert.Equal(1 - (Z95 * 0.2), limits.Lower95, 12);
        Assert.Equal(1 + (Z998 * 0.2), limits.Upper998, 12);
    }

    [Fact]
    public void ExactBinomial_ApproachesTheNormalLimits_WithManyTrials()
    {
        var exact = Funnel.Proportions(Balanced, Plain(FunnelMethod.ExactBinomial, 0.3)).Model.At(1_000_000);
        var normal = Funnel.Proportions(Balanced, Plain(FunnelMethod.Normal, 0.3)).Model.At(1_000_000);

        Assert.Equal(normal.Lower95, exact.Lower95, 5);
        Assert.Equal(normal.Upper998, exact.Upper998, 5);
        Assert.NotEqual(normal.Upper998, exact.Upper998);
    }

    [Fact]
    public void Curve_RunsFromTheSmallestToTheLargestDenominator_OnWholeNumbersForExactLimits()
    {
        var model = Funnel.Proportions(Balanced, Plain(FunnelMethod.ExactBinomial, 0.5)).Model;

        var curve = model.Curve(10, 1000, 50);

        Assert.Equal(10, curve[0].Denominator);
        Assert.Equal(1000, curve[^1].Denominator);
        Assert.All(curve, c => Assert.Equal(Math.Round(c.Denominator), c.Denominator));
        Assert.True(curve[^1].Upper95 < curve[0].Upper95, "The funnel narrows as the denominator grows.");
        Assert.Throws<ArgumentOutOfRangeException>(() => model.At(10.5));
    }

    [Fact]
    public void BadInput_IsRefusedWithWhatIsWrong()
    {
        var options = new FunnelOptions(FunnelMethod.Normal);

        Assert.Contains("at least two", Assert.Throws<ArgumentException>(() => Funnel.Proportions([new("a", 1, 2)], options)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot exceed", Assert.Throws<ArgumentException>(() => Funnel.Proportions([new("a", 3, 2), new("b", 1, 2)], options)).Message, StringComparison.Ordinal);
        Assert.Contains("above zero", Assert.Throws<ArgumentException>(() => Funnel.Proportions([new("a", 0, 0), new("b", 1, 2)], options)).Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 1", Assert.Throws<ArgumentException>(() => Funnel.Proportions([new("a", 0, 2), new("b", 0, 2)], options)).Message, StringComparison.Ordinal);
        Assert.Contains("whole-number", Assert.Throws<ArgumentException>(() => Funnel.Proportions([new("a", 1, 2.5), new("b", 1, 2)], new FunnelOptions(FunnelMethod.ExactBinomial))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Funnel.Proportions(Balanced, new FunnelOptions(FunnelMethod.Poisson)));
        Assert.Throws<ArgumentException>(() => Funnel.Ratios(Balanced, new FunnelOptions(FunnelMethod.ExactBinomial)));
    }

    // The placeholder units would be over-dispersed around most targets: keep the limits unadjusted.
    private static FunnelOptions Plain(FunnelMethod method, double target) => new(method, target, OverdispersionAdjustment.None);

    /// <summary>Spiegelhalter's interpolated quantile over n, from binomial probabilities summed term by term.</summary>
    private static double HandBinomial(double p, double theta, int n)
    {
        var cumulative = 0.0;
        for (var r = 0; r <= n; r++)
        {
            var mass = Math.Exp(LogChoose(n, r) + (r * Math.Log(theta)) + ((n - r) * Math.Log(1 - theta)));
            cumulative += mass;
            if (cumulative >= p)
            {
                return (r - ((cumulative - p) / mass)) / n;
            }
        }

        return 1;
    }

    private static double HandPoisson(double p, double mean)
    {
        var mass = Math.Exp(-mean);
        var cumulative = mass;
        for (var r = 0; ; r++)
        {
            if (cumulative >= p)
            {
                return r - ((cumulative - p) / mass);
            }

            mass *= mean / (r + 1);
            cumulative += mass;
        }
    }

    private static double LogChoose(int n, int r)
    {
        var sum = 0.0;
        for (var i = 1; i <= r; i++)
        {
            sum += Math.Log(n - r + i) - Math.Log(i);
        }

        return sum;
    }
}
