namespace Pif.Statistics.Spc;

public enum ControlChartKind
{
    /// <summary>Individuals and moving range: any measured value (costs, averages, scores, proportions without counts).</summary>
    XmR,

    /// <summary>Proportions with their numerators and denominators.</summary>
    P,

    /// <summary>Counts per unit of exposure (per 1,000 people, say) with their counts and exposures.</summary>
    U,
}

public enum SpecialCauseRule
{
    /// <summary>A point above the upper or below the lower control limit.</summary>
    OutsideLimits,

    /// <summary>A run of points on one side of the centre line.</summary>
    Shift,

    /// <summary>A run of points each higher, or each lower, than the one before.</summary>
    Trend,

    /// <summary>Two of three consecutive points beyond two sigma on the same side.</summary>
    TwoOfThree,
}

/// <summary>A special cause a point is part of, and on which side.</summary>
public sealed record SpecialCause(SpecialCauseRule Rule, Side Side);

/// <summary>One point of a control chart with its own limits (they vary with the denominator on P and U charts).</summary>
/// <param name="Signals">The special causes the point is part of, outside the limits first, then a trend, two of three and a shift.</param>
public sealed record ControlPoint(int Index, double Value, double Centre, double Lower, double Upper, double Sigma, IReadOnlyList<SpecialCause> Signals);

/// <summary>
/// A stretch of the chart with its own centre line and limits: the whole series, or the points
/// from one rebasing to the next.
/// </summary>
/// <param name="MeanMovingRange">The mean moving range the XmR limits come from; null on P and U charts.</param>
/// <param name="ExcludedMovingRanges">How many moving ranges at or above 3.267 × the mean were left out of it.</param>
public sealed record ControlSegment(int First, int Last, double Centre, double? MeanMovingRange, int ExcludedMovingRanges);

public sealed record ControlChartResult(ControlChartKind Kind, RunRules Rules, IReadOnlyList<ControlSegment> Segments, IReadOnlyList<ControlPoint> Points);

/// <param name="Rules">Shift and trend lengths; Making Data Count's seven and six unless said.</param>
/// <param name="RebaseAt">Indexes where new limits start, after a change in the process.</param>
/// <param name="ExcludeLargeMovingRanges">
/// Leave moving ranges at or above 3.267 × their mean out of the XmR limits, once (Wheeler's
/// screening of ranges inflated by one special cause; NHSRplotthedots screens by default).
/// </param>
public sealed record ControlChartOptions(RunRules? Rules = null, IReadOnlyList<int>? RebaseAt = null, bool ExcludeLargeMovingRanges = false);

/// <summary>
/// Shewhart control charts with limits at three sigma: XmR charts as Wheeler, "Understanding
/// variation" (2nd ed., 2000) and NHS England's Making Data Count (2019) draw them, and P and U
/// charts with limits for each point's own denominator, as Montgomery, "Introduction to
/// statistical quality control" (7th ed., 2013), sections 7.2.2 and 7.3.3 give them.
/// </summary>
public static class ControlChart
{
    /// <summary>
    /// 3 / d2 with d2 = 1.128 for moving ranges of two points, rounded as Wheeler and Making Data
    /// Count use it; sigma is taken as a third of it, so two sigma is 1.7733 × the mean moving range.
    /// </summary>
    public const double XmRLimitFactor = 2.66;

    /// <summary>D4 for moving ranges of two: the upper limit of the moving range chart over its mean.</summary>
    public const double MovingRangeLimitFactor = 3.267;

    public static ControlChartResult XmR(IReadOnlyList<double> values, ControlChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value must be a finite number.", nameof(values));
        }

