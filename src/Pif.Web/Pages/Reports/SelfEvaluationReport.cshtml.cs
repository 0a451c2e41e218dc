using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>
/// The self-evaluation report: the page, with a print stylesheet, and its downloads at the same address with
/// <c>.docx</c> or <c>.pdf</c> after it. Whoever sees the self-evaluation may export it, with the same redactions.
/// </summary>
public sealed class SelfEvaluationReportModel(AppDbContext db, CurrentUser current, ReportFiles files) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>docx or pdf for a download; none for the page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public ReportDocument Document { get; private set; } = null!;

    public bool PrintsPdf => files.PrintsPdf;

    /// <summary>A PDF was asked for on a server that cannot print one: the page says so and offers printing it from the browser.</summary>
    public bool PdfUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (Format is not null)
        {
            // The page is the HTML form; report.html is not an address.
            if (ReportFiles.Parse(Format) is not { } format || format == ReportFormat.Html)
            {
                return NotFound();
            }

            try
            {
                var file = await files.ProduceAsync(HttpContext, access, Id, format, cancellationToken);
                return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
            }
            catch (PdfUnavailableException)
            {
                PdfUnavailable = true;
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }
        }

        var report = await SelfEvaluationReports.LoadAsync(db, access, Id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Document = new ReportDocument(report, "", "", ReportFiles.ChartDataUri(report));
        return Page();
    }
}
