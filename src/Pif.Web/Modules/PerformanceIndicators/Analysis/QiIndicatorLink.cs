namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>
/// A performance indicator that speaks to a quality indicator: the framework's suggested evidence in numbers, kept
/// by the national administrators. It names the QI by its framework's code and its own (PIF and 2.1), so it holds
/// for every version of the framework and every cycle of self-evaluation.
/// </summary>
public sealed class QiIndicatorLink
{
    public const int CodeMaxLength = 20;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string FrameworkCode { get; init; }

    public required string QiCode { get; init; }

    public Guid IndicatorId { get; init; }

    public Guid CreatedById { get; init; }

    public DateTime CreatedAt { get; init; }
}
