namespace Pif.Web.Modules.Frameworks;

/// <summary>A grading scale: the six-point scale in its two wordings, or a percentage scale such as RADAR.</summary>
public sealed class EvaluationScale
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int LabelMaxLength = 60;
    public const int MeaningMaxLength = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Code { get; init; }

    public required string Name { get; set; }

    public ScaleKind Kind { get; init; }

    public List<ScaleLevel> Levels { get; init; } = [];
}

public sealed class ScaleLevel
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ScaleId { get; init; }

    /// <summary>The level (1 to 6), or for a percentage scale the score at which the band starts.</summary>
    public int Value { get; init; }

    public required string Label { get; set; }

    public required string Meaning { get; set; }
}

public enum ScaleKind
{
    /// <summary>Grades are levels, such as 1 to 6; self-evaluations use these.</summary>
    Levels,

    /// <summary>Scores are percentages in labelled bands, as PSIF's RADAR scoring.</summary>
    Percentage,
}
