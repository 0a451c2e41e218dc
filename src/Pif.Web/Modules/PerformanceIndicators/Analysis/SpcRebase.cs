namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>
/// A council's decision that its process changed at a period, so a control chart of the indicator starts new limits
/// there (Making Data Count's "recalculation"): recorded with the reason and who made it, because moving limits
/// without a reason hides signals.
/// </summary>
public sealed class SpcRebase
{
    public const int ReasonMaxLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndicatorId { get; init; }

    public Guid OrganisationId { get; init; }

    /// <summary>The first period of the new limits, as the figures write it, with its first year for ordering.</summary>
    public required string Period { get; init; }

    public int FromYear { get; init; }

    public required string Reason { get; init; }

    public Guid CreatedById { get; init; }

    public DateTime CreatedAt { get; init; }
}
