using System.Globalization;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>A council's figure for one indicator and period, from one row of a file.</summary>
public sealed record CouncilFigure(int Row, Guid IndicatorId, Guid OrganisationId, Period Period, double? Value, double? Numerator, double? Denominator);

/// <summary>A Scotland or family-group figure, as the rows of a file repeat it.</summary>
public sealed record ComparatorFigure(Guid IndicatorId, ValueArea Area, int? Group, Period Period, double? Value, double? Numerator, double? Denominator);

/// <summary>A period as published (2022-23, or 2019-23 for several years together) and its first and last years.</summary>
public sealed record Period(string Text, int From, int To)
{
    /// <summary>Reads 2022-23, 2022/23, 2019-2023 or 2022 (kept as 2022-23, 2022-23, 2019-23 and 2022); null when it is none of these.</summary>
    public static Period? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('-', '/', '–');
        if (parts.Length is < 1 or > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from) || parts[0].Length != 4 || from is < 1900 or > 2200)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new(parts[0], from, from);
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || parts[1].Length is not (2 or 4))
        {
            return null;
        }

        var to = parts[1].Length == 2 ? (from / 100 * 100) + end + (end < from % 100 ? 100 : 0) : end;
        // Written one way whatever the file wrote (2022-2023 and 2022/23 are 2022-23), so a period is one period.
        return to <= from || to - from > 10 ? null : new(string.Create(CultureInfo.InvariantCulture, $"{from}-{to % 100:00}"), from, to);
    }
}

/// <summary>
/// The LGBF long file: one row per indicator, council and period, each also carrying Scotland's figure and the
/// average of the council's family group. Councils are matched through the alias table, indicators through the
/// catalogue; a row that matches neither is skipped with the reason.
/// </summary>
public static class LgbfLongFile
{
    public static readonly string[] CouncilColumns = ["LocalAuthority", "Local Authority", "Council"];

    public static readonly string[] ValueColumns = ["LA_IndicatorReal", "LA_Indicator", "Value"];

    /// <summary>Text that publishers write where a figure is missing.</summary>
    private static readonly HashSet<string> NoValue = new(StringComparer.OrdinalIgnoreCase) { "", "dna", "na", "n/a", "#n/a", "*", "-", "..", "x", "c" };

    public sealed record Lookups(IReadOnlyDictionary<string, (Guid Id, MeasureType Measure, FamilyGrouping Grouping, string Code)> Indicators,
        IReadOnlyDictionary<string, Guid> Councils, Func<string, string?> Suggest);

    /// <summary>Whether a cell holds no figure: blank, or a publisher's marker for one that is missing.</summary>
    public static bool IsNoValue(string text) => NoValue.Contains((text ?? "").Trim());

