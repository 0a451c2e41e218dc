namespace Pif.Web.Modules.PerformanceIndicators.Targets;

/// <summary>
/// What a council adds to one indicator for one period: a target with the threshold below which (or above which,
/// where lower is better) the figure is red, and a commentary on the figure: what explains it and what the council
/// is doing about it. The council owns it; the figures themselves stay as published.
/// </summary>
public sealed class CouncilIndicatorYear
{
    public const int CommentaryMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndicatorId { get; init; }

    public Guid OrganisationId { get; init; }

    /// <summary>The period as the indicator's figures write it (2024-25), with its first and last years.</summary>
    public required string Period { get; init; }

    public int FromYear { get; init; }

    public int ToYear { get; init; }

    /// <summary>The figure aimed for, held as the figures are (a percentage as a fraction).</summary>
    public double? Target { get; set; }

    /// <summary>Worse than this is red; between it and the target is amber. Null: short of the target is amber.</summary>
    public double? RedThreshold { get; set; }

    public string? Commentary { get; set; }

    public Guid UpdatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>How a figure stands against its target.</summary>
public enum TargetRag
{
    Green,
    Amber,
    Red,
}

/// <summary>Rates a figure against a target with the indicator's polarity applied.</summary>
public static class TargetRating
{
    /// <summary>Green when the target is met, red when worse than the red threshold, amber between; null when there is nothing to rate.</summary>
    public static TargetRag? Rate(Polarity polarity, double? value, double? target, double? redThreshold)
    {
        if (value is not { } v || target is not { } t || polarity == Polarity.Neither)
        {
            return null;
        }

        var better = polarity == Polarity.HigherIsBetter ? 1 : -1;
        if ((v - t) * better >= 0)
        {
            return TargetRag.Green;
        }

        return redThreshold is { } red && (v - red) * better < 0 ? TargetRag.Red : TargetRag.Amber;
    }
}
