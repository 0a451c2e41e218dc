namespace Pif.Statistics.Spc;

/// <summary>How many points make a shift and a trend. The defaults are those of Perla, Provost and Murray (2011): six and five.</summary>
public sealed record RunRules(int Shift = 6, int Trend = 5)
{
    public static RunRules Default { get; } = new();

    /// <summary>
    /// The lengths NHS England's Making Data Count uses on control charts, as NHSRplotthedots
    /// (version 0.2) implements them: seven points on one side, seven points rising or falling.
    /// </summary>
    public static RunRules MakingDataCount { get; } = new(7, 7);

    internal void Check()
    {
        if (Shift < 2 || Trend < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Shift), "A shift and a trend need at least two points.");
        }
    }
}

/// <summary>
/// The Anhøj rules for non-random variation in a run chart, from Anhøj and Olesen, "Run charts
/// revisited: a simulation study of run chart rules for detection of non-random variation in
/// health care processes", PLoS ONE 9 (2014) e113825. Points on the median are not useful
/// observations: they are left out of the count, the runs and the crossings.
/// </summary>
/// <param name="UsefulObservations">The points not on the median.</param>
/// <param name="LongestRun">The longest run of useful points on one side of the median.</param>
/// <param name="LongestRunLimit">round(log2(n) + 3): a longer run signals.</param>
/// <param name="Crossings">How many times the line joining useful points crosses the median.</param>
/// <param name="FewestCrossings">The 5th percentile of Binomial(n − 1, 0.5): fewer crossings signal.</param>
/// <param name="MostCrossings">
/// The 95th percentile of the same distribution: more crossings mean too many runs, the
/// oscillation of the classic runs test, which Anhøj and Olesen leave out because it is rare.
/// </param>
public sealed record AnhojRules(int UsefulObservations, int LongestRun, int LongestRunLimit, int Crossings, int FewestCrossings, int MostCrossings)
{
    public bool LongestRunSignal => LongestRun > LongestRunLimit;

    public bool TooFewCrossings => Crossings < FewestCrossings;

    public bool TooManyCrossings => Crossings > MostCrossings;

    /// <summary>True when the run chart shows non-random variation by either Anhøj rule.</summary>
    public bool NonRandom => LongestRunSignal || TooFewCrossings;

    /// <summary>The limits for <paramref name="useful"/> useful observations, as Anhøj and Olesen's table 1 gives them.</summary>
    public static (int LongestRunLimit, int FewestCrossings, int MostCrossings) Limits(int useful)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(useful, 2);
        return (
            (int)Math.Round(Math.Log2(useful) + 3, MidpointRounding.ToEven),
            Quantiles.BinomialCount(0.05, 0.5, useful - 1),
            Quantiles.BinomialCount(0.95, 0.5, useful - 1));
    }
}

/// <summary>A run chart's median and the signals found around it.</summary>
/// <param name="Anhoj">The Anhøj rules, or null with fewer than two useful observations.</param>
public sealed record RunChartResult(double Median, RunRules Rules, IReadOnlyList<RunSignal> Shifts, IReadOnlyList<RunSignal> Trends, AnhojRules? Anhoj);

public static class RunChart
{
    /// <summary>
    /// A run chart of <paramref name="values"/> in time order: the median of the first
    /// <paramref name="baseline"/> points (all of them when null), shifts and trends by
    /// <paramref name="rules"/> (Perla, Provost and Murray 2011), and the Anhøj rules.
    /// </summary>
    public static RunChartResult Analyse(IReadOnlyList<double> values, RunRules? rules = null, int? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        rules ??= RunRules.Default;
        rules.Check();
        if (values.Count == 0)
        {
            throw new ArgumentException("A run chart needs at least one point.", nameof(values));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value must be a finite number.", nameof(values));
        }

        var baselineCount = baseline ?? values.Count;
        if (baselineCount < 1 || baselineCount > values.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "The baseline must be between one point and all of them.");
        }

        var median = Median(values.Take(baselineCount));
        return new RunChartResult(
            median,
            rules,
            Runs.Shifts(values, 0, values.Count, _ => median, rules.Shift, skipTies: true),
            Runs.Trends(values, 0, values.Count, rules.Trend, skipTies: true),
            Anhoj(values, median));
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("There is no median of no values.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static AnhojRules? Anhoj(IReadOnlyList<double> values, double median)
    {
        var sides = values.Select(v => Math.Sign(v - median)).Where(s => s != 0).ToArray();
        if (sides.Length < 2)
        {
            return null;
        }

        var longest = 1;
        var current = 1;
        var crossings = 0;
        for (var i = 1; i < sides.Length; i++)
        {
            if (sides[i] == sides[i - 1])
            {
                current++;
                longest = Math.Max(longest, current);
            }
            else
            {
                crossings++;
                current = 1;
            }
        }

        var (limit, fewest, most) = AnhojRules.Limits(sides.Length);
        return new AnhojRules(sides.Length, longest, limit, crossings, fewest, most);
    }
}
