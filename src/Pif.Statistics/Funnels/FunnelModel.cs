namespace Pif.Statistics.Funnels;

/// <summary>
/// The limits of one funnel at any denominator: the target, the variance function of the data
/// (θ(1 − θ) for proportions, θ for Poisson counts) and the adjustment in use.
/// </summary>
public sealed class FunnelModel
{
    private static readonly (double Lower, double Upper, double Z)[] Levels =
        [(0.025, 0.975, Quantiles.Normal(0.975)), (0.001, 0.999, Quantiles.Normal(0.999))];

    internal FunnelModel(bool proportion, FunnelMethod method, double target, OverdispersionAdjustment adjustment, double phi, double tau2)
    {
        IsProportion = proportion;
        Method = method;
        Target = target;
        Adjustment = adjustment;
        Phi = phi;
        Tau2 = tau2;
    }

    /// <summary>True for a proportion (binomial) funnel, false for a ratio or rate (Poisson).</summary>
    public bool IsProportion { get; }

    /// <summary>The method asked for. With an adjustment the limits are normal ones, widened.</summary>
    public FunnelMethod Method { get; }

    public double Target { get; }

    public OverdispersionAdjustment Adjustment { get; }

    public double Phi { get; }

    public double Tau2 { get; }

    /// <summary>The method the limits really use: the normal approximation once an adjustment applies.</summary>
    public FunnelMethod LimitsMethod => Adjustment == OverdispersionAdjustment.None ? Method : FunnelMethod.Normal;

    /// <summary>V(target) / denominator: the variance of a unit's value under the target.</summary>
    public double Variance(double denominator) => (IsProportion ? Target * (1 - Target) : Target) / denominator;

    /// <summary>
    /// The limits at <paramref name="denominator"/>. Exact binomial limits need a whole number of
    /// trials. Proportions are kept within 0 and 1, and every lower limit at or above 0.
    /// </summary>
    public FunnelLimits At(double denominator)
    {
        if (!double.IsFinite(denominator) || denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A denominator must be above zero.");
        }

        if (LimitsMethod == FunnelMethod.ExactBinomial && denominator != Math.Floor(denominator))
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "Exact binomial limits need a whole number of trials.");
        }

        var limits = new double[4];
        for (var level = 0; level < Levels.Length; level++)
        {
            var (lower, upper) = Limit(denominator, Levels[level]);
            limits[level * 2] = Math.Max(0, lower);
            limits[(level * 2) + 1] = IsProportion ? Math.Min(1, upper) : upper;
        }

        return new FunnelLimits(denominator, limits[0], limits[1], limits[2], limits[3]);
    }

    /// <summary>
    /// The limits at <paramref name="steps"/> denominators spread evenly on a log scale from
    /// <paramref name="from"/> to <paramref name="to"/>, to draw the funnel (whole numbers for
    /// exact binomial limits).
    /// </summary>
    public IReadOnlyList<FunnelLimits> Curve(double from, double to, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        if (!(from > 0) || !(to > from))
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The curve runs from a denominator above zero to a larger one.");
        }

        var ratio = Math.Log(to / from) / (steps - 1);
        var denominators = Enumerable.Range(0, steps).Select(i => from * Math.Exp(ratio * i));
        if (LimitsMethod == FunnelMethod.ExactBinomial)
        {
            denominators = denominators.Select(d => Math.Max(1, Math.Round(d)));
        }

        return denominators.Distinct().Select(At).ToList();
    }

    private (double Lower, double Upper) Limit(double denominator, (double Lower, double Upper, double Z) level)
    {
        switch (LimitsMethod)
        {
            case FunnelMethod.ExactBinomial:
                var trials = (int)denominator;
                return (Quantiles.BinomialInterpolated(level.Lower, Target, trials) / trials,
                    Quantiles.BinomialInterpolated(level.Upper, Target, trials) / trials);
            case FunnelMethod.Poisson:
                var mean = Target * denominator;
                return (Quantiles.PoissonInterpolated(level.Lower, mean) / denominator,
                    Quantiles.PoissonInterpolated(level.Upper, mean) / denominator);
            default:
                var variance = Variance(denominator);
                var spread = Adjustment switch
                {
                    OverdispersionAdjustment.Multiplicative => Math.Sqrt(Phi * variance),
                    OverdispersionAdjustment.Additive => Math.Sqrt(variance + Tau2),
                    _ => Math.Sqrt(variance),
                };
                return (Target - (level.Z * spread), Target + (level.Z * spread));
        }
    }
}
