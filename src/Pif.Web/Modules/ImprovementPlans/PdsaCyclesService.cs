using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>A PDSA cycle as a form or the API sends it.</summary>
public sealed record CycleInput(string? Change, string? Prediction, string? Measure, string? WhatHappened, string? Result, PdsaDecision? Decision, string? DecisionNotes);

/// <summary>
/// PDSA cycles on an action, in order: started by its owner or the plan's managers until the plan is closed, edited
/// until the "act" decision is recorded, read-only afterwards. A decision needs what happened and the result first.
/// </summary>
public sealed class PdsaCyclesService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceResult> SaveAsync(UserAccess actor, Guid actionId, Guid? cycleId, Guid? stamp, CycleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var (found, refusal) = await ChangeableActions.FindAsync(db, actor, actionId, null, cancellationToken);
        var cycle = found is null || cycleId is null ? null : await db.PdsaCycles.SingleOrDefaultAsync(c => c.Id == cycleId && c.ActionId == actionId, cancellationToken);
        if (found is null)
        {
            return refusal!;
        }

        if (cycleId is not null && cycle is null)
        {
            return ServiceResult.NotFound;
        }

        if (cycle?.Decision is not null)
        {
            return ServiceResult.Locked("This cycle's decision is recorded, so it can no longer change: start a new cycle to test the next change");
        }

        if (cycle is not null && stamp != cycle.ConcurrencyStamp)
        {
            return ServiceResult.Stale;
        }

        var problems = Check(input);
        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (cycle is null)
        {
            var number = await db.PdsaCycles.Where(c => c.ActionId == actionId).Select(c => (int?)c.Number).MaxAsync(cancellationToken) ?? 0;
            cycle = new PdsaCycle { ActionId = actionId, Number = number + 1, Change = "", Prediction = "", Measure = "", StartedAt = now, StartedById = actor.UserId };
            db.PdsaCycles.Add(cycle);
        }

        cycle.Change = Texts.Clean(input.Change)!;
        cycle.Prediction = Texts.Clean(input.Prediction)!;
        cycle.Measure = Texts.Clean(input.Measure)!;
        cycle.WhatHappened = Texts.Clean(input.WhatHappened);
        cycle.Result = Texts.Clean(input.Result);
        cycle.Decision = input.Decision;
        cycle.DecisionNotes = Texts.Clean(input.DecisionNotes);
        cycle.DecidedAt = input.Decision is null ? null : now;
        cycle.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, cycleId is null ? "pdsa.started" : input.Decision is null ? "pdsa.changed" : "pdsa.decided", "improvement-action", actionId, found.OrganisationId, null,
            new { found.Action.Number, cycle = cycle.Number, decision = input.Decision?.ToString() });
        return await db.SaveOrStaleAsync(cycle.Id, cancellationToken);
    }

    private static List<FieldProblem> Check(CycleInput input)
    {
        var problems = new List<FieldProblem>();
        foreach (var (field, text, message) in new[]
        {
            ("Change", input.Change, "Enter the change you will test"),
            ("Prediction", input.Prediction, "Enter what you predict will happen"),
            ("Measure", input.Measure, "Enter how you will know: what you will measure"),
        })
        {
            if (Texts.Clean(text) is null)
            {
                problems.Add(new(field, message));
            }
        }

        foreach (var (field, text, name) in new[]
        {
            ("Change", input.Change, "the change"), ("Prediction", input.Prediction, "the prediction"), ("Measure", input.Measure, "the measure"),
            ("WhatHappened", input.WhatHappened, "what happened"), ("Result", input.Result, "the result"), ("DecisionNotes", input.DecisionNotes, "the notes on the decision"),
        })
        {
            if (Texts.Exceeds(Texts.Clean(text), PdsaCycle.TextMaxLength))
            {
                problems.Add(new(field, $"Shorten {name} to {PdsaCycle.TextMaxLength:N0} characters or fewer"));
            }
        }

        if (input.Decision is { } decision && !Enum.IsDefined(decision))
        {
            problems.Add(new("Decision", "Choose adopt, adapt or abandon, or leave the decision for later"));
        }
        else if (input.Decision is not null && (Texts.Clean(input.WhatHappened) is null || Texts.Clean(input.Result) is null))
        {
            problems.Add(new("Decision", "Write what happened and the result against the prediction before you record the decision"));
        }

        return problems;
    }
}
