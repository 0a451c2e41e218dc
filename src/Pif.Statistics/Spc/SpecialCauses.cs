namespace Pif.Statistics.Spc;

/// <summary>
/// The four special-cause rules of NHS England's Making Data Count (2019), with the conventions
/// of its reference implementation NHSRplotthedots (version 0.2): limits are strict (a point on
/// a limit is inside), a point on the centre line ends a shift, an unchanged value ends a trend,
/// and two of three counts a window of three consecutive points all on one side of the centre
/// line, at least two of them beyond two sigma but inside the limits, and marks those two.
/// Rules run within one segment, so a run never spans a rebasing.
/// </summary>
internal static class SpecialCauses
{
    /// <summary>
    /// Marks each point of the segment with its signals, in NHSRplotthedots' order of
    /// precedence: outside the limits, a trend, two of three, a shift.
    /// </summary>
    public static void Mark(IReadOnlyList<double> values, ControlPoint[] points, int first, int last, RunRules rules)
    {
        var found = Enumerable.Range(first, last - first + 1).ToDictionary(i => i, _ => new List<SpecialCause>());

        for (var i = first; i <= last; i++)
        {
            var p = points[i];
            if (p.Value > p.Upper)
            {
                found[i].Add(new SpecialCause(SpecialCauseRule.OutsideLimits, Side.High));
            }
            else if (p.Value < p.Lower)
            {
                found[i].Add(new SpecialCause(SpecialCauseRule.OutsideLimits, Side.Low));
            }
        }

        foreach (var trend in Runs.Trends(values, first, last + 1, rules.Trend, skipTies: false))
        {
            Add(found, trend, SpecialCauseRule.Trend);
        }

        MarkTwoOfThree(points, first, last, found);

        foreach (var shift in Runs.Shifts(values, first, last + 1, i => points[i].Centre, rules.Shift, skipTies: false))
        {
            Add(found, shift, SpecialCauseRule.Shift);
        }

        for (var i = first; i <= last; i++)
        {
            points[i] = points[i] with { Signals = found[i] };
        }
    }

    private static void MarkTwoOfThree(ControlPoint[] points, int first, int last, Dictionary<int, List<SpecialCause>> found)
    {
        int Side(ControlPoint p) => Math.Sign(p.Value - p.Centre);
        bool Close(ControlPoint p) =>
            p.Value >= p.Lower && p.Value <= p.Upper && Math.Abs(p.Value - p.Centre) > 2 * p.Sigma;

        for (var start = first; start + 2 <= last; start++)
        {
            var window = points.AsSpan(start, 3);
            var side = Side(window[0]);
            if (side == 0 || Side(window[1]) != side || Side(window[2]) != side)
            {
                continue;
            }

            var close = 0;
            foreach (var p in window)
            {
                close += Close(p) ? 1 : 0;
            }

            if (close < 2)
            {
                continue;
            }

            for (var i = start; i < start + 3; i++)
            {
                var cause = new SpecialCause(SpecialCauseRule.TwoOfThree, (Spc.Side)side);
                if (Close(points[i]) && !found[i].Contains(cause))
                {
                    found[i].Add(cause);
                }
            }
        }
    }

    private static void Add(Dictionary<int, List<SpecialCause>> found, RunSignal run, SpecialCauseRule rule)
    {
        foreach (var i in run.Points)
        {
            found[i].Add(new SpecialCause(rule, run.Side));
        }
    }
}
