using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Charts;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Reports;

namespace Pif.Web.Pages.Reports;

/// <summary>The inspectorate's national overview of one framework, and its workbook made in the background: counts across councils, none named.</summary>
public sealed class NationalModel(AppDbContext db, CurrentUser current, Infrastructure.Exports.Exports exports) : PageModel
{
    /// <summary>The framework's code; the one with the most validated self-evaluations when none is given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Framework { get; set; }

    /// <summary>Null when no self-evaluation has been validated yet.</summary>
    public NationalOverview? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } refusal ? refusal : Page();

    /// <summary>The mean agreed and validated grades cycle by cycle, as an SVG image; the page gives the same in words and in its table.</summary>
    public async Task<IActionResult> OnGetChartAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Overview is not { Trend.Count: > 0 } overview)
        {
            return NotFound();
        }

        var svg = LineChart.Svg([.. overview.Trend.Select(c => c.Label)],
            [(NationalWording.MeanAgreed, [.. overview.Trend.Select(c => c.MeanAgreed)]), (NationalWording.MeanValidated, [.. overview.Trend.Select(c => c.MeanValidated)])],
            "Mean grade", v => v.ToString("0.0", CultureInfo.InvariantCulture), "Cycle", (overview.Levels.Min(l => l.Value), overview.Levels.Max(l => l.Value)));
        return Content(svg, "image/svg+xml");
    }

    /// <summary>Starts making the workbook in the background and opens its progress.</summary>
    public async Task<IActionResult> OnPostPrepareAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Overview is null)
        {
            return Page();
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (await exports.StartAsync(access.UserId, ReportExports.National, null, Overview.Framework.Code, $"{Request.Scheme}://{Request.Host}", cancellationToken) is not { } job)
        {
            Refused = Infrastructure.Exports.Exports.TooMany;
            return Page();
        }

        return RedirectToPage("/Exports/Export", new { id = job });
    }

    /// <summary>Why the workbook asked for was not started.</summary>
    public string? Refused { get; private set; }

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
