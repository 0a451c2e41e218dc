using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure.Charts;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>A plan: its actions with their owners, dates, status and RAG, and while it is a draft, merging actions.</summary>
public sealed class PlanModel(AppDbContext db, DataCache cache, CurrentUser current, ImprovementPlansService plans, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<Guid> Actions { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Rag? Rag { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Qi { get; set; }

    /// <summary>A due month, as "2027-03".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    public PlanView Plan { get; private set; } = null!;

    /// <summary>The actions the filters let through, in the plan's order.</summary>
    public IReadOnlyList<PlanView.ActionRow> Shown { get; private set; } = [];

    public bool Filtered => Owner is not null || Status is not null || Rag is not null || Qi is not null || Due is not null;

    public bool Manages { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    [BindProperty]
    public Guid? Stamp { get; set; }

    /// <summary>The actions by RAG as an SVG bar chart; the page states the counts as text beside it.</summary>
    public async Task<IActionResult> OnGetChartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var rags = PlanView.Counted;
        var counts = rags.Select(r => (double?)Plan.Count(r)).ToList();
        var top = Math.Max(1, (int)counts.Max()!.Value);
        var step = Math.Max(1, (int)Math.Ceiling(top / 5.0));
        var svg = GroupedBarChart.Svg(rags.Select(ImprovementPlanWording.Rag).ToList(), [("Actions", counts)],
            Enumerable.Range(0, (top / step) + 1).Select(i => ((double)(i * step), (i * step).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(),
            "RAG", "Actions");
        return Content(svg, "image/svg+xml");
    }

    /// <summary>The plan as a workbook: its actions, every update, every PDSA cycle.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(await PlanExport.XlsxAsync(db, Plan, cancellationToken), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", PlanExport.FileName(Plan, "xlsx"))
            : NotFound();

    /// <summary>The plan as a Word document: its actions with their updates and PDSA cycles.</summary>
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(await PlanExport.DocxAsync(db, Plan, cancellationToken), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", PlanExport.FileName(Plan, "docx"))
            : NotFound();

    /// <summary>The plan's actions as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken)
            ? File(await PlanExport.CsvAsync(db, Plan, cancellationToken), "text/csv", PlanExport.FileName(Plan, "csv"))
            : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        MoveAsync((access, ct) => plans.ApproveAsync(access, Id, Stamp, ct), "The plan has been approved", cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(CancellationToken cancellationToken) =>
        MoveAsync((access, ct) => plans.ReviseAsync(access, Id, Stamp, ct), "You are revising the plan: the approved revision stands until you approve this one", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        MoveAsync((access, ct) => plans.CloseAsync(access, Id, Stamp, ct), "The plan has been closed", cancellationToken);

    private async Task<IActionResult> MoveAsync(Func<UserAccess, CancellationToken, Task<ServiceResult>> move, string confirmation, CancellationToken cancellationToken)
    {
        var result = await move((await current.GetAccessAsync(cancellationToken))!, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage("/ImprovementPlans/Plan", new { Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), _ => "State");
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken cancellationToken)
    {
        var result = await plans.MergeAsync((await current.GetAccessAsync(cancellationToken))!, Id, Actions, cancellationToken);
        return await this.AnswerAsync(result, done =>
        {
            this.Confirm($"{done.Count} actions have been merged into one");
            return RedirectToPage("/ImprovementPlans/Action", new { id = Id, actionId = done.Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        // Kept for this reader: whether they see the plan depends on who they are.
        var (id, today) = (Id, Dates.LondonToday(clock));
        var plan = await cache.GetAsync((typeof(PlanView), access.UserId, id, today), ct => PlanView.LoadAsync(db, access, id, today, ct), cancellationToken);
        if (plan is null)
        {
            return false;
        }

        Plan = plan;
        Manages = ImprovementPlanPermissions.Manages(access, plan.OrganisationId);
        Shown = plan.Actions.Where(a => (Owner is null || a.Owner == Owner) && (Status is null || a.Status == Status) && (Rag is null || a.Rag == Rag)
            && (Qi is null || a.Qis.Contains(Qi)) && (Due is null || a.DueDate.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == Due)).ToList();
        return true;
    }
}

/// <summary>A plan as its page reads it.</summary>
public sealed record PlanView(Guid Id, Guid OrganisationId, string Title, string Council, DateOnly PeriodStart, DateOnly PeriodEnd, PlanState State,
    Guid? SelfEvaluationId, string? SelfEvaluation, IReadOnlyList<PlanView.ActionRow> Actions)
{
    public Guid Stamp { get; init; }

    /// <summary>Each approval in order: which revision, who, when.</summary>
    public IReadOnlyList<(int Revision, string By, DateTime At)> Approvals { get; init; } = [];

    public DateTime? ClosedAt { get; init; }

    public sealed record ActionRow(Guid Id, int Number, string Description, string Owner, DateOnly DueDate, ActionPriority Priority, ActionStatus Status, Rag Rag, IReadOnlyList<string> Qis);

    /// <summary>The RAG values a plan's counts and chart show, in order.</summary>
    public static readonly Rag[] Counted = [Modules.ImprovementPlans.Rag.Red, Modules.ImprovementPlans.Rag.Amber, Modules.ImprovementPlans.Rag.Green, Modules.ImprovementPlans.Rag.Done];

    public int Count(Rag rag) => Actions.Count(a => a.Rag == rag);

    public static async Task<PlanView?> LoadAsync(AppDbContext db, UserAccess access, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await ImprovementPlanAccess.Visible(db, access).Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id,
                p.OrganisationId,
                p.Title,
                p.PeriodStart,
                p.PeriodEnd,
                p.State,
                p.SelfEvaluationId,
                Council = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).First(),
                SelfEvaluation = db.SelfEvaluations.Where(s => s.Id == p.SelfEvaluationId).Select(s => s.Title).FirstOrDefault(),
                p.ConcurrencyStamp,
                p.ClosedAt,
                Approvals = p.Approvals.OrderBy(a => a.Revision)
                    .Select(a => new { a.Revision, a.At, By = db.Users.Where(u => u.Id == a.ApprovedById).Select(u => u.DisplayName).First() }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var actions = await db.PlanActions.Where(a => a.PlanId == id).OrderBy(a => a.Number)
            .Join(db.Users, a => a.OwnerId, u => u.Id, (a, u) => new { a.Id, a.Number, a.Description, a.DueDate, a.Priority, a.Status, Owner = u.DisplayName })
            .ToListAsync(cancellationToken);
        var qis = (await db.ActionSources.Where(s => db.PlanActions.Any(a => a.Id == s.ActionId && a.PlanId == id))
                .Join(db.QiEvaluations, s => s.QiEvaluationId, q => q.Id, (s, q) => new { s.ActionId, q.QiCode })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.ActionId, s => s.QiCode);
        return new(plan.Id, plan.OrganisationId, plan.Title, plan.Council, plan.PeriodStart, plan.PeriodEnd, plan.State, plan.SelfEvaluationId, plan.SelfEvaluation,
            actions.Select(a => new ActionRow(a.Id, a.Number, a.Description, a.Owner, a.DueDate, a.Priority, a.Status, ActionRag.Of(a.Status, a.DueDate, today),
                [.. qis[a.Id].Distinct().Order(StringComparer.Ordinal)])).ToList())
        {
            Stamp = plan.ConcurrencyStamp,
            ClosedAt = plan.ClosedAt,
            Approvals = plan.Approvals.Select(a => (a.Revision, a.By, a.At)).ToList(),
        };
    }
}