    public static ParsedFigures Parse(ImportFile file, Lookups lookups)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(lookups);
        int code = file.Column("Code"), council = file.Column(CouncilColumns), year = file.Column("Year", "LGBF Year", "Period"),
            value = file.Column(ValueColumns), numerator = file.Column("LA_Numerator_real", "LA_Numerator", "Numerator"),
            denominator = file.Column("LA_Den_Real", "LA_Den", "Denominator"),
            scotland = file.Column("Scotland_Indicator_Real", "Scotland_Indicator"), scotlandNumerator = file.Column("Scotland_Num_Real", "Scotland_Num"),
            scotlandDenominator = file.Column("Scotland_Den_Real", "Scotland_Den"), family = file.Column("FG_Avg_Indicator_Real", "FG_Avg_Indicator"),
            familyNumerator = file.Column("FG_Avg_Num_Real", "FG_Avg_Num"), familyDenominator = file.Column("FG_Avg_Den_Real", "FG_Avg_Den"), group = file.Column("FamilyGroup");
        var parsed = new ParsedFigures();
        var seen = new HashSet<(Guid, Guid, string)>();
        var comparators = new HashSet<(Guid, ValueArea, int?, string)>();
        var unknownCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in file.Records)
        {
            string Field(int column) => column >= 0 && column < record.Fields.Length ? record.Fields[column] : "";
            var given = Field(code);
            if (!lookups.Indicators.TryGetValue(IndicatorCodes.Normalise(given), out var indicator))
            {
                parsed.Problems.Add(new(record.Row, "Code", given.Length == 0 ? "No indicator code: the row is skipped"
                    : unknownCodes.Add(given) ? $"{given} is not in the catalogue: import the indicator information file first, or add the indicator. Its rows are skipped"
                    : $"{given} is not in the catalogue: the row is skipped"));
                continue;
            }

            var name = Field(council);
            if (!lookups.Councils.TryGetValue(Organisations.OrganisationNames.Normalise(name), out var councilId))
            {
                parsed.Problems.Add(new(record.Row, CouncilColumns[0], name.Length == 0 ? "No council named: the row is skipped"
                    : lookups.Suggest(name) is { } suggestion ? $"“{name}” is not a council Pif knows: did you mean {suggestion}? The row is skipped"
                    : $"“{name}” is not a council Pif knows: the row is skipped"));
                continue;
            }

            if (Period.Parse(Field(year)) is not { } period)
            {
                parsed.Problems.Add(new(record.Row, "Year", $"“{Field(year)}” is not a period Pif can read, such as 2022-23 or 2019-23: the row is skipped"));
                continue;
            }

            if (!seen.Add((indicator.Id, councilId, period.Text)))
            {
                parsed.Problems.Add(new(record.Row, "Code", $"{given} for {name} in {period.Text} is in the file twice: the second is skipped"));
                continue;
            }

            var figures = new double?[3];
            var bad = false;
            foreach (var (i, column, label) in new[] { (0, value, "value"), (1, numerator, "numerator"), (2, denominator, "denominator") })
            {
                if (!TryNumber(Field(column), out figures[i]))
                {
                    parsed.Problems.Add(new(record.Row, file.Header[column], $"The {label} “{Field(column)}” is not a number: the row is skipped"));
                    bad = true;
                    break;
                }
            }

            if (bad)
            {
                continue;
            }

            if (figures[0] is < 0 && indicator.Measure is MeasureType.Cost or MeasureType.Days or MeasureType.Weeks or MeasureType.Count or MeasureType.RatePer1000 or MeasureType.RatePer10000)
            {
                parsed.Problems.Add(new(record.Row, file.Header[value], $"{given} counts {indicator.Measure.ToString().ToLowerInvariant()}, which cannot be below zero, but the value is {Field(value)}: the row is skipped"));
                continue;
            }

            parsed.Figures.Add(new CouncilFigure(record.Row, indicator.Id, councilId, period, figures[0], figures[1], figures[2]));
            if (scotland >= 0 && comparators.Add((indicator.Id, ValueArea.Scotland, null, period.Text)) && TryNumber(Field(scotland), out var s) && s is not null)
            {
                parsed.Comparators.Add(new ComparatorFigure(indicator.Id, ValueArea.Scotland, null, period, s, Number(Field(scotlandNumerator)), Number(Field(scotlandDenominator))));
            }

            if (FamilyGroup(Field(group)) is { } membership)
            {
                // The first year each council is seen in each group: a regrouping shows as a later year in another.
                var key = (membership.Grouping ?? indicator.Grouping, councilId, membership.Group);
                if (!parsed.Families.TryGetValue(key, out var first) || period.From < first)
                {
                    parsed.Families[key] = period.From;
                }

                if (family >= 0 && comparators.Add((indicator.Id, ValueArea.FamilyGroup, membership.Group, period.Text)) && TryNumber(Field(family), out var f) && f is not null)
                {
                    parsed.Comparators.Add(new ComparatorFigure(indicator.Id, ValueArea.FamilyGroup, membership.Group, period, f, Number(Field(familyNumerator)), Number(Field(familyDenominator))));
                }
            }
        }

        return parsed;
    }

    /// <summary>LGBF writes the end groups by name (Least Deprived, Most Deprived; Urban, Rural) and the middle two as bare numbers.</summary>
    private static (int Group, FamilyGrouping? Grouping)? FamilyGroup(string text) => text.Trim().ToLowerInvariant() switch
    {
        "least deprived" => (1, FamilyGrouping.Deprivation),
        "most deprived" => (4, FamilyGrouping.Deprivation),
        "urban" => (1, FamilyGrouping.Rurality),
        "rural" => (4, FamilyGrouping.Rurality),
        "1" => (1, null),
        "2" => (2, null),
        "3" => (3, null),
        "4" => (4, null),
        _ => null,
    };

    private static bool TryNumber(string text, out double? number)
    {
        number = null;
        if (NoValue.Contains(text.Trim()))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            number = parsed;
            return true;
        }

        return false;
    }

    private static double? Number(string text) => TryNumber(text, out var number) ? number : null;
}
