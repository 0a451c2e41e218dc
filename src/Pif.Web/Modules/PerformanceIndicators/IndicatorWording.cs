using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>The words for an indicator's measure and polarity, and an import's layout.</summary>
public static class IndicatorWording
{
    public static string Measure(MeasureType measure) => measure switch
    {
        MeasureType.Percentage => "Percentage",
        MeasureType.Cost => "Cost",
        MeasureType.RatePer1000 => "Rate per 1,000",
        MeasureType.RatePer10000 => "Rate per 10,000",
        MeasureType.Days => "Days",
        MeasureType.Weeks => "Weeks",
        MeasureType.Score => "Score",
        MeasureType.Count => "Count",
        MeasureType.Other => "Other measure",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static string Polarity(Polarity polarity) => polarity switch
    {
        PerformanceIndicators.Polarity.HigherIsBetter => "Higher",
        PerformanceIndicators.Polarity.LowerIsBetter => "Lower",
        PerformanceIndicators.Polarity.Neither => "Neither: the best is in the middle",
        _ => throw new ArgumentOutOfRangeException(nameof(polarity)),
    };

    /// <summary>Which way is better, as a sentence.</summary>
    public static string Better(Polarity polarity) => polarity switch
    {
        PerformanceIndicators.Polarity.HigherIsBetter => "Higher is better.",
        PerformanceIndicators.Polarity.LowerIsBetter => "Lower is better.",
        _ => "Neither higher nor lower is better in itself.",
    };

    public static string Rag(Targets.TargetRag rag) => rag switch
    {
        Targets.TargetRag.Green => "Green: target met",
        Targets.TargetRag.Amber => "Amber: short of the target",
        Targets.TargetRag.Red => "Red: beyond the red threshold",
        _ => throw new ArgumentOutOfRangeException(nameof(rag)),
    };

    public static string Layout(ImportLayout layout) => layout switch
    {
        ImportLayout.LgbfLong => "LGBF figures, one row per indicator, council and period (the long file)",
        ImportLayout.LgbfIndicatorInformation => "LGBF indicator information (the catalogue)",
        ImportLayout.WideWithYearInHeadings => "A wide workbook: a row per council, and a column per indicator and period (such as SW1 2022-23)",
        ImportLayout.WideWithYearColumn => "A wide workbook: a row per council and year (the Year column), and a column per indicator",
        ImportLayout.CareInspectorateRegister => "The Care Inspectorate's register of care services, with their latest grades",
        ImportLayout.LocalIndicators => "Your council's own indicators: one row per indicator and period (Code, Title, Period and Value)",
        ImportLayout.Unknown => "Not one Pif knows: say what each column holds",
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };
}
