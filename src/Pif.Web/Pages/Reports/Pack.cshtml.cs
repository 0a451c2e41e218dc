using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>The report a pack carries, as a document of its own, with the pack.</summary>
public sealed record PackDocument(ReportDocument Document, InspectionPack Pack);

/// <summary>
/// The inspection-readiness pack of a self-evaluation: what it holds, and its downloads as one PDF or a ZIP of Word
/// documents and workbooks. Whoever sees the self-evaluation may take it, with the same redactions as the report.
/// </summary>
public sealed class PackModel(AppDbContext db, CurrentUser current, ReportFiles files, TimeProvider clock) : PageModel
{
    public const string DocumentView = "/Pages/Reports/_PackDocument.cshtml";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public InspectionPack Pack { get; private set; } = null!;

    public bool PrintsPdf => files.PrintsPdf;

    public bool PdfUnavailable { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetZipAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(await Pack.ZipAsync(db, Site, cancellationToken), "application/zip", Pack.FileName("zip"))
            : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var document = await files.DocumentAsync(HttpContext, Pack.Report, cancellationToken);
            return File(await files.PrintAsync(HttpContext, DocumentView, new PackDocument(document, Pack), cancellationToken), "application/pdf", Pack.FileName("pdf"));
        }
        catch (PdfUnavailableException)
        {
            PdfUnavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    private string Site => $"{Request.Scheme}://{Request.Host}";

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        Pack = (await InspectionPack.LoadAsync(db, access, Id, Dates.LondonToday(clock), cancellationToken))!;
        return Pack is not null;
    }
}
