using Pif.Statistics.Spc;

namespace Pif.Statistics.Funnels;

/// <summary>How the limits are drawn.</summary>
public enum FunnelMethod
{
    /// <summary>The normal approximation: target ± z × standard error at the target.</summary>
    Normal,

    /// <summary>Interpolated binomial quantiles (Spiegelhalter 2005, appendix A.1.1), for proportions.</summary>
    ExactBinomial,

    /// <summary>Interpolated Poisson quantiles (Spiegelhalter 2005, appendix A.1.2), for ratios and rates.</summary>
    Poisson,
}

/// <summary>How the limits are widened when the units vary more than chance allows.</summary>
public enum OverdispersionAdjustment
{
    /// <summary>Not widened: the units are not over-dispersed, or the caller asked for no adjustment.</summary>
    None,

    /// <summary>The standard error multiplied by √φ.</summary>
    Multiplicative,

    /// <summary>A between-unit variance τ² added to each unit's variance (additive random effects).</summary>
    Additive,
}

/// <summary>One unit (a council) of a funnel plot.</summary>
/// <param name="Numerator">Cases for a proportion; observed events for a ratio or rate.</param>
/// <param name="Denominator">Trials for a proportion; expected events (ratio) or exposure (rate) for a Poisson funnel.</param>
public sealed record FunnelUnit(string Id, double Numerator, double Denominator);

/// <param name="Method">How the limits are drawn when no over-dispersion adjustment applies.</param>
/// <param name="Target">The value the funnel is centred on; the pooled Σ numerators / Σ denominators when null.</param>
/// <param name="Adjustment">The adjustment to use if the units are over-dispersed.</param>
/// <param name="Winsorise">The share winsorised at each end of the z-scores before φ is estimated.</param>
/// <param name="TestLevel">The significance level of the χ² test for over-dispersion.</param>
public sealed record FunnelOptions(
    FunnelMethod Method,
    double? Target = null,
    OverdispersionAdjustment Adjustment = OverdispersionAdjustment.Additive,
    double Winsorise = 0.10,
    double TestLevel = 0.05);

/// <summary>The limits at one denominator, at about 95 % (two-sided 0.025 and 0.975) and 99.8 % (0.001 and 0.999).</summary>
public sealed record FunnelLimits(double Denominator, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>A unit's place on the funnel.</summary>
/// <param name="Value">Numerator / denominator.</param>
/// <param name="Z">(value − target) / √(V(target) / denominator), before winsorising.</param>
/// <param name="WinsorisedZ">The z-score as it entered φ.</param>
/// <param name="Side">Which side of the target the unit lies, or null on it.</param>
public sealed record FunnelPoint(FunnelUnit Unit, double Value, double Z, double WinsorisedZ, FunnelLimits Limits, Side? Side)
{
    /// <summary>Beyond the 95 % limits; a point on a limit is inside.</summary>
    public bool Outside95 => Value < Limits.Lower95 || Value > Limits.Upper95;

    /// <summary>Beyond the 99.8 % limits; a point on a limit is inside.</summary>
    public bool Outside998 => Value < Limits.Lower998 || Value > Limits.Upper998;
}

/// <summary>The over-dispersion estimate and test (Spiegelhalter, "Handling over-dispersion of performance indicators", Quality and Safety in Health Care 14 (2005) 347–351).</summary>
/// <param name="Phi">The mean of the squared winsorised z-scores.</param>
/// <param name="ChiSquare">I × φ, compared with χ² on I − 1 degrees of freedom.</param>
/// <param name="Overdispersed">True when the test's p-value is below the test level.</param>
/// <param name="Tau2">The DerSimonian-Laird between-unit variance from the winsorised z-scores; 0 when I × φ ≤ I − 1.</param>
/// <param name="Adjustment">The adjustment the limits use: the one asked for when over-dispersed, otherwise none.</param>
/// <param name="WinsorLower">The lower winsorising cut-off (R's type 7 quantile of the z-scores).</param>
/// <param name="WinsorUpper">The upper winsorising cut-off.</param>
/// <param name="Winsorised">How many z-scores lay beyond a cut-off and were pulled in to it.</param>
public sealed record OverdispersionResult(
    int Units,
    double Phi,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    bool Overdispersed,
    double Tau2,
    OverdispersionAdjustment Adjustment,
    double WinsorLower,
    double WinsorUpper,
    int Winsorised);
