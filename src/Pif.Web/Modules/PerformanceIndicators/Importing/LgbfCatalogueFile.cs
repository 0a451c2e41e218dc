namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>One indicator as the LGBF indicator information file describes it.</summary>
public sealed record CatalogueEntry(int Row, string Code, string NormalisedCode, string Title, string? Definition, MeasureType MeasureType, string? NumberFormat,
    Polarity Polarity, string? NumeratorDefinition, string? DenominatorDefinition, PeriodType PeriodType, string? Category, FamilyGrouping Grouping);

/// <summary>The LGBF indicator information file (one record per indicator, its Source field spread over several lines).</summary>
public static class LgbfCatalogueFile
{
    public static (List<CatalogueEntry> Entries, List<ImportProblem> Problems) Parse(ImportFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        int code = file.Column("Code"), title = file.Column("Title"), measure = file.Column("MeasureType"), format = file.Column("NumberFormat"),
            ranking = file.Column("Ranking_Type"), source = file.Column("Source"), numerator = file.Column("Numerator_Correct", "Numerator"),
            denominator = file.Column("Denominator_Correct", "Denominator"), period = file.Column("ReportingPeriod"), category = file.Column("ISCategory", "Category"),
            grouping = file.Column("FamilyGrouping");
        var entries = new List<CatalogueEntry>();
        var problems = new List<ImportProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in file.Records)
        {
            string? Field(int column) => column >= 0 && column < record.Fields.Length && record.Fields[column].Length > 0 ? record.Fields[column] : null;
            if (Field(code) is not { } given)
            {
                problems.Add(new(record.Row, "Code", "No indicator code: the row is skipped"));
                continue;
            }

            var normalised = IndicatorCodes.Normalise(given);
            if (Field(title) is not { } name)
            {
                problems.Add(new(record.Row, "Title", $"{given} has no title: the row is skipped"));
                continue;
            }

            if (!seen.Add(normalised))
            {
                problems.Add(new(record.Row, "Code", $"{given} is described twice: the second is skipped"));
                continue;
            }

            entries.Add(new CatalogueEntry(record.Row, given, normalised, Clip(name, PerformanceIndicator.TitleMaxLength), Field(source), Measure(Field(measure)),
                Field(format), Direction(Field(ranking)), Field(numerator), Field(denominator), Period(Field(period)), Field(category), Grouping(Field(grouping))));
        }

        return (entries, problems);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static MeasureType Measure(string? text) => text?.ToLowerInvariant() switch
    {
        "percentage" => MeasureType.Percentage,
        "cost" => MeasureType.Cost,
        "rate per 1,000" or "rate per 1000" => MeasureType.RatePer1000,
        "rate per 10,000" or "rate per 10000" => MeasureType.RatePer10000,
        "days" => MeasureType.Days,
        "weeks" => MeasureType.Weeks,
        "score" => MeasureType.Score,
        "count" or "number" => MeasureType.Count,
        _ => MeasureType.Other,
    };

    /// <summary>LGBF ranks ascending where lower is better, descending where higher is; "Goldilocks" has a best middle.</summary>
    private static Polarity Direction(string? text) => text?.ToLowerInvariant() switch
    {
        "ascending" => Polarity.LowerIsBetter,
        "descending" => Polarity.HigherIsBetter,
        _ => Polarity.Neither,
    };

    private static PeriodType Period(string? text) => text?.ToLowerInvariant() switch
    {
        null or "annual" => PeriodType.FinancialYear,
        "2 yearly" => PeriodType.Biennial,
        _ => PeriodType.MultiYearAggregate,
    };

    private static FamilyGrouping Grouping(string? text) =>
        text is not null && text.StartsWith("Children, Social Work and Housing", StringComparison.OrdinalIgnoreCase) ? FamilyGrouping.Deprivation : FamilyGrouping.Rurality;
}
