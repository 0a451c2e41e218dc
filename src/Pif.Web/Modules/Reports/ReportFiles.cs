using Pif.Web.Data;
using Pif.Web.Infrastructure.Documents;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

public enum ReportFormat
{
    Html,
    Docx,
    Pdf,
}

/// <summary>A report ready to send: its bytes, type and file name.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>The HTML document a report is printed from, with the styles and chart it carries inside it.</summary>
/// <param name="Base">The app's address, so links in a downloaded document lead back to the pages.</param>
public sealed record ReportDocument(SelfEvaluationReport Report, string Base, string Styles, string ChartDataUri);

/// <summary>
/// Produces the self-evaluation report in each of its forms for the pages and the API alike: the Word document
/// written directly, the HTML document rendered by Razor, and the PDF printed from that HTML by headless Chromium.
/// </summary>
public sealed class ReportFiles(AppDbContext db, ViewRenderer views, PdfPrinter printer, IWebHostEnvironment environment)
{
    public const string DocumentView = "/Pages/Reports/_ReportDocument.cshtml";

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static string? styles;

    public bool PrintsPdf => printer.IsAvailable;

    /// <summary>html, docx or pdf in any case; anything else is no format.</summary>
    public static ReportFormat? Parse(string? format) => format?.ToUpperInvariant() switch
    {
        "HTML" => ReportFormat.Html,
        "DOCX" => ReportFormat.Docx,
        "PDF" => ReportFormat.Pdf,
        _ => null,
    };

    /// <summary>The report in <paramref name="format"/>, or null when the user may not see the self-evaluation (a 404).</summary>
    /// <exception cref="PdfUnavailableException">A PDF was asked for on a server without Chromium.</exception>
    public async Task<ReportFile?> ProduceAsync(HttpContext http, UserAccess access, Guid id, ReportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (format == ReportFormat.Pdf && !printer.IsAvailable)
        {
            throw new PdfUnavailableException();
        }

        var report = await SelfEvaluationReports.LoadAsync(db, access, id, cancellationToken);
        if (report is null)
        {
            return null;
        }

        if (format == ReportFormat.Docx)
        {
            return new ReportFile(SelfEvaluationReportDocx.Write(report), DocxType, report.FileName("docx"));
        }

        var html = await views.RenderAsync(http, DocumentView, await DocumentAsync(http, report, cancellationToken));
        return format == ReportFormat.Html
            ? new ReportFile(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", report.FileName("html"))
            : new ReportFile(await printer.PrintAsync(html, cancellationToken), "application/pdf", report.FileName("pdf"));
    }

    /// <summary>The chart as a data: address, so the page and the printed document carry it without another request.</summary>
    public static string ChartDataUri(SelfEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(GradeProfileChart.Svg(report.Profile)));
    }

    /// <summary>A document that carries a report with it (a pack) printed to PDF: <paramref name="view"/> rendered with <paramref name="model"/>.</summary>
    /// <exception cref="PdfUnavailableException">This server has no Chromium.</exception>
    public async Task<byte[]> PrintAsync<TModel>(HttpContext http, string view, TModel model, CancellationToken cancellationToken)
    {
        if (!printer.IsAvailable)
        {
            throw new PdfUnavailableException();
        }

        return await printer.PrintAsync(await views.RenderAsync(http, view, model), cancellationToken);
    }

    /// <summary>The report as a document of its own: the site's address for its links, its styles and its chart inside it.</summary>
    public async Task<ReportDocument> DocumentAsync(HttpContext http, SelfEvaluationReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new ReportDocument(report, Site(http), await StylesAsync(cancellationToken), ChartDataUri(report));
    }

    /// <summary>The app's address, for the links of a document read away from the site.</summary>
    public static string Site(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return $"{http.Request.Scheme}://{http.Request.Host}";
    }

    /// <summary>The print styles every document printed to PDF carries inside it.</summary>
    public async Task<string> StylesAsync(CancellationToken cancellationToken)
    {
        if (styles is null)
        {
            using var reader = new StreamReader(environment.WebRootFileProvider.GetFileInfo("css/report.css").CreateReadStream());
            styles = await reader.ReadToEndAsync(cancellationToken);
        }

        return styles;
    }
}

/// <summary>This server has no Chromium to print with: the HTML print view is offered instead.</summary>
public sealed class PdfUnavailableException() : InvalidOperationException(Message)
{
    public new const string Message = "PDFs cannot be made on this server because it has no Chromium to print them with. Open the report page and print it from your browser, choosing to save as PDF.";
}
