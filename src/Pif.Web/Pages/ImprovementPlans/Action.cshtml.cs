using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>One action: what will be done, by whom and when, and the findings it answers, each linked to its QI.</summary>
public sealed class ActionModel(AppDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ActionId { get; set; }

    public ActionView Action { get; private set; } = null!;

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var action = await ActionView.LoadAsync(db, access, Id, ActionId, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        Action = action;
        CanChange = action.PlanState != PlanState.Closed && ImprovementPlanPermissions.ChangesAction(access, action.OrganisationId, action.OwnerId);
        Rag = ActionRag.Of(action.Status, action.DueDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return Page();
    }

    public Rag Rag { get; private set; }
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
