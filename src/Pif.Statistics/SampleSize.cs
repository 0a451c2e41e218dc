using MathNet.Numerics.Distributions;

namespace Pif.Statistics;

public static class SampleSize
{
    /// <summary>
    /// How many cases to read to estimate a proportion within <paramref name="margin"/> at
    /// <paramref name="confidence"/>, assuming the worst case p = 0.5, with the finite-population
    /// correction n = n0 / (1 + (n0 − 1) / N). Case file reading uses 90 % and ±15 %.
    /// </summary>
    public static int ForProportion(double confidence, double margin, int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(population);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence must be between 0 and 1.");
        }

        if (margin is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be between 0 and 1.");
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var n0 = z * z * 0.25 / (margin * margin);
        var n = n0 / (1 + ((n0 - 1) / population));
        return Math.Min(population, (int)Math.Ceiling(n));
    }
}
