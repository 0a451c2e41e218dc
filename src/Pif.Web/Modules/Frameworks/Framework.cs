namespace Pif.Web.Modules.Frameworks;

/// <summary>
/// A framework or guide, known by its code (such as <c>PIF</c>) across all its versions. What it
/// says lives in its versions, so that a revision never changes what earlier evaluations used.
/// </summary>
public sealed class Framework
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }

    public DateTime CreatedAt { get; init; }

    public List<FrameworkVersion> Versions { get; init; } = [];
}

/// <summary>One numbered version of a framework. Only a draft may change; a published version never does.</summary>
public sealed class FrameworkVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid FrameworkId { get; init; }

    public Framework Framework { get; init; } = null!;

    public required int Number { get; init; }

    public FrameworkStatus Status { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public string? Publisher { get; set; }

    public FrameworkKind Kind { get; set; }

    public Guid ScaleId { get; set; }

    public EvaluationScale Scale { get; set; } = null!;

    /// <summary>What the top level of groups is called, such as "High-level question".</summary>
    public required string TopGroupLabel { get; set; }

    /// <summary>What the second level is called (such as "Key area"), or null when QIs sit directly in the top groups.</summary>
    public string? SubGroupLabel { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? RetiredAt { get; set; }

    /// <summary>When a draft's content last changed. Every edit sets it, in the same transaction, only while the version is a draft.</summary>
    public DateTime? ContentChangedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<FrameworkGroup> Groups { get; init; } = [];

    public List<QualityIndicator> QualityIndicators { get; init; } = [];

    public List<FrameworkMapping> Mappings { get; init; } = [];
}

public enum FrameworkStatus
{
    Draft,
    Published,
    Retired,
}

public enum FrameworkKind
{
    Framework,
    Guide,
}
