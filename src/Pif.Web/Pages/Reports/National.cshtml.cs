using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>The inspectorate's national overview of one framework, and its workbook: counts across councils, none named.</summary>
public sealed class NationalModel(AppDbContext db, CurrentUser current) : PageModel
{
    /// <summary>The framework's code; the one with the most validated self-evaluations when none is given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    /// <summary>Null when no self-evaluation has been validated yet.</summary>
    public NationalOverview? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Overview is null
            ? NotFound()
            : File(await NationalOverviewExport.XlsxAsync(Overview, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                Infrastructure.Texts.FileName($"National overview {Overview.Framework.Title}", "xlsx"));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!ReportAccess.SeesNationalOverview(access))
        {
            return Forbid();
        }

        Overview = await NationalOverview.LoadAsync(db, Framework, cancellationToken);
        return null;
    }
}
