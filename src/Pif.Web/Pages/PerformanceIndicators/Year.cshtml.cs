using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Targets;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>A council's target, red threshold and commentary for one indicator and period, set by its administrators and leads.</summary>
public sealed class YearModel(AppDbContext db, CurrentUser current, CouncilIndicatorYearsService years) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public Guid Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Period { get; set; } = "";

    [BindProperty]
    public YearForm Form { get; set; } = new();

    public PerformanceIndicator Indicator { get; private set; } = null!;

    public IndicatorSeries Series { get; private set; } = null!;

    /// <summary>The figures for the period, when there are any yet.</summary>
    public IndicatorSeries.Point? Figures { get; private set; }

    public CouncilIndicatorYear? Saved { get; private set; }

    public string Format(double value) => IndicatorSeries.Format(Indicator, value);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Saved is { } saved)
        {
            Form = new YearForm { Target = Typed(saved.Target), RedThreshold = Typed(saved.RedThreshold), Commentary = saved.Commentary, Stamp = saved.ConcurrencyStamp };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await years.SaveAsync((await current.GetAccessAsync(cancellationToken))!, Code, Council, Period, Form.Stamp,
            new CouncilIndicatorYearInput(Form.Target, Form.RedThreshold, Form.Commentary), cancellationToken);
        if (result.IsStale)
        {
            Form.Stamp = Saved?.ConcurrencyStamp;
        }

        return this.Answer(result, done =>
        {
            this.Confirm($"The target and commentary for {Period} have been saved");
            return RedirectToPage("/PerformanceIndicators/Indicator", null, new { code = Indicator.Code, council = Council }, "targets-heading");
        }, field => field is "" or "$" ? "Form.Target" : $"Form.{field}",
            "Someone else saved this period's target or commentary after you opened it. Nothing has been overwritten: what is saved now is shown below; check yours and save again");
    }

    /// <summary>A held number as the form shows it: a percentage in percent.</summary>
    public string? Typed(double? value) => value is not { } v ? null
        : (Indicator.MeasureType == MeasureType.Percentage ? v * 100 : v).ToString("0.####", CultureInfo.GetCultureInfo("en-GB"));

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, access, Code, cancellationToken);
        var period = Modules.PerformanceIndicators.Importing.Period.Parse(Period);
        if (indicator is null || period is null || !PerformanceIndicatorAccess.SeesCouncilYears(access, Council))
        {
            return NotFound();
        }

        Indicator = indicator;
        Period = period.Text;
        var series = await IndicatorSeries.LoadAsync(db, indicator, Council, cancellationToken);
        if (series is null)
        {
            return NotFound();
        }

        if (!PerformanceIndicatorPermissions.SetsTargets(access, Council))
        {
            return Forbid();
        }

        Series = series;
        Figures = series.Points.FirstOrDefault(p => p.Period == Period);
        Saved = await db.CouncilIndicatorYears.AsNoTracking()
            .SingleOrDefaultAsync(y => y.IndicatorId == indicator.Id && y.OrganisationId == Council && y.Period == Period, cancellationToken);
        return null;
    }
}

/// <summary>The fields of the target and commentary form, as typed.</summary>
public sealed class YearForm
{
    public string? Target { get; set; }

    public string? RedThreshold { get; set; }

    public string? Commentary { get; set; }

    public Guid? Stamp { get; set; }
}
