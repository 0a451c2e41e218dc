namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// A file of indicator figures or catalogue entries, kept as uploaded: first previewed (what it would add, revise
/// and skip, and every row's problem), then committed in one transaction. Every value records the import it came
/// from.
/// </summary>
public sealed class IndicatorImport
{
    public const int FileNameMaxLength = 260;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The council whose local indicators it holds; null for a national file.</summary>
    public Guid? OrganisationId { get; set; }

    public required string FileName { get; init; }

    /// <summary>The layout read; <see cref="ImportLayout.Unknown"/> until a person says what its columns hold.</summary>
    public ImportLayout Layout { get; set; }

    public ImportState State { get; set; }

    public DateTime CreatedAt { get; init; }

    public Guid CreatedById { get; init; }

    public DateTime? CommittedAt { get; set; }

    public Guid? CommittedById { get; set; }

    /// <summary>The file's data rows.</summary>
    public int Rows { get; set; }

    public int Added { get; set; }

    public int Revised { get; set; }

    public int Unchanged { get; set; }

    public int Skipped { get; set; }

    /// <summary>Every row's problem as JSON (<see cref="ImportProblem"/>), as the last preview or the commit found them.</summary>
    public string Problems { get; set; } = "[]";

    /// <summary>What Pif did with the file that is not a problem (a percentage's scale converted, columns not read), as a JSON array of sentences.</summary>
    public string Notes { get; set; } = "[]";

    /// <summary>The file as uploaded.</summary>
    public required byte[] Content { get; init; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public enum ImportLayout
{
    /// <summary>The LGBF long file: one row per indicator, council and period, with Scotland and family-group figures.</summary>
    LgbfLong,

    /// <summary>The LGBF indicator information file: the catalogue.</summary>
    LgbfIndicatorInformation,

    /// <summary>A wide workbook: a row per council, a column per indicator and period (SW1 2022-23).</summary>
    WideWithYearInHeadings,

    /// <summary>A wide workbook: a row per council and period (a Year column), a column per indicator.</summary>
    WideWithYearColumn,

    /// <summary>The Care Inspectorate's register of care services, with their latest grades.</summary>
    CareInspectorateRegister,

    /// <summary>A council's own indicators: one row per indicator and period, with no council column (<see cref="LocalFile"/>).</summary>
    LocalIndicators,

    /// <summary>A layout Pif does not know: kept until a person says what each column holds (<see cref="ImportColumnMapping"/>).</summary>
    Unknown,
}

public enum ImportState
{
    Previewed,
    Committed,
}

/// <summary>A problem with one row of a file (row 1 is the header, as a spreadsheet numbers them) and what became of it.</summary>
public sealed record ImportProblem(int Row, string Column, string Message);
