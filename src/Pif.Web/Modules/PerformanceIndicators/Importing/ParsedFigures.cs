namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>The figures a file of values holds, and what was wrong with the rest of it.</summary>
public sealed class ParsedFigures
{
    public List<CouncilFigure> Figures { get; } = [];

    public List<ComparatorFigure> Comparators { get; } = [];

    /// <summary>The first year each council is seen in each family group (a regrouping shows as a later year in another).</summary>
    public Dictionary<(FamilyGrouping Grouping, Guid Council, int Group), int> Families { get; } = [];

    /// <summary>Every problem, each of which skips a row or a figure.</summary>
    public List<ImportProblem> Problems { get; } = [];

    /// <summary>What Pif did with the file that is not a problem, such as converting a percentage's scale.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>How many figures were skipped, where a row holds many; null where a row is one figure (then the rows with a problem count).</summary>
    public int? SkippedFigures { get; set; }

    /// <summary>Whether the file gives values alone, so a saved numerator and denominator are not a difference.</summary>
    public bool ValuesOnly { get; init; }
}
