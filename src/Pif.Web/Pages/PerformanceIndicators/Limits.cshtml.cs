using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>
/// Where a council's control chart of an indicator starts new limits, and why: its administrators and evaluation
/// leads record a rebasing when the process changed (a new service model, a new way of counting) and withdraw one
/// made in error. Its members and link inspector read them.
/// </summary>
public sealed class LimitsModel(AppDbContext db, CurrentUser current, SpcRebasesService rebases) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public Guid Council { get; set; }

    [BindProperty]
    public string? RebasePeriod { get; set; }

    [BindProperty]
    public string? RebaseReason { get; set; }

    public sealed record Recorded(Guid Id, string Period, string Reason, string By, DateTime At);

    public PerformanceIndicator Indicator { get; private set; } = null!;

    public string CouncilName { get; private set; } = "";

    public bool SetsTargets { get; private set; }

    public IReadOnlyList<Recorded> Rebases { get; private set; } = [];

    /// <summary>The periods new limits can start at: every figure's period but the first, without a rebasing yet.</summary>
    public IReadOnlyList<string> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await rebases.AddAsync((await current.GetAccessAsync(cancellationToken))!, Code, Council, RebasePeriod, RebaseReason, cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm($"New limits start at {RebasePeriod!.Trim()}");
            return RedirectToPage("/PerformanceIndicators/Indicator", null, new { code = Indicator.Code, council = Council }, "variation-heading");
        });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var withdrawn = Rebases.FirstOrDefault(r => r.Id == id);
        var result = await rebases.RemoveAsync((await current.GetAccessAsync(cancellationToken))!, Code, Council, id, cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm(withdrawn is null ? "Those limits had already been withdrawn" : $"The new limits at {withdrawn.Period} have been withdrawn");
            return RedirectToPage("/PerformanceIndicators/Limits", new { code = Indicator.Code, council = Council });
        });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, access, Code, cancellationToken);
        var council = await db.Organisations.Where(o => o.Id == Council && o.Kind == OrganisationKind.Council).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (indicator is null || council is null || !PerformanceIndicatorAccess.SeesCouncilYears(access, Council))
        {
            return NotFound();
        }

        Indicator = indicator;
        CouncilName = council;
        SetsTargets = PerformanceIndicatorPermissions.SetsTargets(access, Council);
        Rebases = await db.SpcRebases.Where(r => r.IndicatorId == indicator.Id && r.OrganisationId == Council).OrderBy(r => r.FromYear)
            .Join(db.Users, r => r.CreatedById, u => u.Id, (r, u) => new Recorded(r.Id, r.Period, r.Reason, u.DisplayName, r.CreatedAt))
            .ToListAsync(cancellationToken);
        var periods = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Council && v.OrganisationId == Council && v.Value != null)
            .OrderBy(v => v.FromYear).ThenBy(v => v.ToYear).Select(v => v.Period).ToListAsync(cancellationToken);
        Periods = periods.Skip(1).Where(p => Rebases.All(r => r.Period != p)).ToList();
        return null;
    }
}
