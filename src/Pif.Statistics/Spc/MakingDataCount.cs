namespace Pif.Statistics.Spc;

/// <summary>Making Data Count's variation icon: what the latest point says about the process.</summary>
public enum Variation
{
    /// <summary>The latest point is part of no signal.</summary>
    CommonCause,

    /// <summary>The latest point signals in the better direction.</summary>
    SpecialCauseImprovement,

    /// <summary>The latest point signals in the worse direction.</summary>
    SpecialCauseConcern,

    /// <summary>The latest point signals, on a measure where neither direction is better.</summary>
    SpecialCauseNeither,
}

/// <summary>Making Data Count's assurance icon: whether the process can be relied on to meet its target.</summary>
public enum Assurance
{
    /// <summary>Both limits are on the passing side of the target.</summary>
    ConsistentlyPassing,

    /// <summary>Both limits are on the failing side of the target.</summary>
    ConsistentlyFailing,

    /// <summary>The target lies between the limits (or on one), so it will be met some times and missed others.</summary>
    HitAndMiss,
}

/// <summary>The variation icon with the side of the signal that set it (null for common cause).</summary>
public sealed record VariationSummary(Variation Variation, Side? Side, SpecialCauseRule? Rule);

/// <summary>
/// The two summaries of NHS England's Making Data Count, "Strengthening your decisions" (2019),
/// computed as NHSRplotthedots (version 0.2) does: variation from the latest point's signal
/// (the first in order of precedence), assurance from the latest point's limits.
/// </summary>
public static class MakingDataCount
{
    public static VariationSummary Variation(ControlChartResult chart, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var latest = chart.Points[^1];
        if (latest.Signals.Count == 0)
        {
            return new VariationSummary(Spc.Variation.CommonCause, null, null);
        }

        var signal = latest.Signals[0];
        var variation = polarity switch
        {
            Polarity.Neither => Spc.Variation.SpecialCauseNeither,
            Polarity.HigherIsBetter => signal.Side == Side.High ? Spc.Variation.SpecialCauseImprovement : Spc.Variation.SpecialCauseConcern,
            _ => signal.Side == Side.Low ? Spc.Variation.SpecialCauseImprovement : Spc.Variation.SpecialCauseConcern,
        };
        return new VariationSummary(variation, signal.Side, signal.Rule);
    }

    /// <summary>The assurance against <paramref name="target"/>; null when neither direction is better, as there is then no passing side.</summary>
    public static Assurance? Assurance(ControlChartResult chart, double target, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (polarity == Polarity.Neither || !double.IsFinite(target))
        {
            return null;
        }

        var latest = chart.Points[^1];
        if (target > latest.Upper)
        {
            return polarity == Polarity.HigherIsBetter ? Spc.Assurance.ConsistentlyFailing : Spc.Assurance.ConsistentlyPassing;
        }

        if (target < latest.Lower)
        {
            return polarity == Polarity.HigherIsBetter ? Spc.Assurance.ConsistentlyPassing : Spc.Assurance.ConsistentlyFailing;
        }

        return Spc.Assurance.HitAndMiss;
    }
}
