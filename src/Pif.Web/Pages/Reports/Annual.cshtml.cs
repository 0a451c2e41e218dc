using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>The Chief Social Work Officer's annual pack of a council and a financial year, and its Word document.</summary>
public sealed class AnnualModel(AppDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
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

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) && Pack is not null
            ? File(AnnualPackDocx.Write(Pack), ReportFiles.DocxType, Texts.FileName(AnnualPackWording.Title(Pack), "docx"))
            : NotFound();

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
