using System.Globalization;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using MiniExcelLibs;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

/// <summary>
/// The first sheet of an XLSX workbook as rows of text, the way a CSV file would hold them, or why it cannot be
/// read: damaged, too large unpacked, or holding formulas (a formula's figure is whatever the spreadsheet last
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

    /// <summary>The first sheet's rows (index 0 is the sheet's row 1) and its name, or the reason it cannot be read.</summary>
    /// <remarks>Any failure of the reader on a damaged or hostile file is the same refusal, never an error page.</remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A reader of untrusted files may fail in any way; each is the file's fault.")]
    public static (List<string[]>? Rows, string? Sheet, string? Refusal) Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                return (null, null, $"The workbook unpacks to more than {MaxUnpackedBytes / 1024 / 1024} MB: save the sheet of figures on its own as “CSV UTF-8” and upload that");
            }

            if (FirstSheet(zip) is not { } sheet)
            {
                return (null, null, zip.GetEntry("[Content_Types].xml") is null
                    ? "This is a ZIP file, not a spreadsheet: upload the workbook (.xlsx) or CSV file itself"
                    : "The workbook has no sheet Pif can read: save it as an Excel Workbook (.xlsx) or as “CSV UTF-8” and upload it again");
            }

            var formulas = Formulas(sheet.Entry);
            if (formulas.Count > 0)
            {
                return (null, null, $"The sheet “{sheet.Name}” has formulas (in {Cells(formulas)}). Pif imports figures, not formulas: "
                    + "copy the sheet, paste it back as values only, save, and upload the workbook again");
            }

            var rows = new List<string[]>();
            foreach (IDictionary<string, object?> row in MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, sheetName: sheet.Name, excelType: ExcelType.XLSX))
            {
                rows.Add(row.Values.Select(Text).ToArray());
            }

            return (rows, sheet.Name, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (null, null, Damaged);
        }
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>The workbook's first sheet (in the order its tabs show) and the part that holds it.</summary>
    private static (string Name, ZipArchiveEntry Entry)? FirstSheet(ZipArchive zip)
    {
        if (zip.GetEntry("xl/workbook.xml") is not { } workbookEntry || zip.GetEntry("xl/_rels/workbook.xml.rels") is not { } relsEntry)
        {
            return null;
        }

        var first = Load(workbookEntry).Descendants(Main + "sheet").FirstOrDefault();
        var id = first?.Attribute(Relationships + "id")?.Value;
        var target = Load(relsEntry).Descendants(PackageRelationships + "Relationship").FirstOrDefault(r => r.Attribute("Id")?.Value == id)?.Attribute("Target")?.Value;
        if (first?.Attribute("name")?.Value is not { } name || target is null)
        {
            return null;
        }

        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
        return zip.GetEntry(path) is { } entry ? (name, entry) : null;
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
