namespace Pif.Statistics;

/// <summary>
/// How far two raters agree on grades of one ordered scale: the exact agreement rate, and
/// Cohen's kappa with linear weights w = 1 − |i − j| / (k − 1) over the scale's k levels, so a
/// near miss counts for more than a wide one and chance agreement is taken away.
/// </summary>
public static class Agreement
{
    /// <summary>Below this many pairs kappa is too unstable to report.</summary>
    public const int MinimumPairsForKappa = 10;

    /// <param name="pairs">Each item's two grades, as levels of the scale.</param>
    /// <param name="levels">The scale's levels in order (such as 1 to 6); every grade must be one of them.</param>
    public static AgreementResult Measure(IReadOnlyCollection<(int First, int Second)> pairs, IReadOnlyList<int> levels)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(levels);
        if (levels.Count < 2 || levels.Distinct().Count() != levels.Count)
        {
            throw new ArgumentException("A scale needs at least two distinct levels.", nameof(levels));
        }

        var index = levels.Select((level, i) => (level, i)).ToDictionary(x => x.level, x => x.i);
        if (pairs.Any(p => !index.ContainsKey(p.First) || !index.ContainsKey(p.Second)))
        {
            throw new ArgumentException("Every grade must be a level of the scale.", nameof(pairs));
        }

        var n = pairs.Count;
        if (n == 0)
        {
            return new AgreementResult(0, null, null, null, null, KappaUnavailable.TooFew);
        }

        var k = levels.Count;
        var exact = pairs.Count(p => p.First == p.Second) / (double)n;
        double Weight(int i, int j) => 1 - (Math.Abs(i - j) / (double)(k - 1));

        var observed = pairs.Sum(p => Weight(index[p.First], index[p.Second])) / n;
        var first = new double[k];
        var second = new double[k];
        foreach (var (a, b) in pairs)
        {
            first[index[a]] += 1.0 / n;
            second[index[b]] += 1.0 / n;
        }

        var expected = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                expected += first[i] * second[j] * Weight(i, j);
            }
        }

        if (n < MinimumPairsForKappa)
        {
            return new AgreementResult(n, exact, observed, expected, null, KappaUnavailable.TooFew);
        }

        // Rounding can leave an expected agreement of exactly one a hair below it.
        if (1 - expected < 1e-12)
        {
            return new AgreementResult(n, exact, observed, expected, null, KappaUnavailable.NoVariation);
        }

        return new AgreementResult(n, exact, observed, expected, (observed - expected) / (1 - expected), null);
    }
}

/// <summary>Why kappa was not computed.</summary>
public enum KappaUnavailable
{
    /// <summary>Fewer than <see cref="Agreement.MinimumPairsForKappa"/> pairs.</summary>
    TooFew,

    /// <summary>The expected agreement is 1 (every grade the same level), so kappa is undefined.</summary>
    NoVariation,
}

/// <summary>The agreement between two raters over <see cref="Pairs"/> items.</summary>
/// <param name="ExactRate">The share of items given the same grade; null when there are no items.</param>
/// <param name="ObservedWeighted">The observed agreement with linear weights.</param>
/// <param name="ExpectedWeighted">The agreement with linear weights expected by chance from the two raters' own spreads.</param>
/// <param name="WeightedKappa">Cohen's linear-weighted kappa, or null with <see cref="Unavailable"/> saying why.</param>
public sealed record AgreementResult(int Pairs, double? ExactRate, double? ObservedWeighted, double? ExpectedWeighted, double? WeightedKappa, KappaUnavailable? Unavailable);
