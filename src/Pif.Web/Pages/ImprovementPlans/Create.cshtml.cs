using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>
/// "Create the improvement plan" from a submitted, validated or published self-evaluation: the lead names the plan,
/// sets its period, and ticks the findings it will answer; each becomes an action they then shape.
/// </summary>
public sealed class CreateModel(AppDbContext db, CurrentUser current, ImprovementPlansService plans, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid SelfEvaluation { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public DateOnly? PeriodStart { get; set; }

    [BindProperty]
    public DateOnly? PeriodEnd { get; set; }

    [BindProperty]
    public List<string> Ticked { get; set; } = [];

    public PlanSource Source { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Source.PlanId is { } plan)
        {
            return RedirectToPage("/ImprovementPlans/Plan", new { id = plan });
        }

        Title = $"Improvement plan: {Source.Title}";
        var start = Source.PeriodEnd.AddDays(1) is var next && next > Today ? next : Today;
        PeriodStart = start;
        PeriodEnd = start.AddYears(1).AddDays(-1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await plans.CreateAsync((await current.GetAccessAsync(cancellationToken))!, SelfEvaluation, new PlanInput(Title, PeriodStart, PeriodEnd), Ticked, cancellationToken);
        return this.Answer(result, done =>
        {
            this.Confirm(done.Count == 1 ? "The plan has been made with 1 action" : $"The plan has been made with {done.Count} actions");
            return RedirectToPage("/ImprovementPlans/Plan", new { id = done.Id });
        });
    }

    private DateOnly Today => Dates.LondonToday(clock);

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var source = await PlanSource.LoadAsync(db, access, SelfEvaluation, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        if (!ImprovementPlanPermissions.Manages(access, source.OrganisationId))
        {
            return Forbid();
        }

        Source = source;
        return null;
    }
}
