using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using MiniExcelLibs;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// A sheet of an XLSX workbook as rows of text, the way a CSV file would hold them, or why it cannot be read:
/// damaged, too large unpacked, or holding formulas (a formula's figure is whatever the spreadsheet last
/// worked out, if it saved one at all, so Pif asks for the values).
/// </summary>
public static class WorkbookFile
{
    /// <summary>The most a workbook may unpack to: LGBF's whole benchmarking workbook unpacks to a few tens of MB.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private const string Damaged = "The workbook could not be read: it may be damaged. Open it in your spreadsheet program, save it again as an Excel Workbook (.xlsx) or as “CSV UTF-8”, and upload it again";

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>
    /// The rows (index 0 is the sheet's row 1) of the first sheet whose rows <paramref name="recognised"/> takes, in
    /// the order the tabs show (a published workbook often opens on a cover or contents sheet), else of the first
    /// sheet; with a note of the sheet read; or the reason the workbook cannot be read.
    /// </summary>
    /// <remarks>Any failure of the reader on a damaged or hostile file is the same refusal, never an error page.</remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A reader of untrusted files may fail in any way; each is the file's fault.")]
    public static (List<string[]>? Rows, string? Sheet, string? Refusal) Read(byte[] bytes, Func<List<string[]>, bool> recognised)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(recognised);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return (null, null, $"The workbook unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB: save the sheet of figures on its own as “CSV UTF-8” and upload that");
            }

            var sheets = Sheets(zip);
            if (sheets.Count == 0)
            {
                return (null, null, zip.GetEntry("[Content_Types].xml") is null
                    ? "This is a ZIP file, not a spreadsheet: upload the workbook (.xlsx) or CSV file itself"
                    : "The workbook has no sheet Pif can read: save it as an Excel Workbook (.xlsx) or as “CSV UTF-8” and upload it again");
            }

            var chosen = 0;
            var rows = Rows(bytes, sheets[0].Name);
            for (var i = 1; i < sheets.Count && !recognised(rows); i++)
            {
                var next = Rows(bytes, sheets[i].Name);
                if (recognised(next))
                {
                    (chosen, rows) = (i, next);
                    break;
                }
            }

            var sheet = sheets[chosen];
            var formulas = Formulas(sheet.Entry);
            if (formulas.Count > 0)
            {
                return (null, null, $"The sheet “{sheet.Name}” has formulas (in {Cells(formulas)}). Pif imports figures, not formulas: "
                    + "copy the sheet, paste it back as values only, save, and upload the workbook again");
            }

            return (rows, chosen == 0 ? $"the workbook's first sheet, “{sheet.Name}”" : $"the sheet “{sheet.Name}”, sheet {chosen + 1} of {sheets.Count} (those before it have no figures Pif can read)", null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (null, null, Damaged);
        }
    }

    private static List<string[]> Rows(byte[] bytes, string sheet)
    {
        var rows = new List<string[]>();
        foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
        {
            rows.Add(row.Values.Select(Text).ToArray());
        }

        return rows;
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>The workbook's sheets in the order its tabs show, each with the part that holds it.</summary>
    private static List<(string Name, ZipArchiveEntry Entry)> Sheets(ZipArchive zip)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } workbookEntry || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } relsEntry)
        {
            return [];
        }

        var targets = Load(relsEntry).Descendants(PackageRelationships + "Relationship")
            .Where(r => r.Attribute("Id") is not null && r.Attribute("Target") is not null)
            .ToDictionary(r => r.Attribute("Id")!.Value, r => r.Attribute("Target")!.Value, StringComparer.Ordinal);
        var sheets = new List<(string, ZipArchiveEntry)>();
        foreach (var sheet in Load(workbookEntry).Descendants(Main + "sheet"))
        {
            if (sheet.Attribute("name")?.Value is { } name && sheet.Attribute(Relationships + "id")?.Value is { } id && targets.TryGetValue(id, out var target)
                && zip.GetEntry(target.StartsWith('/') ? target[1..] : "xl/" + target) is { } entry)
            {
                sheets.Add((name, entry));
            }
        }

        return sheets;
    }

    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        return XDocument.Load(XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }));
    }

    /// <summary>The cells that hold a formula, read as a stream since a sheet can be large.</summary>
    private static List<string> Formulas(ZipArchiveEntry sheet)
    {
        var cells = new List<string>();
        using var stream = sheet.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        string? cell = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main.NamespaceName)
            {
                continue;
            }

            if (reader.LocalName == "c")
            {
                cell = reader.GetAttribute("r");
            }
            else if (reader.LocalName == "f")
            {
                cells.Add(cell ?? "?");
            }
        }

        return cells;
    }

    private static string Cells(List<string> cells) =>
        cells.Count <= 3 ? string.Join(", ", cells) : $"{string.Join(", ", cells.Take(3))} and {(cells.Count - 3).ToString("N0", CultureInfo.InvariantCulture)} more cells";
}
