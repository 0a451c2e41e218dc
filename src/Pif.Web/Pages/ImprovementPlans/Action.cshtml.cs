using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>
/// One action: what will be done, by whom and when, the findings it answers (each linked to its QI), and its
/// progress updates, newest first, with the form for the next one.
/// </summary>
public sealed class ActionModel(AppDbContext db, CurrentUser current, PlanActionsService actions, MilestonesService milestones, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ActionId { get; set; }

    [BindProperty]
    public UpdateForm Update { get; set; } = new();

    [BindProperty]
    public MilestoneForm Milestone { get; set; } = new();

    public ActionView Action { get; private set; } = null!;

    public IReadOnlyList<MilestoneRow> Milestones { get; private set; } = [];

    public IReadOnlyList<PdsaCycle> Cycles { get; private set; } = [];

    /// <summary>Whether the user posts progress updates: the owner and the plan's managers, until the plan is closed.</summary>
    public bool CanChange { get; private set; }

    /// <summary>Whether the user changes the action's details: as above, while the plan is a draft or being revised.</summary>
    public bool CanEdit => CanChange && Action.PlanState.DetailsOpen();

    public Rag Rag { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];

    /// <summary>The council's evidence, to point an update to.</summary>
    public IReadOnlyList<(Guid Id, string Title)> Evidence { get; private set; } = [];

    /// <summary>The case studies that tell of this action.</summary>
    public IReadOnlyList<(Guid Id, string Title, bool Published)> CaseStudies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        var result = await actions.PostUpdateAsync((await current.GetAccessAsync(cancellationToken))!, ActionId, Update.ToInput(), cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm("Your update has been added");
            return RedirectToPage("/ImprovementPlans/Action", new { Id, ActionId });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), field => field is "" or "$" ? "Update.Narrative" : $"Update.{field}",
            "Someone changed the action's status while you wrote: check it and post your update again");
    }

    public async Task<IActionResult> OnPostAddMilestoneAsync(CancellationToken cancellationToken)
    {
        var result = await milestones.AddAsync((await current.GetAccessAsync(cancellationToken))!, ActionId, Milestone.Title, Milestone.DueDate, cancellationToken);
        return await AnswerMilestoneAsync(result, "The milestone has been added", cancellationToken);
    }

    public async Task<IActionResult> OnPostTickAsync(Guid milestoneId, CancellationToken cancellationToken)
    {
        var result = await milestones.TickAsync((await current.GetAccessAsync(cancellationToken))!, ActionId, milestoneId, cancellationToken);
        return await AnswerMilestoneAsync(result, "The milestone has been ticked off", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveMilestoneAsync(Guid milestoneId, CancellationToken cancellationToken)
    {
        var result = await milestones.RemoveAsync((await current.GetAccessAsync(cancellationToken))!, ActionId, milestoneId, cancellationToken);
        return await AnswerMilestoneAsync(result, "The milestone has been removed", cancellationToken);
    }

    private Task<IActionResult> AnswerMilestoneAsync(ServiceResult result, string confirmation, CancellationToken cancellationToken) =>
        this.AnswerAsync(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage("/ImprovementPlans/Action", null, new { Id, ActionId }, "milestones-heading");
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), field => field is "" or "$" ? "Milestone.Title" : $"Milestone.{field}");

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var action = await ActionView.LoadAsync(db, access, Id, ActionId, cancellationToken);
        if (action is null)
        {
            return false;
        }

        Action = action;
        CanChange = action.PlanState != PlanState.Closed && ImprovementPlanPermissions.ChangesAction(access, action.OrganisationId, action.OwnerId);
        Today = Dates.LondonToday(clock);
        Rag = ActionRag.Of(action.Status, action.DueDate, Today);
        Updates = (await db.ActionUpdates.Where(u => u.ActionId == ActionId)
                .Join(db.Users, u => u.AuthorId, p => p.Id, (u, p) => new
                {
                    u.Id,
                    u.At,
                    Author = p.DisplayName,
                    u.Narrative,
                    u.StatusFrom,
                    u.StatusTo,
                    u.StatusReason,
                    u.CorrectsId,
                    Evidence = db.EvidenceItems.Where(e => e.Id == u.EvidenceItemId).Select(e => new { e.Id, e.Title }).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
            .Select(u => new UpdateRow(u.Id, u.At, u.Author, u.Narrative, u.StatusFrom, u.StatusTo, u.StatusReason, u.Evidence?.Id, u.Evidence?.Title, u.CorrectsId))
            .ToList();
        Milestones = (await db.Milestones.Where(m => m.ActionId == ActionId).Select(m => new { m.Id, m.Title, m.DueDate, m.DoneAt }).ToListAsync(cancellationToken))
            .OrderBy(m => m.DueDate).ThenBy(m => m.Id).Select(m => new MilestoneRow(m.Id, m.Title, m.DueDate, m.DoneAt)).ToList();
        CaseStudies = await CaseStudyLinks.TellingOfAsync(db, access, ActionId, cancellationToken);
        Cycles = await db.PdsaCycles.AsNoTracking().Where(c => c.ActionId == ActionId).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        if (CanChange)
        {
            Evidence = (await db.EvidenceItems.Where(e => e.OrganisationId == action.OrganisationId).Select(e => new { e.Id, e.Title }).ToListAsync(cancellationToken))
                .OrderBy(e => e.Title, StringComparer.CurrentCulture).Select(e => (e.Id, e.Title)).ToList();
        }

        return true;
    }

    public sealed record UpdateRow(Guid Id, DateTime At, string Author, string Narrative, ActionStatus? StatusFrom, ActionStatus? StatusTo, string? StatusReason,
        Guid? EvidenceId, string? Evidence, Guid? CorrectsId);
}

/// <summary>A milestone as the action's page lists it.</summary>
public sealed record MilestoneRow(Guid Id, string Title, DateOnly DueDate, DateTime? DoneAt);

/// <summary>The fields of a new milestone.</summary>
public sealed class MilestoneForm
{
    public string? Title { get; set; }

    public DateOnly? DueDate { get; set; }
}

/// <summary>The fields of a progress update.</summary>
public sealed class UpdateForm
{
    public string? Narrative { get; set; }

    public ActionStatus? Status { get; set; }

    public string? StatusReason { get; set; }

    public Guid? EvidenceItemId { get; set; }

    public Guid? CorrectsId { get; set; }

    public UpdateInput ToInput() => new(Narrative, Status, StatusReason, EvidenceItemId, CorrectsId);
}

/// <summary>An action as its page reads it.</summary>
public sealed record ActionView(
    Guid Id, Guid PlanId, string Plan, PlanState PlanState, Guid OrganisationId, Guid? SelfEvaluationId, int Number, string Description, string? Outcome,
    Guid OwnerId, string Owner, DateOnly StartDate, DateOnly DueDate, ActionPriority Priority, ActionStatus Status, string? StatusReason, string? SuccessMeasure,
    IReadOnlyList<ActionView.Finding> Findings)
{
    public sealed record Finding(SourceKind Kind, Guid? QiEvaluationId, string? QiCode, string Text);

    public static async Task<ActionView?> LoadAsync(AppDbContext db, UserAccess access, Guid planId, Guid actionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await ImprovementPlanAccess.Visible(db, access).Where(p => p.Id == planId)
            .SelectMany(p => p.Actions.Where(a => a.Id == actionId), (p, a) => new
            {
                Plan = p.Title,
                p.State,
                p.OrganisationId,
                p.SelfEvaluationId,
                a,
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).First(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var findings = await db.ActionSources.Where(s => s.ActionId == actionId)
            .GroupJoin(db.QiEvaluations, s => s.QiEvaluationId, q => q.Id, (s, q) => new { s, q })
            .SelectMany(x => x.q.DefaultIfEmpty(), (x, q) => new { x.s.Kind, x.s.QiEvaluationId, x.s.Text, Code = q == null ? null : q.QiCode, Position = q == null ? int.MaxValue : q.Position })
            .ToListAsync(cancellationToken);
        var a = found.a;
        return new(a.Id, planId, found.Plan, found.State, found.OrganisationId, found.SelfEvaluationId, a.Number, a.Description, a.Outcome, a.OwnerId, found.Owner,
            a.StartDate, a.DueDate, a.Priority, a.Status, a.StatusReason, a.SuccessMeasure,
            findings.OrderBy(f => f.Position).ThenBy(f => f.Kind).Select(f => new Finding(f.Kind, f.QiEvaluationId, f.Code, f.Text)).ToList());
    }
}
