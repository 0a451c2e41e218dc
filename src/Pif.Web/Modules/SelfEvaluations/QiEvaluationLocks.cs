using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// What other modules ask about a QI evaluation before changing what supports it (the Evidence module
/// links evidence): whether it is still open, and who writes on it.
/// </summary>
public static class QiEvaluationLocks
{
    /// <summary>A QI evaluation the user writes on (its named lead, or an assigned contributor), with whether it is still open (Draft or In progress).</summary>
    public static async Task<QiEvaluationTarget?> FindAsync(AppDbContext db, UserAccess access, Guid qiEvaluationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var user = access.UserId;
        var found = await db.QiEvaluations.Where(q => q.Id == qiEvaluationId)
            .Join(SelfEvaluationAccess.Visible(db, access), q => q.SelfEvaluationId, s => s.Id, (q, s) => new
            {
                q.Id,
                q.QiCode,
                s.OrganisationId,
                SelfEvaluationId = s.Id,
                s.Title,
                s.State,
                s.LeadUserId,
                Assigned = q.Assignments.Any(a => a.UserId == user),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var writes = SelfEvaluationPermissions.WritesOnQi(access, found.LeadUserId, found.OrganisationId, found.Assigned);
        return new QiEvaluationTarget(found.Id, found.QiCode, found.SelfEvaluationId, found.Title, found.OrganisationId, found.State, writes);
    }

    /// <summary>Marks the self-evaluation's row written while it is open, so a submission waits for the change (or the change sees the submission).</summary>
    public static Task<bool> HoldOpenAsync(AppDbContext db, Guid selfEvaluationId, TimeProvider clock, CancellationToken cancellationToken) =>
        SelfEvaluationRows.TakeAsync(db, selfEvaluationId, [SelfEvaluationState.Draft, SelfEvaluationState.InProgress], clock, cancellationToken);

    /// <summary>The open QI evaluations of the council the user writes on, by self-evaluation and position: where they may link evidence.</summary>
    public static async Task<IReadOnlyList<WritableQi>> WritableAsync(AppDbContext db, UserAccess access, Guid organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var user = access.UserId;
        // SelfEvaluationPermissions.WritesOnQi, as a filter over the council's QIs.
        var lead = SelfEvaluationPermissions.MayLeadIn(access, organisationId);
        var contributor = SelfEvaluationPermissions.MayContributeIn(access, organisationId);
        return await db.QiEvaluations
            .Join(SelfEvaluationAccess.Visible(db, access).Where(s => s.OrganisationId == organisationId && (s.State == SelfEvaluationState.Draft || s.State == SelfEvaluationState.InProgress)),
                q => q.SelfEvaluationId, s => s.Id, (q, s) => new { q, s })
            .Where(x => (lead && x.s.LeadUserId == user) || (contributor && x.q.Assignments.Any(a => a.UserId == user)))
            .OrderBy(x => x.s.Title).ThenBy(x => x.q.Position)
            .Select(x => new WritableQi(x.q.Id, x.s.Title, x.q.QiCode, db.QualityIndicators.Where(i => i.Id == x.q.QualityIndicatorId).Select(i => i.Title).First()))
            .ToListAsync(cancellationToken);
    }

    public static bool IsOpen(SelfEvaluationState state) => state is SelfEvaluationState.Draft or SelfEvaluationState.InProgress;
}

/// <summary>A QI evaluation as another module sees it: where it belongs, its state, and whether the user writes on it.</summary>
public sealed record QiEvaluationTarget(Guid Id, string Code, Guid SelfEvaluationId, string SelfEvaluationTitle, Guid OrganisationId, SelfEvaluationState State, bool UserWrites);

/// <summary>A QI evaluation the user may link evidence to.</summary>
public sealed record WritableQi(Guid Id, string SelfEvaluationTitle, string Code, string Title);
