using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>Changes an action's details: its owner and the plan's managers, while the plan is a draft.</summary>
public sealed class EditActionModel(AppDbContext db, CurrentUser current, PlanActionsService actions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ActionId { get; set; }

    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public ActionView Action { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Owners { get; private set; } = [];

    /// <summary>Someone else saved first: the page shows what is saved now.</summary>
    public bool Stale { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Form = ActionForm.From(Action, await StampAsync(cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await actions.UpdateAsync((await current.GetAccessAsync(cancellationToken))!, ActionId, Form.Stamp, Form.ToInput(), cancellationToken);
        if (result.IsStale)
        {
            // The form keeps what the person typed; the saved version is what the page shows beside it, and the
            // next save starts from it.
            Form.Stamp = await StampAsync(cancellationToken);
            Stale = true;
        }

        return this.Answer(result, _ =>
        {
            this.Confirm($"Action {Action.Number} has been changed");
            return RedirectToPage("/ImprovementPlans/Action", new { Id, ActionId });
        }, field => field is "" or "$" ? "Form.Description" : $"Form.{field}",
            $"Someone else changed this action after you opened it. Nothing has been overwritten: what is saved now is shown below the form; check your changes and save again");
    }

    private Task<Guid> StampAsync(CancellationToken cancellationToken) =>
        db.PlanActions.Where(a => a.Id == ActionId).Select(a => a.ConcurrencyStamp).SingleAsync(cancellationToken);

    /// <summary>Loads the action: 404 when the user may not see it, 403 when they may not change it.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var action = await ActionView.LoadAsync(db, access, Id, ActionId, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        if (!action.PlanState.DetailsOpen() || !ImprovementPlanPermissions.ChangesAction(access, action.OrganisationId, action.OwnerId))
        {
            return Forbid();
        }

        Action = action;
        Owners = (await CouncilMembers.WhoOwnWork(db, action.OrganisationId).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => (u.Id, u.DisplayName)).ToList();
        return null;
    }
}

/// <summary>The fields of an action's form.</summary>
public sealed class ActionForm
{
    public string? Description { get; set; }

    public string? Outcome { get; set; }

    public Guid? OwnerId { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? DueDate { get; set; }

    public ActionPriority? Priority { get; set; }

    public ActionStatus? Status { get; set; }

    public string? StatusReason { get; set; }

    public string? SuccessMeasure { get; set; }

    /// <summary>The version of the action the form was opened on.</summary>
    public Guid? Stamp { get; set; }

    public ActionInput ToInput() => new(Description, Outcome, OwnerId, StartDate, DueDate, Priority, Status, StatusReason, SuccessMeasure);

    public static ActionForm From(ActionView action, Guid stamp)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new()
        {
            Description = action.Description,
            Outcome = action.Outcome,
            OwnerId = action.OwnerId,
            StartDate = action.StartDate,
            DueDate = action.DueDate,
            Priority = action.Priority,
            Status = action.Status,
            StatusReason = action.StatusReason,
            SuccessMeasure = action.SuccessMeasure,
            Stamp = stamp,
        };
    }
}
