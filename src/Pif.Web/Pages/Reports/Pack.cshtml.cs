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
public sealed class PackModel(AppDbContext db, CurrentUser current, ReportFiles files, Infrastructure.Exports.Exports exports, TimeProvider clock) : PageModel
{
    public const string DocumentView = "/Pages/Reports/_PackDocument.cshtml";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public InspectionPack Pack { get; private set; } = null!;

    public bool PrintsPdf => files.PrintsPdf;

    /// <summary>Why the export asked for was not started.</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>Starts making the pack in the background, as one PDF (pdf) or a ZIP of its parts (zip), and opens its progress.</summary>
    public async Task<IActionResult> OnPostPrepareAsync(string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var kind = format switch
        {
            "pdf" => ReportExports.PackPdf,
            "zip" => ReportExports.PackZip,
            _ => null,
        };
        if (kind is null || (kind == ReportExports.PackPdf && !files.PrintsPdf))
        {
            Refused = kind is null ? "Choose the PDF or the ZIP." : PdfUnavailableException.Message;
            return Page();
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (await exports.StartAsync(access.UserId, kind, Id, null, Site, cancellationToken) is not { } job)
        {
            Refused = Infrastructure.Exports.Exports.TooMany;
            return Page();
        }

        return RedirectToPage("/Exports/Export", new { id = job });
    }

    private string Site => $"{Request.Scheme}://{Request.Host}";

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        Pack = (await InspectionPack.LoadAsync(db, access, Id, Dates.LondonToday(clock), cancellationToken))!;
        return Pack is not null;
    }
}