        options ??= new ControlChartOptions();
        return Build(ControlChartKind.XmR, values, options, (first, last) =>
        {
            var centre = Mean(values, first, last);
            var ranges = Enumerable.Range(first + 1, last - first).Select(i => Math.Abs(values[i] - values[i - 1])).ToList();
            var meanRange = ranges.Count == 0 ? 0 : ranges.Average();
            var excluded = 0;
            if (options.ExcludeLargeMovingRanges && meanRange > 0)
            {
                var kept = ranges.Where(r => r < MovingRangeLimitFactor * meanRange).ToList();
                excluded = ranges.Count - kept.Count;
                meanRange = kept.Average();
            }

            var halfWidth = XmRLimitFactor * meanRange;
            var sigma = halfWidth / 3;
            return (new ControlSegment(first, last, centre, meanRange, excluded), _ => (centre - halfWidth, centre + halfWidth, sigma));
        });
    }

    /// <summary>A P chart: p̄ = Σ numerators / Σ denominators, limits p̄ ± 3√(p̄(1 − p̄)/nᵢ), kept within 0 and 1.</summary>
    public static ControlChartResult P(IReadOnlyList<(double Numerator, double Denominator)> counts, ControlChartOptions? options = null)
    {
        var values = Rates(counts, proportions: true);
        return Build(ControlChartKind.P, values, options ?? new ControlChartOptions(), (first, last) =>
        {
            var centre = Pooled(counts, first, last);
            return (new ControlSegment(first, last, centre, null, 0), i =>
            {
                var sigma = Math.Sqrt(centre * (1 - centre) / counts[i].Denominator);
                return (Math.Max(0, centre - (3 * sigma)), Math.Min(1, centre + (3 * sigma)), sigma);
            }
            );
        });
    }

    /// <summary>A U chart: ū = Σ counts / Σ exposures, limits ū ± 3√(ū/nᵢ), the lower kept at or above 0.</summary>
    public static ControlChartResult U(IReadOnlyList<(double Count, double Exposure)> counts, ControlChartOptions? options = null)
    {
        var values = Rates(counts, proportions: false);
        return Build(ControlChartKind.U, values, options ?? new ControlChartOptions(), (first, last) =>
        {
            var centre = Pooled(counts, first, last);
            return (new ControlSegment(first, last, centre, null, 0), i =>
            {
                var sigma = Math.Sqrt(centre / counts[i].Exposure);
                return (Math.Max(0, centre - (3 * sigma)), centre + (3 * sigma), sigma);
            }
            );
        });
    }

    private static ControlChartResult Build(
        ControlChartKind kind,
        IReadOnlyList<double> values,
        ControlChartOptions options,
        Func<int, int, (ControlSegment Segment, Func<int, (double Lower, double Upper, double Sigma)> Limits)> segment)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A control chart needs at least one point.", nameof(values));
        }

        var rules = options.Rules ?? RunRules.MakingDataCount;
        rules.Check();
        var starts = Starts(options.RebaseAt, values.Count);
        var segments = new List<ControlSegment>();
        var points = new ControlPoint[values.Count];
        for (var s = 0; s < starts.Count; s++)
        {
            var first = starts[s];
            var last = (s + 1 < starts.Count ? starts[s + 1] : values.Count) - 1;
            var (found, limits) = segment(first, last);
            segments.Add(found);
            for (var i = first; i <= last; i++)
            {
                var (lower, upper, sigma) = limits(i);
                points[i] = new ControlPoint(i, values[i], found.Centre, lower, upper, sigma, []);
            }

            SpecialCauses.Mark(values, points, first, last, rules);
        }

        return new ControlChartResult(kind, rules, segments, points);
    }

    private static List<int> Starts(IReadOnlyList<int>? rebaseAt, int count)
    {
        var starts = new List<int> { 0 };
        foreach (var index in (rebaseAt ?? []).Order())
        {
            if (index <= 0 || index >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(rebaseAt), index, "Limits can be rebased only at a point after the first.");
            }

            if (index != starts[^1])
            {
                starts.Add(index);
            }
        }

        return starts;
    }

    private static double[] Rates(IReadOnlyList<(double Count, double Base)> counts, bool proportions)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (count, denominator) in counts)
        {
            if (!double.IsFinite(count) || !double.IsFinite(denominator) || count < 0 || denominator <= 0)
            {
                throw new ArgumentException("Every count must be zero or more, over a denominator above zero.", nameof(counts));
            }

            if (proportions && count > denominator)
            {
                throw new ArgumentException("A numerator cannot exceed its denominator.", nameof(counts));
            }
        }

        return counts.Select(c => c.Count / c.Base).ToArray();
    }

    private static double Mean(IReadOnlyList<double> values, int first, int last)
    {
        var sum = 0.0;
        for (var i = first; i <= last; i++)
        {
            sum += values[i];
        }

        return sum / (last - first + 1);
    }

    private static double Pooled(IReadOnlyList<(double Count, double Base)> counts, int first, int last)
    {
        double count = 0, denominator = 0;
        for (var i = first; i <= last; i++)
        {
            count += counts[i].Count;
            denominator += counts[i].Base;
        }

        return count / denominator;
    }
}
