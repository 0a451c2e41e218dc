using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>The plans the user sees, and for a council's managers the self-evaluations that are ready for one.</summary>
public sealed class IndexModel(AppDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Row> Plans { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Title, string Council)> Ready { get; private set; } = [];

    public bool ShowCouncil { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var today = Dates.LondonToday(clock);
        var plans = await ImprovementPlanAccess.Visible(db, access)
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new
            {
                p.Id,
                p.Title,
                p.PeriodStart,
                p.PeriodEnd,
                p.State,
                Council = o.Name,
                Actions = p.Actions.Select(a => new { a.Status, a.DueDate }).ToList(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        Plans = plans.OrderBy(p => p.Council).ThenByDescending(p => p.PeriodStart)
            .Select(p => new Row(p.Id, p.Title, p.Council, p.PeriodStart, p.PeriodEnd, p.State, p.Actions.Count,
                p.Actions.Count(a => ActionRag.Of(a.Status, a.DueDate, today) == Rag.Red)))
            .ToList();
        ShowCouncil = Plans.Select(p => p.Council).Distinct().Count() > 1;

        var managed = ImprovementPlanPermissions.ManagedCouncils(access);
        Ready = (await SelfEvaluationAccess.Visible(db, access)
                .Where(s => managed.Contains(s.OrganisationId) && !db.ImprovementPlans.Any(p => p.SelfEvaluationId == s.Id)
                    && (s.State == SelfEvaluationState.Submitted || s.State == SelfEvaluationState.Validated || s.State == SelfEvaluationState.Published))
                .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.Id, s.Title, Council = o.Name, s.PeriodEnd })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.Council).ThenByDescending(s => s.PeriodEnd).Select(s => (s.Id, s.Title, s.Council)).ToList();
        return Page();
    }

    public sealed record Row(Guid Id, string Title, string Council, DateOnly PeriodStart, DateOnly PeriodEnd, PlanState State, int Actions, int Red);
}
