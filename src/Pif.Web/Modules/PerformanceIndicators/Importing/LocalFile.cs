using System.Globalization;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// A council's own indicators, as a council keeps them in a spreadsheet: one row per indicator and period, with the
/// columns Code, Title, Period (or Year) and Value, and if wanted Measure, Polarity, Numerator and Denominator. No
/// council column: the figures are the importing council's. A code Pif does not hold yet becomes one of the council's
/// indicators, named by its Title.
/// </summary>
public static class LocalFile
{
    public static readonly string[] PeriodColumns = ["Period", "Year"];

    /// <summary>Whether a header is this layout's: a code, a period and a value, and no council column (a national file names councils).</summary>
    public static bool Matches(IReadOnlySet<string> folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        return folded.Contains("code") && folded.Contains("value") && PeriodColumns.Any(c => folded.Contains(ImportFile.Fold(c)))
            && !WideFile.CouncilColumns.Any(c => folded.Contains(ImportFile.Fold(c)));
    }

    /// <summary>An indicator as the file describes it; the measure and polarity are null where the file does not say.</summary>
    public sealed record Entry(string Code, string NormalisedCode, string? Title, MeasureType? Measure, Polarity? Polarity, int Row);

    /// <summary>One row's figure, for the indicator of the code it gives.</summary>
    public sealed record Figure(int Row, string NormalisedCode, Period Period, double? Value, double? Numerator, double? Denominator, bool Fraction);

    public sealed record Parsed(IReadOnlyList<Entry> Entries, IReadOnlyList<Figure> Figures, IReadOnlyList<ImportProblem> Problems);

    public static Parsed Parse(ImportFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        int code = file.Column("Code"), title = file.Column("Title", "Name", "Indicator"), period = file.Column(PeriodColumns), value = file.Column("Value"),
            measure = file.Column("Measure", "Measure type", "MeasureType"), polarity = file.Column("Polarity", "Better"),
            numerator = file.Column("Numerator"), denominator = file.Column("Denominator");
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var figures = new List<Figure>();
        var problems = new List<ImportProblem>();
        var seen = new HashSet<(string, string)>();
        foreach (var record in file.Records)
        {
            string Field(int column) => column >= 0 && column < record.Fields.Length ? record.Fields[column] : "";
            var given = Field(code);
            var normalised = IndicatorCodes.Normalise(given);
            if (normalised.Length == 0)
            {
                problems.Add(new(record.Row, "Code", "No indicator code: the row is skipped"));
                continue;
            }

            if (normalised.Length > PerformanceIndicator.CodeMaxLength)
            {
                problems.Add(new(record.Row, "Code", $"The code “{given}” is longer than {PerformanceIndicator.CodeMaxLength} characters: shorten it. The row is skipped"));
                continue;
            }

            var name = Field(title);
            if (name.Length > PerformanceIndicator.TitleMaxLength)
            {
                problems.Add(new(record.Row, file.Header[title], $"The title of {given} is longer than {PerformanceIndicator.TitleMaxLength} characters: shorten it. The row is skipped"));
                continue;
            }

            MeasureType? measureType = null;
            if (Field(measure) is { Length: > 0 } measureText && (measureType = Measure(measureText)) is null)
            {
                problems.Add(new(record.Row, file.Header[measure], $"“{measureText}” is not a measure Pif knows: write percentage, cost, rate per 1,000, rate per 10,000, days, weeks, score, count or other. The row is skipped"));
                continue;
            }

            Polarity? better = null;
            if (Field(polarity) is { Length: > 0 } polarityText && (better = Better(polarityText)) is null)
            {
                problems.Add(new(record.Row, file.Header[polarity], $"“{polarityText}” does not say which way is better: write higher is better, lower is better or neither. The row is skipped"));
                continue;
            }

            if (Period.Parse(Field(period)) is not { } when)
            {
                problems.Add(new(record.Row, file.Header[period], $"“{Field(period)}” is not a period Pif can read, such as 2022-23 or 2019-23: the row is skipped"));
                continue;
            }

            var numbers = new (double Value, bool Fraction)?[3];
            var bad = false;
            foreach (var (i, column, label) in new[] { (0, value, "value"), (1, numerator, "numerator"), (2, denominator, "denominator") })
            {
                var text = Field(column);
                if (text.Length == 0 || LgbfLongFile.IsNoValue(text))
                {
                    continue;
                }

                if ((numbers[i] = WideFile.Number(text)) is null)
                {
                    problems.Add(new(record.Row, file.Header[column], $"The {label} “{text}” is not a number: write it with a full stop for decimals, such as 82.5. The row is skipped"));
                    bad = true;
                    break;
                }
            }

            if (bad)
            {
                continue;
            }

            if (!seen.Add((normalised, when.Text)))
            {
                problems.Add(new(record.Row, "Code", $"{given} for {when.Text} is in the file twice: the second is skipped"));
                continue;
            }

            // The first row of a code that describes it names it; a later row that says otherwise is a mistake to fix.
            if (entries.TryGetValue(normalised, out var entry))
            {
                if ((name.Length > 0 && entry.Title is not null && name != entry.Title) || (measureType is not null && entry.Measure is not null && measureType != entry.Measure)
                    || (better is not null && entry.Polarity is not null && better != entry.Polarity))
                {
                    problems.Add(new(record.Row, "Code", $"{given} is described differently in row {entry.Row.ToString(CultureInfo.InvariantCulture)}: give it one title, measure and polarity. The row is skipped"));
                    continue;
                }

                entries[normalised] = entry with { Title = entry.Title ?? NullIfEmpty(name), Measure = entry.Measure ?? measureType, Polarity = entry.Polarity ?? better };
            }
            else
            {
                entries[normalised] = new Entry(given.Trim(), normalised, NullIfEmpty(name), measureType, better, record.Row);
            }

            figures.Add(new Figure(record.Row, normalised, when, numbers[0]?.Value, numbers[1]?.Value, numbers[2]?.Value, numbers[0]?.Fraction ?? false));
        }

        return new Parsed([.. entries.Values], figures, problems);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static MeasureType? Measure(string text) => ImportFile.Fold(text) switch
    {
        "percentage" or "percent" => MeasureType.Percentage,
        "cost" => MeasureType.Cost,
        "rateper1000" or "per1000" => MeasureType.RatePer1000,
        "rateper10000" or "per10000" => MeasureType.RatePer10000,
        "days" => MeasureType.Days,
        "weeks" => MeasureType.Weeks,
        "score" => MeasureType.Score,
        "count" or "number" => MeasureType.Count,
        "other" => MeasureType.Other,
        _ => text.Trim() switch { "%" => MeasureType.Percentage, "£" => MeasureType.Cost, _ => null },
    };

    private static Polarity? Better(string text) => ImportFile.Fold(text) switch
    {
        "higherisbetter" or "higher" or "up" => Polarity.HigherIsBetter,
        "lowerisbetter" or "lower" or "down" => Polarity.LowerIsBetter,
        "neither" or "none" => Polarity.Neither,
        _ => null,
    };
}
