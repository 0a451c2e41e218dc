using Pif.Statistics.Funnels;
using Pif.Statistics.Spc;

namespace Pif.Tests.Statistics;

/// <summary>
/// Over-dispersion by hand: eleven units of 100 around a target of ½, so each standard error is
/// 0.05 and each z-score is (numerator − 50) / 5.
/// </summary>
public sealed class FunnelOverdispersionTests
{
    private const double Z95 = 1.959963984540054;
    private const double Z998 = 3.090232306167813;

    // z = −4, −2, −1, −1, 0, 0, 0, 1, 1, 2, 6.
    private static readonly FunnelUnit[] Spread = Units(30, 40, 45, 45, 50, 50, 50, 55, 55, 60, 80);

    [Fact]
    public void Phi_FromZScoresWinsorisedAtTenPercent_AndTheChiSquareTestOnIMinusOne()
    {
        var result = Funnel.Proportions(Spread, new FunnelOptions(FunnelMethod.Normal, 0.5));
        var o = result.Overdispersion;

        // Type 7 quantiles of eleven sorted z-scores at 0.1 and 0.9 fall on the 2nd and 10th: −2 and 2.
        Assert.Equal(-2, o.WinsorLower, 12);
        Assert.Equal(2, o.WinsorUpper, 12);
        Assert.Equal(2, o.Winsorised);
        Assert.Equal(-4, result.Points[0].Z, 12);
        Assert.Equal(-2, result.Points[0].WinsorisedZ, 12);
        Assert.Equal(2, result.Points[^1].WinsorisedZ, 12);

        // Squares 4 + 4 + 1 + 1 + 0 + 0 + 0 + 1 + 1 + 4 + 4 = 20.
        Assert.Equal(20.0 / 11, o.Phi, 12);
        Assert.Equal(20, o.ChiSquare, 12);
        Assert.Equal(10, o.DegreesOfFreedom);

        // χ² on 10 (even) degrees of freedom: P(X > 20) = e^−10 Σ_{j<5} 10^j / j!.
        Assert.Equal(Math.Exp(-10) * (1 + 10 + 50 + (1000.0 / 6) + (10000.0 / 24)), o.PValue, 12);
        Assert.True(o.Overdispersed);

        // DerSimonian-Laird: every weight 1 / 0.0025 = 400, so τ² = (20 − 10) / (4400 − 400).
        Assert.Equal(0.0025, o.Tau2, 12);
        Assert.Equal(OverdispersionAdjustment.Additive, o.Adjustment);
    }

    [Fact]
    public void AdditiveLimits_AddTauSquaredToEachUnitsVariance_AndListTheOutliers()
    {
        var result = Funnel.Proportions(Spread, new FunnelOptions(FunnelMethod.ExactBinomial, 0.5));

        var spread = Math.Sqrt(0.0025 + 0.0025);
        var highest = result.Points[^1];
        Assert.Equal(0.5 + (Z95 * spread), highest.Limits.Upper95, 12);
        Assert.Equal(0.5 - (Z998 * spread), highest.Limits.Lower998, 12);
        Assert.Equal(FunnelMethod.Normal, result.Model.LimitsMethod);

        // 0.8 is beyond 0.5 + 3.09 × 0.0707 = 0.7185; 0.3 is beyond 0.5 − 1.96 × 0.0707 = 0.3614 but not 0.2815.
        Assert.True(highest.Outside998);
        Assert.Equal(Side.High, highest.Side);
        Assert.True(result.Points[0].Outside95);
        Assert.False(result.Points[0].Outside998);
        Assert.Equal(Side.Low, result.Points[0].Side);
        Assert.Equal(2, result.Points.Count(p => p.Outside95));
        Assert.Null(result.Points[4].Side);
    }

    [Fact]
    public void MultiplicativeLimits_WidenTheStandardErrorByRootPhi()
    {
        var result = Funnel.Proportions(Spread, new FunnelOptions(FunnelMethod.Normal, 0.5, OverdispersionAdjustment.Multiplicative));

        Assert.Equal(OverdispersionAdjustment.Multiplicative, result.Overdispersion.Adjustment);
        Assert.Equal(0.5 + (Z998 * Math.Sqrt(20.0 / 11 * 0.0025)), result.Points[0].Limits.Upper998, 12);
    }

    [Fact]
    public void UnitsWithinChance_AreNotAdjusted_AndTauSquaredIsZero()
    {
        // z = −1, 0, 0, 1, 0, 0, winsorised to ±0.5: I × φ = 0.5, below I − 1 = 5.
        var calm = Units(45, 50, 50, 55, 50, 50);

        var result = Funnel.Proportions(calm, new FunnelOptions(FunnelMethod.ExactBinomial, 0.5));

        Assert.False(result.Overdispersion.Overdispersed);
        Assert.Equal(0, result.Overdispersion.Tau2);
        Assert.Equal(OverdispersionAdjustment.None, result.Overdispersion.Adjustment);
        Assert.Equal(FunnelMethod.ExactBinomial, result.Model.LimitsMethod);
        Assert.Equal(result.Model.At(100), result.Points[0].Limits);
    }

    [Fact]
    public void AskingForNoAdjustment_KeepsTheLimitsPlain_ButStillReportsTheTest()
    {
        var result = Funnel.Proportions(Spread, new FunnelOptions(FunnelMethod.Normal, 0.5, OverdispersionAdjustment.None));

        Assert.True(result.Overdispersion.Overdispersed);
        Assert.Equal(OverdispersionAdjustment.None, result.Overdispersion.Adjustment);
        Assert.Equal(0.5 + (Z95 * 0.05), result.Points[0].Limits.Upper95, 12);
    }

    [Fact]
    public void WinsorisingInterpolatesBetweenOrderStatistics()
    {
        // Ten z-scores −4, −2, −1, −1, 0, 0, 1, 1, 2, 6: h = 0.9 gives −4 + 0.9 × 2 = −2.2, h = 8.1 gives 2 + 0.1 × 4 = 2.4.
        var ten = Units(30, 40, 45, 45, 50, 50, 55, 55, 60, 80);

        var o = Funnel.Proportions(ten, new FunnelOptions(FunnelMethod.Normal, 0.5)).Overdispersion;

        Assert.Equal(-2.2, o.WinsorLower, 12);
        Assert.Equal(2.4, o.WinsorUpper, 12);
        Assert.Equal((4.84 + 4 + 1 + 1 + 0 + 0 + 1 + 1 + 4 + 5.76) / 10, o.Phi, 12);
    }

    [Fact]
    public void RatioZScores_UseTheTargetAsThePoissonVariance_AndThePooledRateByDefault()
    {
        // Observed 30 of 20 expected and 10 of 20: pooled 40 / 40 = 1, z = ±10 / 20 / √(1 / 20).
        FunnelUnit[] units = [new("a", 30, 20), new("b", 10, 20)];

        var result = Funnel.Ratios(units, new FunnelOptions(FunnelMethod.Poisson));

        Assert.Equal(1, result.Model.Target, 12);
        Assert.Equal(0.5 * Math.Sqrt(20), result.Points[0].Z, 12);
        Assert.Equal(-0.5 * Math.Sqrt(20), result.Points[1].Z, 12);
    }

    private static FunnelUnit[] Units(params int[] numerators) => [.. numerators.Select((n, i) => new FunnelUnit($"u{i}", n, 100))];
}
