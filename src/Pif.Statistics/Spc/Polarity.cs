namespace Pif.Statistics.Spc;

/// <summary>Which way is better for a measure; it decides whether a signal is an improvement or a concern.</summary>
public enum Polarity
{
    /// <summary>Neither direction is better (a count of referrals, say): signals are reported without a judgement.</summary>
    Neither,

    HigherIsBetter,

    LowerIsBetter,
}

/// <summary>Which side of the centre line a signal lies on.</summary>
public enum Side
{
    Low = -1,
    High = 1,
}
