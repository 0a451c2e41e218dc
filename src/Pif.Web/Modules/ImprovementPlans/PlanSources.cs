using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// What a plan made from a self-evaluation may answer: every area for improvement of every agreed record, by QI
/// in framework order, and the two parts of the link inspector's validation summary.
/// </summary>
public sealed record PlanSource(Guid SelfEvaluationId, Guid OrganisationId, string Title, SelfEvaluationState State, DateOnly PeriodEnd, Guid? PlanId, IReadOnlyList<PlanCandidate> Candidates)
{
    /// <summary>The states a self-evaluation's findings are settled in: submitted, validated or published.</summary>
    public static bool IsPlannable(SelfEvaluationState state) => state is SelfEvaluationState.Submitted or SelfEvaluationState.Validated or SelfEvaluationState.Published;

    public bool Plannable => IsPlannable(State);

    public static async Task<PlanSource?> LoadAsync(AppDbContext db, UserAccess access, Guid selfEvaluationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var evaluation = await SelfEvaluationAccess.Visible(db, access).Where(s => s.Id == selfEvaluationId)
            .Select(s => new
            {
                s.Id,
                s.OrganisationId,
                s.Title,
                s.State,
                s.PeriodEnd,
                s.ValidationStrengths,
                s.ValidationImprovements,
                Plan = db.ImprovementPlans.Where(p => p.SelfEvaluationId == s.Id).Select(p => (Guid?)p.Id).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (evaluation is null)
        {
            return null;
        }

        var areas = await db.QiEvaluations.Where(q => q.SelfEvaluationId == selfEvaluationId)
            .SelectMany(q => q.Records.Where(r => r.Kind == RecordKind.Agreed).SelectMany(r => r.Items.Where(i => i.Kind == ItemKind.AreaForImprovement)),
                (q, i) => new
                {
                    QiId = q.Id,
                    q.QiCode,
                    q.Position,
                    i.Id,
                    i.Text,
                    ItemPosition = i.Position,
                    Title = db.QualityIndicators.Where(x => x.Id == q.QualityIndicatorId).Select(x => x.Title).First(),
                })
            .ToListAsync(cancellationToken);
        var candidates = areas.OrderBy(a => a.Position).ThenBy(a => a.ItemPosition)
            .Select(a => new PlanCandidate(PlanCandidate.ItemKey(a.Id), SourceKind.AreaForImprovement, a.QiId, a.QiCode, a.Title, a.Id, a.Text)).ToList();
        if (evaluation.State is SelfEvaluationState.Validated or SelfEvaluationState.Published)
        {
            if (evaluation.ValidationStrengths is { Length: > 0 } strengths)
            {
                candidates.Add(new(PlanCandidate.StrengthsKey, SourceKind.ValidationStrengths, null, null, null, null, strengths));
            }

            if (evaluation.ValidationImprovements is { Length: > 0 } improvements)
            {
                candidates.Add(new(PlanCandidate.ImprovementsKey, SourceKind.ValidationImprovements, null, null, null, null, improvements));
            }
        }

        return new(evaluation.Id, evaluation.OrganisationId, evaluation.Title, evaluation.State, evaluation.PeriodEnd, evaluation.Plan, candidates);
    }
}

/// <summary>One finding a new plan may answer; its key is what the form ticks.</summary>
public sealed record PlanCandidate(string Key, SourceKind Kind, Guid? QiEvaluationId, string? QiCode, string? QiTitle, Guid? ItemId, string Text)
{
    public const string StrengthsKey = "validation-strengths";
    public const string ImprovementsKey = "validation-improvements";

    public static string ItemKey(Guid itemId) => $"area-{itemId:N}";
}
