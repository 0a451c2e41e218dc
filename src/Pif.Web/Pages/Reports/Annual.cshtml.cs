using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>The annual pack's sections as its page shows them (<paramref name="Base"/> empty) or as a document of its own printed to PDF.</summary>
/// <param name="Base">The app's address, so links in the PDF lead back to the pages.</param>
/// <param name="Styles">The print styles a document carries inside it; empty on the page.</param>
public sealed record AnnualDocument(AnnualPack Pack, string Base, string Styles);

/// <summary>The Chief Social Work Officer's annual pack of a council and a financial year, its Word document and its PDF.</summary>
public sealed class AnnualModel(AppDbContext db, CurrentUser current, TimeProvider clock, ReportFiles files) : PageModel
{
    public const string DocumentView = "/Pages/Reports/_AnnualDocument.cshtml";

    /// <summary>The first financial year offered: the LGBF's series start about then.</summary>
    public const int FirstYear = 2010;

    [BindProperty(SupportsGet = true)]
    public Guid? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public AnnualPack? Pack { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public bool PrintsPdf => files.PrintsPdf;

    /// <summary>A PDF was asked for on a server that cannot print one: the page says so and offers printing it from the browser.</summary>
    public bool PdfUnavailable { get; private set; }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) && Pack is not null
            ? File(AnnualPackDocx.Write(Pack), ReportFiles.DocxType, AnnualPackWording.FileName(Pack, "docx"))
            : NotFound();

    /// <summary>The pack printed to PDF from the same sections as the page; without Chromium, the page saying why.</summary>
    public async Task<IActionResult> OnGetPdfAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Pack is null)
        {
            return NotFound();
        }

        if (!files.PrintsPdf)
        {
            PdfUnavailable = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        var document = new AnnualDocument(Pack, ReportFiles.Site(HttpContext), await files.StylesAsync(cancellationToken));
        return File(await files.PrintAsync(HttpContext, DocumentView, document, cancellationToken), "application/pdf", AnnualPackWording.FileName(Pack, "pdf"));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var today = Dates.LondonToday(clock);
        var thisYear = today.Month >= 4 ? today.Year : today.Year - 1;
        Years = [.. Enumerable.Range(FirstYear, thisYear - FirstYear + 1).Reverse()];
        var mine = ReportAccess.AnnualPackCouncils(access);
        var national = access.IsNationalAdministrator();
        Councils = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Council && (national || mine.Contains(o.Id))).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name)).ToList();
        if (Year is { } year && !Years.Contains(year))
        {
            return false;
        }

        Council ??= Councils.Count == 1 ? Councils[0].Id : null;
        if (Council is not { } council)
        {
            return true;
        }

        // The list holds every council the user may take a pack of, so one not in it is a 404 without asking again.
        var chosen = Councils.FirstOrDefault(c => c.Id == council);
        if (chosen.Name is null)
        {
            return false;
        }

        Pack = await AnnualPack.LoadAsync(db, access, chosen, Year ??= thisYear, today, cancellationToken);
        return Pack is not null;
    }
}
