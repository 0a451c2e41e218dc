using System.Globalization;
using Pif.Statistics.Funnels;
using Pif.Statistics.Spc;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>The plain words for funnel plots and control charts: what a position, a signal or a summary means.</summary>
public static class AnalysisWording
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Where a council sits on the funnel, with which way is better when one is.</summary>
    public static string Position(FunnelPoint point, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (!point.Outside95)
        {
            return "Within the 95% limits";
        }

        var high = point.Side == Side.High;
        var level = point.Outside998 ? "99.8%" : "95%";
        var judged = polarity switch
        {
            Polarity.HigherIsBetter => high ? ", better" : ", worse",
            Polarity.LowerIsBetter => high ? ", worse" : ", better",
            _ => "",
        };
        return $"{(high ? "Above" : "Below")} the {level} limits{judged}";
    }

    /// <summary>The over-dispersion test and the adjustment, in one plain sentence.</summary>
    public static string Overdispersion(OverdispersionResult o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var phi = o.Phi.ToString("0.00", British);
        var p = o.PValue < 0.001 ? "p < 0.001" : $"p = {o.PValue.ToString("0.000", British)}";
        if (!o.Overdispersed)
        {
            return $"The councils differ no more than chance alone would explain (dispersion φ = {phi}, {p}), so the limits are not widened.";
        }

        return o.Adjustment switch
        {
            OverdispersionAdjustment.Additive => $"The councils differ more than chance alone would explain (dispersion φ = {phi}, {p}), so the limits are widened by the spread between councils (τ² = {o.Tau2.ToString("G3", British)}), as Spiegelhalter (2005) recommends: a council outside them differs by more than councils usually do.",
            OverdispersionAdjustment.Multiplicative => $"The councils differ more than chance alone would explain (dispersion φ = {phi}, {p}), so the limits are widened by √φ.",
            _ => $"The councils differ more than chance alone would explain (dispersion φ = {phi}, {p}), but the limits are drawn unadjusted as asked, so more councils fall outside them than chance alone would put there.",
        };
    }

    public static string Adjustment(OverdispersionAdjustment adjustment) => adjustment switch
    {
        OverdispersionAdjustment.Additive => "Widened by the spread between councils (recommended)",
        OverdispersionAdjustment.Multiplicative => "Widened by the square root of the dispersion",
        OverdispersionAdjustment.None => "Not widened",
        _ => throw new ArgumentOutOfRangeException(nameof(adjustment)),
    };

    /// <summary>A signal in words: "a run of 7 above the centre line".</summary>
    public static string Signal(SpecialCause cause, RunRules rules)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(rules);
        var above = cause.Side == Side.High;
        return cause.Rule switch
        {
            SpecialCauseRule.OutsideLimits => above ? "above the upper limit" : "below the lower limit",
            SpecialCauseRule.Shift => $"part of a run of {rules.Shift} or more {(above ? "above" : "below")} the centre line",
            SpecialCauseRule.Trend => $"part of {rules.Trend} or more {(above ? "rising" : "falling")} in a row",
            SpecialCauseRule.TwoOfThree => $"two of three close to the {(above ? "upper" : "lower")} limit",
            _ => throw new ArgumentOutOfRangeException(nameof(cause)),
        };
    }

    public static string Chart(SpcChart chart) => chart switch
    {
        SpcChart.P => "P chart (a proportion, with limits for each period's denominator)",
        SpcChart.U => "U chart (a rate of events, with limits for each period's population)",
        SpcChart.XmR => "XmR chart (individual figures, with limits from the moving range)",
        SpcChart.Run => "Run chart (the median, with run rules)",
        _ => throw new ArgumentOutOfRangeException(nameof(chart)),
    };

    /// <summary>Making Data Count's variation icon as words: its label, and what it means.</summary>
    public static (string Label, string Meaning) Variation(VariationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var side = summary.Side == Side.High ? "high" : "low";
        return summary.Variation switch
        {
            Statistics.Spc.Variation.CommonCause => ("Common cause variation", "The latest figure is part of no signal: it varies as the process has varied."),
            Statistics.Spc.Variation.SpecialCauseImprovement => ($"Special cause improvement ({side})", "The latest figure is part of a signal in the better direction: something has changed for the better."),
            Statistics.Spc.Variation.SpecialCauseConcern => ($"Special cause concern ({side})", "The latest figure is part of a signal in the worse direction: something has changed that needs looking into."),
            _ => ($"Special cause variation ({side})", "The latest figure is part of a signal; neither direction is better for this indicator."),
        };
    }

    /// <summary>Making Data Count's assurance icon as words.</summary>
    public static (string Label, string Meaning) Assurance(Assurance assurance) => assurance switch
    {
        Statistics.Spc.Assurance.ConsistentlyPassing => ("Consistently passing the target", "Both limits are on the better side of the target: it will be met unless the process changes."),
        Statistics.Spc.Assurance.ConsistentlyFailing => ("Consistently failing the target", "Both limits are on the worse side of the target: it will not be met unless the process changes."),
        _ => ("Hit and miss", "The target lies between the limits: it will be met some years and missed in others by chance alone."),
    };

    /// <summary>A control or run chart's text alternative: what it is and what it found.</summary>
    public static string Summary(IndicatorSpc spc, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(spc);
        ArgumentNullException.ThrowIfNull(format);
        var span = $"{spc.Indicator.Code} for {spc.Council} from {spc.Periods[0].Period} to {spc.Periods[^1].Period}";
        if (spc.Control is { } control)
        {
            var latest = control.Points[^1];
            var signalled = control.Points.Count(p => p.Signals.Count > 0);
            return $"{Chart(spc.Chart).Split(" (")[0]} of {span}, centre {format(latest.Centre * spc.Scale)}, limits {format(latest.Lower * spc.Scale)} to {format(latest.Upper * spc.Scale)}: "
                + (signalled == 0 ? "no figure signals a change" : $"{signalled} of {control.Points.Count} figures are part of a signal")
                + $". {Variation(spc.Variation!).Label}.";
        }

        var run = spc.Run!;
        var runs = run.Shifts.Count + run.Trends.Count;
        return $"Run chart of {span}, median {format(run.Median)}: "
            + (runs == 0 ? "no shift or trend" : $"{run.Shifts.Count} {(run.Shifts.Count == 1 ? "shift" : "shifts")} and {run.Trends.Count} {(run.Trends.Count == 1 ? "trend" : "trends")}") + ".";
    }
}
