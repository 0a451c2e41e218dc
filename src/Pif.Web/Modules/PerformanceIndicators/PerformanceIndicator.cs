namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// A performance indicator of the catalogue (DOMAIN.md section 9): what is counted, how, and which way is better.
/// "Indicator" alone means a quality indicator in Pif, hence the longer name.
/// </summary>
public sealed class PerformanceIndicator
{
    public const int CodeMaxLength = 20;
    public const int TitleMaxLength = 300;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The code as its publisher writes it, such as SW01 or CHN09.</summary>
    public required string Code { get; set; }

    /// <summary>The code folded for matching (<see cref="IndicatorCodes.Normalise"/>): SW01, SW 01, SW1 and sw01 are one.</summary>
    public required string NormalisedCode { get; set; }

    public required string Title { get; set; }

    /// <summary>What it counts and where the figures come from.</summary>
    public string? Definition { get; set; }

    public IndicatorSource Source { get; set; }

    public MeasureType MeasureType { get; set; }

    /// <summary>How a value is written, in the publisher's spreadsheet notation (0.0%, '£ '0.00).</summary>
    public string? NumberFormat { get; set; }

    public Polarity Polarity { get; set; }

    public string? NumeratorDefinition { get; set; }

    public string? DenominatorDefinition { get; set; }

    public PeriodType PeriodType { get; set; }

    /// <summary>The service area it belongs to, such as Adult Social Care Services.</summary>
    public string? Category { get; set; }

    /// <summary>The family grouping its comparisons use.</summary>
    public FamilyGrouping Grouping { get; set; }

    /// <summary>The council a local indicator belongs to; null for a national one.</summary>
    public Guid? OwnerOrganisationId { get; init; }

    /// <summary>The import that last set the catalogue entry.</summary>
    public Guid? ImportId { get; set; }
}

public enum IndicatorSource
{
    Lgbf,
    NationalStatistics,
    StatutoryReturn,
    Local,
}

public enum MeasureType
{
    Percentage,
    Cost,
    RatePer1000,
    RatePer10000,
    Days,
    Weeks,
    Score,
    Count,
    Other,
}

public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,
    Neither,
}

public enum PeriodType
{
    FinancialYear,
    AcademicYear,

    /// <summary>A figure every two years.</summary>
    Biennial,

    /// <summary>A figure for several years together, such as 2019-23.</summary>
    MultiYearAggregate,
}

/// <summary>How LGBF groups councils into families of eight for an indicator (DOMAIN.md 9.3).</summary>
public enum FamilyGrouping
{
    /// <summary>People services (social work, children, housing): 1 least deprived to 4 most.</summary>
    Deprivation,

    /// <summary>Place services (environment, culture, corporate): 1 most urban to 4 most rural.</summary>
    Rurality,
}

/// <summary>What a value describes: one council, Scotland as a whole, or the average of one family group.</summary>
public enum ValueArea
{
    Council,
    Scotland,
    FamilyGroup,
}

/// <summary>
/// One figure of an indicator for one area and period. A later import of the same figure supersedes it without
/// erasing it: the current one is the one pages show, and every revision stays with the import it came from.
/// </summary>
public sealed class IndicatorValue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndicatorId { get; init; }

    public ValueArea Area { get; init; }

    /// <summary>The council, for a council's figure.</summary>
    public Guid? OrganisationId { get; init; }

    /// <summary>The family group (1 to 4, in the indicator's grouping), for a family group's average.</summary>
    public int? FamilyGroup { get; init; }

    /// <summary>The period as published: 2022-23, or 2019-23 for a multi-year aggregate.</summary>
    public required string Period { get; init; }

    /// <summary>The first and last years of the period (2022 and 2023 for 2022-23), for ordering and ranges.</summary>
    public int FromYear { get; init; }

    public int ToYear { get; init; }

    /// <summary>The value; a percentage is held as a fraction (0.82 for 82 %), as LGBF publishes it.</summary>
    public double? Value { get; init; }

    public double? Numerator { get; init; }

    public double? Denominator { get; init; }

    public bool Provisional { get; init; }

    public Guid ImportId { get; init; }

    /// <summary>Whether it is the figure that stands (false once a later import revised it).</summary>
    public bool Current { get; set; } = true;
}

/// <summary>Which family group a council belongs to in a grouping, from a year on, so a regrouping keeps history.</summary>
public sealed class FamilyGroupMembership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public FamilyGrouping Grouping { get; init; }

    public int Group { get; init; }

    public Guid OrganisationId { get; init; }

    /// <summary>The first year of the first period it applies to.</summary>
    public int FromYear { get; init; }
}
