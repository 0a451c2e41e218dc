using System.Globalization;
using System.Text.RegularExpressions;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// A wide workbook, as the LGBF publisher's benchmarking workbook is laid out: one row per council (Scotland and
/// family-group averages may be rows too) and one column per indicator, its heading the code (SW1, SW 01) and
/// either the period (SW1 2022-23) or, with a Year column, one row per council and period. Blank cells and text
/// markers (dna, n/a, #N/A, *, -, ..) are no value and change nothing; a percentage on the other scale from the one
/// Pif holds the indicator on (82 against 0.82) is converted, and the summary says so.
/// </summary>
public static partial class WideFile
{
    public static readonly string[] CouncilColumns = [.. LgbfLongFile.CouncilColumns, "Local Authority Name", "Council Name", "Authority", "Area"];

    public static readonly string[] YearColumns = ["Year", "Period", "LGBF Year", "Financial Year"];

    /// <summary>A column heading read as an indicator code and perhaps a period ("SW1 2022-23", "SW 01 (2022/23)", "2022-23 SW1").</summary>
    public static (string Code, Period? Period)? Heading(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var period = PeriodText().Match(heading);
        var rest = period.Success ? heading.Remove(period.Index, period.Length) : heading;
        rest = rest.Replace('(', ' ').Replace(')', ' ').Replace('_', ' ').Trim(' ', ':', ',', '-', '–');
        if (!CodeText().IsMatch(rest))
        {
            return null;
        }

        return (rest, period.Success ? Period.Parse(period.Value.Replace(" ", "", StringComparison.Ordinal)) : null);
    }

    public static ParsedFigures Parse(ImportFile file, LgbfLongFile.Lookups lookups, Func<Guid, double?> heldAverage)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(heldAverage);
        var parsed = new ParsedFigures { ValuesOnly = true, SkippedFigures = 0 };
        if (file.Sheet is { } sheet)
        {
            parsed.Notes.Add($"Pif read {sheet}.");
        }

        int council = file.Column(CouncilColumns), year = file.Column(YearColumns);
        var columns = Columns(file, council, year, lookups, parsed);
        var cells = new List<Cell>();
        var rowsSeen = new Dictionary<(ValueArea, Guid?, int?, string?), int>();
        var blanks = 0;
        foreach (var record in file.Records)
        {
            string Field(int column) => column >= 0 && column < record.Fields.Length ? record.Fields[column] : "";
            int Filled() => columns.Count(c => !LgbfLongFile.IsNoValue(Field(c.Index)));
            var name = Field(council);
            var area = Area(name, lookups);
            if (area is null)
            {
                parsed.Problems.Add(new(record.Row, file.Header[council], name.Length == 0 ? "No council named: the row's figures are skipped"
                    : IsAverage(name) ? $"Pif cannot tell which family group “{name}” is: name the row such as “Family group 1 average”. Its figures are skipped"
                    : lookups.Suggest(name) is { } suggestion ? $"“{name}” is not a council Pif knows: did you mean {suggestion}? The row's figures are skipped"
                    : $"“{name}” is not a council Pif knows: the row's figures are skipped"));
                parsed.SkippedFigures += Filled();
                continue;
            }

            Period? rowPeriod = null;
            if (year >= 0 && columns.Any(c => c.Period is null))
            {
                rowPeriod = Period.Parse(Field(year));
                if (rowPeriod is null)
                {
                    parsed.Problems.Add(new(record.Row, file.Header[year], $"“{Field(year)}” is not a period Pif can read, such as 2022-23 or 2019-23: the row's figures are skipped"));
                    parsed.SkippedFigures += Filled();
                    continue;
                }
            }

            if (rowsSeen.TryGetValue((area.Value.Area, area.Value.Council, area.Value.Group, rowPeriod?.Text), out var first))
            {
                parsed.Problems.Add(new(record.Row, file.Header[council], $"{name}{(rowPeriod is null ? "" : " for " + rowPeriod.Text)} is also in row {first}: this row's figures are skipped"));
                parsed.SkippedFigures += Filled();
                continue;
            }

            rowsSeen[(area.Value.Area, area.Value.Council, area.Value.Group, rowPeriod?.Text)] = record.Row;
            var figuresOfRow = new Dictionary<(Guid, string), Column>();
            foreach (var column in columns)
            {
                var text = Field(column.Index);
                var period = column.Period ?? rowPeriod!;

                // "SW1" beside a Year column and "SW1 2022-23" give the same figure on a 2022-23 row.
                if (!LgbfLongFile.IsNoValue(text) && !figuresOfRow.TryAdd((column.IndicatorId, period.Text), column))
                {
                    parsed.Problems.Add(new(record.Row, column.Name, $"Column {figuresOfRow[(column.IndicatorId, period.Text)].Name} gives {column.Code} for {period.Text} too: this figure is skipped"));
                    parsed.SkippedFigures++;
                    continue;
                }

                if (LgbfLongFile.IsNoValue(text))
                {
                    blanks++;
                    continue;
                }

                if (Number(text) is not { } number)
                {
                    parsed.Problems.Add(new(record.Row, column.Name, $"“{text}” is not a number: this figure is skipped"));
                    parsed.SkippedFigures++;
                    continue;
                }

                if (number.Value < 0 && column.Measure is MeasureType.Cost or MeasureType.Days or MeasureType.Weeks or MeasureType.Count or MeasureType.RatePer1000 or MeasureType.RatePer10000)
                {
                    parsed.Problems.Add(new(record.Row, column.Name, $"{column.Code} counts {column.Measure.ToString().ToLowerInvariant()}, which cannot be below zero, but the figure is {text}: it is skipped"));
                    parsed.SkippedFigures++;
                    continue;
                }

                cells.Add(new Cell(record.Row, column, area.Value, period, number.Value, number.Fraction));
            }
        }

