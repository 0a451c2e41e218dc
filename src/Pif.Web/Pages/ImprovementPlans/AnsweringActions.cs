using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>The actions of the plans the user sees that answer a QI of a self-evaluation: the link read from the QI's side.</summary>
public static class AnsweringActions
{
    public sealed record Row(Guid PlanId, string Plan, Guid Id, int Number, string Description, Rag Rag);

    /// <summary>Reads them only once the self-evaluation could have a plan (submitted or later): before that there are none.</summary>
    public static async Task<IReadOnlyList<Row>> LoadAsync(AppDbContext db, UserAccess access, Guid qiEvaluationId, SelfEvaluationState state, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!PlanSource.IsPlannable(state))
        {
            return [];
        }

        var rows = await ImprovementPlanAccess.Visible(db, access)
            .SelectMany(p => p.Actions.Where(a => a.Sources.Any(s => s.QiEvaluationId == qiEvaluationId)),
                (p, a) => new { PlanId = p.Id, Plan = p.Title, a.Id, a.Number, a.Description, a.Status, a.DueDate })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Plan, StringComparer.CurrentCulture).ThenBy(r => r.Number)
            .Select(r => new Row(r.PlanId, r.Plan, r.Id, r.Number, r.Description, ActionRag.Of(r.Status, r.DueDate, today))).ToList();
    }
}
