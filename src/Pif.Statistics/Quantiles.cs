namespace Pif.Statistics;

/// <summary>
/// Quantiles of the binomial and Poisson distributions made continuous by interpolation, as
/// Spiegelhalter, "Funnel plots for comparing institutional performance", Statistics in
/// Medicine 24 (2005) 1185–1202, appendix A.1.1 gives them: r_p is the smallest count with
/// P(R ≤ r_p) ≥ p, α = (P(R ≤ r_p) − p) / P(R = r_p), and the quantile is r_p − α. Without the
/// interpolation exact funnel limits are step functions of the denominator.
/// </summary>
internal static class Quantiles
{
    /// <summary>
    /// The smallest count r with P(R ≤ r) ≥ <paramref name="p"/> for R ~ Binomial(<paramref name="trials"/>,
    /// <paramref name="probability"/>): R's <c>qbinom</c>.
    /// </summary>
    public static int BinomialCount(double p, double probability, int trials)
    {
        var low = 0;
        var high = trials;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (MathNet.Numerics.Distributions.Binomial.CDF(probability, trials, middle) >= p)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>The interpolated p-quantile of Binomial(<paramref name="trials"/>, <paramref name="probability"/>), a count between 0 and the trials.</summary>
    public static double BinomialInterpolated(double p, double probability, int trials)
    {
        if (trials == 0 || probability <= 0)
        {
            return 0;
        }

        if (probability >= 1)
        {
            return trials;
        }

        var low = BinomialCount(p, probability, trials);
        var cumulative = MathNet.Numerics.Distributions.Binomial.CDF(probability, trials, low);
        var mass = MathNet.Numerics.Distributions.Binomial.PMF(probability, trials, low);
        return Math.Clamp(low - ((cumulative - p) / mass), 0, trials);
    }

    /// <summary>The interpolated p-quantile of Poisson(<paramref name="mean"/>), a count of at least 0.</summary>
    public static double PoissonInterpolated(double p, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        var high = (long)Math.Ceiling(mean + (10 * Math.Sqrt(mean)) + 10);
        while (MathNet.Numerics.Distributions.Poisson.CDF(mean, high) < p)
        {
            high *= 2;
        }

        var low = 0L;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (MathNet.Numerics.Distributions.Poisson.CDF(mean, middle) >= p)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var cumulative = MathNet.Numerics.Distributions.Poisson.CDF(mean, low);
        var mass = MathNet.Numerics.Distributions.Poisson.PMF(mean, (int)low);
        return Math.Max(0, low - ((cumulative - p) / mass));
    }

    /// <summary>The standard normal p-quantile.</summary>
    public static double Normal(double p) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);

    /// <summary>R's default (type 7) quantile: linear interpolation between order statistics at h = (n − 1)p.</summary>
    public static double Type7(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        return low + 1 >= sorted.Count ? sorted[^1] : sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low]));
    }
}