        if (blanks > 0)
        {
            parsed.Notes.Add($"{Count(blanks)} {(blanks == 1 ? "cell has" : "cells have")} no value (blank, or a marker such as dna, n/a or *): {(blanks == 1 ? "it is" : "they are")} left out and change nothing.");
        }

        foreach (var cell in Scaled(cells, heldAverage, parsed.Notes))
        {
            var (row, column, area, period, value) = cell;
            if (area.Area == ValueArea.Council)
            {
                parsed.Figures.Add(new CouncilFigure(row, column.IndicatorId, area.Council!.Value, period, value, null, null));
            }
            else
            {
                parsed.Comparators.Add(new ComparatorFigure(column.IndicatorId, area.Area, area.Group, period, value, null, null));
            }
        }

        return parsed;
    }

    private sealed record Column(int Index, string Name, string Code, Guid IndicatorId, MeasureType Measure, Period? Period);

    private readonly record struct RowArea(ValueArea Area, Guid? Council, int? Group);

    private sealed record Cell(int Row, Column Column, RowArea Area, Period Period, double Value, bool Fraction);

    /// <summary>The columns that hold figures; every other heading is either said to be skipped (an unknown code) or noted as not read.</summary>
    private static List<Column> Columns(ImportFile file, int council, int year, LgbfLongFile.Lookups lookups, ParsedFigures parsed)
    {
        var columns = new List<Column>();
        var ignored = new List<string>();
        for (var i = 0; i < file.Header.Count; i++)
        {
            var heading = file.Header[i];
            if (i == council || i == year || heading.Length == 0)
            {
                continue;
            }

            var name = $"{Letter(i)} ({heading})";
            if (Heading(heading) is not { } read)
            {
                ignored.Add(heading);
                continue;
            }

            int Filled() => file.Records.Count(r => i < r.Fields.Length && !LgbfLongFile.IsNoValue(r.Fields[i]));
            if (!lookups.Indicators.TryGetValue(IndicatorCodes.Normalise(read.Code), out var indicator))
            {
                parsed.Problems.Add(new(1, name, $"{read.Code} is not in the catalogue: import the indicator information file first, or add the indicator. The column's figures are skipped"));
                parsed.SkippedFigures += Filled();
                continue;
            }

            if (read.Period is null && year < 0)
            {
                parsed.Problems.Add(new(1, name, $"The heading has no period and the file has no Year column: head the column such as “{read.Code} 2022-23”. Its figures are skipped"));
                parsed.SkippedFigures += Filled();
                continue;
            }

            if (columns.FirstOrDefault(c => c.IndicatorId == indicator.Id && c.Period?.Text == read.Period?.Text) is { } twin)
            {
                parsed.Problems.Add(new(1, name, $"Column {Letter(twin.Index)} is headed “{file.Header[twin.Index]}” too, the same indicator{(read.Period is null ? "" : " and period")}: this column's figures are skipped"));
                parsed.SkippedFigures += Filled();
                continue;
            }

            columns.Add(new Column(i, name, indicator.Code, indicator.Id, indicator.Measure, read.Period));
        }

        if (ignored.Count > 0)
        {
            parsed.Notes.Add($"Columns not read, as their headings are not indicator codes: {string.Join(", ", ignored.Select(h => $"“{h}”"))}.");
        }

        return columns;
    }

    /// <summary>
    /// Each percentage indicator's figures on the scale Pif holds it on. Where Pif holds figures, the file's plain
    /// numbers take whichever of as written, divided by 100 or multiplied by 100 puts their median nearest the
    /// average held (so 1.4 % of rent lost to voids, held as 0.014, is divided). Where it holds none, LGBF's own way
    /// is assumed, fractions, and a median above 1.5 is taken as out of 100. A figure written with a % sign is a
    /// fraction already.
    /// </summary>
    private static IEnumerable<(int, Column, RowArea, Period, double)> Scaled(List<Cell> cells, Func<Guid, double?> heldAverage, List<string> notes)
    {
        foreach (var indicator in cells.GroupBy(c => c.Column.IndicatorId))
        {
            var percentage = indicator.First().Column.Measure == MeasureType.Percentage;
            var plain = indicator.Where(c => !c.Fraction).Select(c => Math.Abs(c.Value)).Order().ToList();
            var median = plain.Count > 0 ? plain[plain.Count / 2] : 0;
            var held = percentage ? heldAverage(indicator.Key) : null;
            var heldOutOf100 = held > 1.5;
            var factor = !percentage || plain.Count == 0 ? 1
                : held is > 0 && median > 0 ? new[] { 1, 0.01, 100 }.MinBy(f => Math.Abs(Math.Log(median * f / held.Value)))
                : median > 1.5 ? 0.01 : 1;
            var code = indicator.First().Column.Code;
            if (factor != 1)
            {
                notes.Add(factor > 1
                    ? $"{code}: the file gives percentages as fractions (0.82 for 82 %), and Pif holds {code} out of 100, so they are multiplied by 100."
                    : $"{code}: the file gives percentages out of 100 (82 for 82 %), and Pif holds {code} as fractions, so they are divided by 100.");
            }

            foreach (var c in indicator)
            {
                var value = !percentage ? c.Value
                    : c.Fraction ? (heldOutOf100 ? c.Value * 100 : c.Value)
                    : c.Value * factor;
                yield return (c.Row, c.Column, c.Area, c.Period, Math.Round(value, 10));
            }
        }
    }

    private static RowArea? Area(string name, LgbfLongFile.Lookups lookups)
    {
        if (lookups.Councils.TryGetValue(OrganisationNames.Normalise(name), out var council))
        {
            return new RowArea(ValueArea.Council, council, null);
        }

        if (OrganisationNames.Normalise(name) == "scotland" || name.Trim().Equals("Scotland average", StringComparison.OrdinalIgnoreCase))
        {
            return new RowArea(ValueArea.Scotland, null, null);
        }

        return FamilyRow().Match(name) is { Success: true } m ? new RowArea(ValueArea.FamilyGroup, null, int.Parse(m.Groups["group"].Value, CultureInfo.InvariantCulture)) : null;
    }

    private static bool IsAverage(string name) =>
        name.Contains("family", StringComparison.OrdinalIgnoreCase) || name.Contains("average", StringComparison.OrdinalIgnoreCase);

    /// <summary>A figure and whether it was written with a % sign (so is a fraction now); £ and thousands separators are allowed.</summary>
    internal static (double Value, bool Fraction)? Number(string text)
    {
        var t = text.Trim().TrimStart('£').Trim();
        var percent = t.EndsWith('%');
        if (percent)
        {
            t = t[..^1].Trim();
        }

        // A comma only between groups of three digits: 0,82 is a decimal comma, not 82.
        if (t.Contains(',', StringComparison.Ordinal) && !Thousands().IsMatch(t))
        {
            return null;
        }

        return double.TryParse(t, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? (percent ? value / 100 : value, percent)
            : null;
    }

    /// <summary>A column's letter as a spreadsheet shows it (0 is A, 26 is AA).</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{4}\s*[-/–]\s*\d{2,4}|(?<!\d)\d{4}(?!\d)")]
    private static partial Regex PeriodText();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z&-]{0,11} ?\d{1,3}[A-Za-z]?$")]
    private static partial Regex CodeText();

    [GeneratedRegex(@"^-?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"^\s*(family\s*group|fg)\s*(?<group>[1-4])\b", RegexOptions.IgnoreCase)]
    private static partial Regex FamilyRow();
}
