using System.Text;
using CsvHelper;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// A file's records as text (a CSV file, or the first sheet of an XLSX workbook), with its layout told from its header, or why it cannot be read at all (then nothing
/// of it is looked at further).
/// </summary>
public sealed record ImportFile(ImportLayout Layout, IReadOnlyList<string> Header, IReadOnlyList<ImportFile.Record> Records, string? Sheet = null)
{
    /// <summary>A data record and its row in the file as a spreadsheet numbers it (the header is row 1).</summary>
    public sealed record Record(int Row, string[] Fields);

    /// <summary>How the refusal of a file whose layout Pif does not know begins.</summary>
    public const string UnknownLayout = "Pif does not know this file's layout.";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The column that holds the first value: the index of its header, compared ignoring case and spaces.</summary>
    public int Column(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        for (var i = 0; i < Header.Count; i++)
        {
            if (names.Any(n => Fold(n) == Fold(Header[i])))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Reads the file, or says in words why it cannot be read. <paramref name="mappingFor"/> gives, for a header, what a
    /// person has said its columns hold (each column is then read under the heading Pif knows for it, and one not
    /// named is left out), or null where nobody has.
    /// </summary>
    public static (ImportFile? File, string? Refusal) Read(byte[] bytes, Func<IReadOnlyList<string>, IReadOnlyDictionary<string, ImportColumn>?>? mappingFor = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            return (null, "The file is empty: choose the file you downloaded and upload it again");
        }

        if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            var (rows, sheet, refusal) = WorkbookFile.Read(bytes, sheet => FromRows(Numbered(sheet), null, mappingFor).File is not null);
            return rows is null ? (null, refusal) : FromRows(Numbered(rows), sheet, mappingFor);
        }

        // Excel keeps a password-protected workbook, and the old .xls format, in this compound-file container.
        if (bytes.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            return (null, "The workbook is password-protected, or saved in the old Excel 97-2003 format (.xls). Remove the password, "
                + "or save it as an Excel Workbook (.xlsx) or as “CSV UTF-8”, and upload it again");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, "The file is not UTF-8 text: save it from your spreadsheet program as “CSV UTF-8” (or as an Excel Workbook, .xlsx) and upload it again");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return (null, "The file is not a CSV file or an Excel workbook: save it as “CSV UTF-8” and upload it again");
        }

        return FromRows(CsvRows(text), null, mappingFor);
    }

    /// <summary>The headings of a file Pif could read but whose layout it does not know; null for any other.</summary>
    public static IReadOnlyList<string>? UnknownHeader(byte[] bytes)
    {
        IReadOnlyList<string>? header = null;
        var (file, refusal) = Read(bytes, h =>
        {
            header = h;
            return null;
        });
        return file is null && refusal?.StartsWith(UnknownLayout, StringComparison.Ordinal) == true ? header : null;
    }

    private static IEnumerable<(int Row, string[] Fields)> Numbered(List<string[]> rows) => rows.Select((fields, i) => (i + 1, fields));

    private static IEnumerable<(int Row, string[] Fields)> CsvRows(string text)
    {
        using var reader = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), new CsvReaderOptions { HasHeader = false, MaxRecordSize = 1024 * 1024 }, false);
        var row = 0;
        while (reader.Read())
        {
            row++;
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            yield return (row, fields);
        }
    }

    private static (ImportFile? File, string? Refusal) FromRows(IEnumerable<(int Row, string[] Fields)> rows, string? sheet,
        Func<IReadOnlyList<string>, IReadOnlyDictionary<string, ImportColumn>?>? mappingFor)
    {
        var records = new List<Record>();
        string[]? header = null;
        foreach (var (row, raw) in rows)
        {
            var fields = Array.ConvertAll(raw, f => f.Trim());

            // A blank record, or one with only a row number under a column with no heading (as pandas writes).
            if (fields.Select((f, i) => (f, i)).All(x => x.f.Length == 0 || (header is not null && (x.i >= header.Length || header[x.i].Length == 0))))
            {
                continue;
            }

            if (header is null)
            {
                header = fields;
            }
            else
            {
                records.Add(new Record(row, fields));
            }
        }

        var sheetNote = sheet is null ? "" : $" (Pif read {sheet}: no sheet of the workbook has a layout Pif knows; put the figures on a sheet with their headings in its first row)";
        if (header is null)
        {
            return (null, "The file is empty: choose the file you downloaded and upload it again" + sheetNote);
        }

        if (Detect(header) is null && mappingFor?.Invoke(header) is { } mapping)
        {
            header = Array.ConvertAll(header, h => mapping.TryGetValue(h, out var column) ? ImportColumns.Heading(column) : "");
        }

        var layout = Detect(header);
        var folded = header.Select(Fold).ToHashSet(StringComparer.Ordinal);
        var hasCouncil = WideFile.CouncilColumns.Any(c => folded.Contains(Fold(c)));
        if (layout is null && !hasCouncil && (folded.Contains("code") && folded.Contains("year") || header.Any(h => WideFile.Heading(h) is not null)))
        {
            return (null, $"The file has no council column: the figures need a column headed {string.Join(" or ", LgbfLongFile.CouncilColumns)} naming each row's council");
        }

        if (layout is null)
        {
            return (null, UnknownLayout + " It reads the LGBF long file (columns Code, LocalAuthority, Year and the council's value), "
                + "the LGBF indicator information file (columns Title, Code, MeasureType and Ranking_Type), "
                + "a wide workbook (a Council column, then a column per indicator headed with its code, such as SW1 2022-23), "
                + "and a council's own indicators (columns Code, Title, Period and Value). This file's columns are: "
                + string.Join(", ", header.Where(h => h.Length > 0).Take(12)) + sheetNote);
        }

        if (records.Count == 0)
        {
            return (null, "The file has a header but no rows of figures under it");
        }

        return (new ImportFile(layout.Value, header, records, sheet), null);
    }

    private static ImportLayout? Detect(string[] header)
    {
        var folded = header.Select(Fold).ToHashSet(StringComparer.Ordinal);
        if (folded.Contains("code") && folded.Contains("title") && folded.Contains("measuretype") && folded.Contains("rankingtype"))
        {
            return ImportLayout.LgbfIndicatorInformation;
        }

        if (CareRegister.CareRegisterFile.Signature.All(c => folded.Contains(Fold(c))))
        {
            return ImportLayout.CareInspectorateRegister;
        }

        if (folded.Contains("code") && folded.Contains("year") && LgbfLongFile.ValueColumns.Any(c => folded.Contains(Fold(c)))
            && LgbfLongFile.CouncilColumns.Any(c => folded.Contains(Fold(c))))
        {
            return ImportLayout.LgbfLong;
        }

        if (LocalFile.Matches(folded))
        {
            return ImportLayout.LocalIndicators;
        }

        if (folded.Contains("code") || !WideFile.CouncilColumns.Any(c => folded.Contains(Fold(c))) || !header.Any(h => WideFile.Heading(h) is not null))
        {
            return null;
        }

        return WideFile.YearColumns.Any(c => folded.Contains(Fold(c))) ? ImportLayout.WideWithYearColumn : ImportLayout.WideWithYearInHeadings;
    }

    internal static string Fold(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
