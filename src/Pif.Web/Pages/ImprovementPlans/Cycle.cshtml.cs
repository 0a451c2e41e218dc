using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>Starts a PDSA cycle on an action, or carries one on through do, study and act; a decided cycle is read here.</summary>
public sealed class CycleModel(AppDbContext db, CurrentUser current, PdsaCyclesService cycles) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid ActionId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? CycleId { get; set; }

    [BindProperty]
    public CycleForm Form { get; set; } = new();

    public ActionView Action { get; private set; } = null!;

    /// <summary>The cycle as saved, when it exists.</summary>
    public PdsaCycle? Saved { get; private set; }

    public bool CanChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Saved is { } saved)
        {
            Form = new CycleForm
            {
                Change = saved.Change,
                Prediction = saved.Prediction,
                Measure = saved.Measure,
                WhatHappened = saved.WhatHappened,
                Result = saved.Result,
                Decision = saved.Decision,
                DecisionNotes = saved.DecisionNotes,
                Stamp = saved.ConcurrencyStamp,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await cycles.SaveAsync((await current.GetAccessAsync(cancellationToken))!, ActionId, CycleId, Form.Stamp, Form.ToInput(), cancellationToken);
        if (result.IsStale && Saved is not null)
        {
            Form.Stamp = Saved.ConcurrencyStamp;
        }

        return this.Answer(result, done =>
        {
            this.Confirm(Form.Decision is null ? "The cycle has been saved" : "The decision has been recorded: the cycle is now read-only");
            return RedirectToPage("/ImprovementPlans/Action", null, new { Id, ActionId }, "cycles-heading");
        }, field => field is "" or "$" ? "Form.Change" : $"Form.{field}",
            "Someone else saved this cycle after you opened it. Nothing has been overwritten: what is saved now is shown below; check your changes and save again");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var action = await ActionView.LoadAsync(db, access, Id, ActionId, cancellationToken);
        if (action is null)
        {
            return NotFound();
        }

        Action = action;
        Saved = CycleId is { } cycle ? await db.PdsaCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycle && c.ActionId == ActionId, cancellationToken) : null;
        if (CycleId is not null && Saved is null)
        {
            return NotFound();
        }

        CanChange = action.PlanState != PlanState.Closed && Saved?.Decision is null && ImprovementPlanPermissions.ChangesAction(access, action.OrganisationId, action.OwnerId);
        return Saved is null && !CanChange ? Forbid() : null;
    }
}

/// <summary>The fields of a PDSA cycle's form.</summary>
public sealed class CycleForm
{
    public string? Change { get; set; }

    public string? Prediction { get; set; }

    public string? Measure { get; set; }

    public string? WhatHappened { get; set; }

    public string? Result { get; set; }

    public PdsaDecision? Decision { get; set; }

    public string? DecisionNotes { get; set; }

    public Guid? Stamp { get; set; }

    public CycleInput ToInput() => new(Change, Prediction, Measure, WhatHappened, Result, Decision, DecisionNotes);
}
