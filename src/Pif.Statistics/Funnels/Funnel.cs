using MathNet.Numerics.Distributions;
using Pif.Statistics.Spc;

namespace Pif.Statistics.Funnels;

/// <summary>A funnel plot: the model that draws the limits, the over-dispersion found, and each unit's place.</summary>
public sealed record FunnelResult(FunnelModel Model, OverdispersionResult Overdispersion, IReadOnlyList<FunnelPoint> Points);

/// <summary>
/// Funnel plots for comparing institutions, after Spiegelhalter, "Funnel plots for comparing
/// institutional performance", Statistics in Medicine 24 (2005) 1185–1202, with the
/// over-dispersion of Spiegelhalter, "Handling over-dispersion of performance indicators",
/// Quality and Safety in Health Care 14 (2005) 347–351. The z-scores, φ and τ² are on the
/// value's own scale (no transformation).
/// </summary>
public static class Funnel
{
    /// <summary>Proportions: numerators out of denominators, by the normal approximation or exact binomial limits.</summary>
    public static FunnelResult Proportions(IReadOnlyList<FunnelUnit> units, FunnelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Method == FunnelMethod.Poisson)
        {
            throw new ArgumentException("Proportions take normal or exact binomial limits.", nameof(options));
        }

        Check(units, options);
        if (units.Any(u => u.Numerator > u.Denominator))
        {
            throw new ArgumentException("A numerator cannot exceed its denominator.", nameof(units));
        }

        if (options.Method == FunnelMethod.ExactBinomial && units.Any(u => u.Denominator != Math.Floor(u.Denominator)))
        {
            throw new ArgumentException("Exact binomial limits need whole-number denominators.", nameof(units));
        }

        var target = options.Target ?? Pooled(units);
        if (!(target > 0 && target < 1))
        {
            throw new ArgumentException("A proportion funnel needs a target between 0 and 1, not at either.", nameof(options));
        }

        return Build(units, options, proportion: true, target);
    }

    /// <summary>
    /// Indirectly standardised ratios (observed over expected events, target usually 1) and rates
    /// (events over exposure), by the normal approximation or exact Poisson limits.
    /// </summary>
    public static FunnelResult Ratios(IReadOnlyList<FunnelUnit> units, FunnelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Method == FunnelMethod.ExactBinomial)
        {
            throw new ArgumentException("Ratios and rates take normal or Poisson limits.", nameof(options));
        }

        Check(units, options);
        var target = options.Target ?? Pooled(units);
        if (!(target > 0) || !double.IsFinite(target))
        {
            throw new ArgumentException("A ratio funnel needs a target above 0.", nameof(options));
        }

        return Build(units, options, proportion: false, target);
    }

    private static FunnelResult Build(IReadOnlyList<FunnelUnit> units, FunnelOptions options, bool proportion, double target)
    {
        var plain = new FunnelModel(proportion, options.Method, target, OverdispersionAdjustment.None, 1, 0);
        var z = units.Select(u => ((u.Numerator / u.Denominator) - target) / Math.Sqrt(plain.Variance(u.Denominator))).ToArray();

        var sorted = z.Order().ToArray();
        var lower = Quantiles.Type7(sorted, options.Winsorise);
        var upper = Quantiles.Type7(sorted, 1 - options.Winsorise);
        var winsorised = z.Select(v => Math.Clamp(v, lower, upper)).ToArray();
        var count = units.Count;
        var phi = winsorised.Sum(v => v * v) / count;
        var chiSquare = count * phi;
        var pValue = 1 - ChiSquared.CDF(count - 1, chiSquare);
        var overdispersed = pValue < options.TestLevel;

        var weights = units.Select(u => 1 / plain.Variance(u.Denominator)).ToArray();
        var sum = weights.Sum();
        var tau2 = Math.Max(0, (chiSquare - (count - 1)) / (sum - (weights.Sum(w => w * w) / sum)));

        var adjustment = overdispersed ? options.Adjustment : OverdispersionAdjustment.None;
        var model = new FunnelModel(proportion, options.Method, target, adjustment, phi, tau2);
        var overdispersion = new OverdispersionResult(
            count, phi, chiSquare, count - 1, pValue, overdispersed, tau2, adjustment, lower, upper, z.Count(v => v < lower || v > upper));

        var points = units.Select((u, i) => new FunnelPoint(
            u,
            u.Numerator / u.Denominator,
            z[i],
            winsorised[i],
            model.At(u.Denominator),
            z[i] == 0 ? null : (Side)Math.Sign(z[i]))).ToList();
        return new FunnelResult(model, overdispersion, points);
    }

    private static void Check(IReadOnlyList<FunnelUnit> units, FunnelOptions options)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count < 2)
        {
            throw new ArgumentException("A funnel compares at least two units.", nameof(units));
        }

        if (units.Any(u => !double.IsFinite(u.Numerator) || !double.IsFinite(u.Denominator) || u.Numerator < 0 || u.Denominator <= 0))
        {
            throw new ArgumentException("Every numerator must be zero or more, over a denominator above zero.", nameof(units));
        }

        if (options.Winsorise is < 0 or >= 0.5)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Winsorise, "Winsorise a share from 0 to just under a half at each end.");
        }

        if (options.TestLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.TestLevel, "The test level must be between 0 and 1.");
        }
    }

    private static double Pooled(IReadOnlyList<FunnelUnit> units) => units.Sum(u => u.Numerator) / units.Sum(u => u.Denominator);
}
