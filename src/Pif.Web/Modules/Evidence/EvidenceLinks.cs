using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// Links evidence to the QI evaluations it supports. Whoever writes on a QI (its self-evaluation's named
/// lead or an assigned contributor) links and unlinks, while the self-evaluation is open; the Evidence
/// module asks the SelfEvaluations module whether it is (<see cref="QiEvaluationLocks"/>).
/// </summary>
public sealed class EvidenceLinks(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceResult> LinkAsync(UserAccess actor, Guid itemId, Guid qiEvaluationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (item, qi, refusal) = await FindAsync(actor, itemId, qiEvaluationId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await db.EvidenceLinks.AnyAsync(l => l.EvidenceItemId == itemId && l.QiEvaluationId == qiEvaluationId, cancellationToken))
        {
            return ServiceResult.Invalid("Link", $"{item!.Title} already supports {qi!.Code} in {qi.SelfEvaluationTitle}");
        }

        db.EvidenceLinks.Add(new EvidenceLink { EvidenceItemId = itemId, QiEvaluationId = qiEvaluationId, LinkedAt = clock.GetUtcNow().UtcDateTime, LinkedById = actor.UserId });
        Record(actor, "evidence.linked", item!, qi!, null, new { evidence = item!.Title, qi = qi!.Code, selfEvaluation = qi.SelfEvaluationTitle });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return ServiceResult.Done(itemId);
        }
        catch (DbUpdateException)
        {
            // Someone linked the same pair at the same moment: the key keeps one link.
            db.ChangeTracker.Clear();
            return ServiceResult.Invalid("Link", $"{item.Title} already supports {qi.Code} in {qi.SelfEvaluationTitle}");
        }
    }

    public async Task<ServiceResult> UnlinkAsync(UserAccess actor, Guid itemId, Guid qiEvaluationId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (item, qi, refusal) = await FindAsync(actor, itemId, qiEvaluationId, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var link = await db.EvidenceLinks.SingleOrDefaultAsync(l => l.EvidenceItemId == itemId && l.QiEvaluationId == qiEvaluationId, cancellationToken);
        if (link is null)
        {
            return ServiceResult.NotFound;
        }

        db.EvidenceLinks.Remove(link);
        Record(actor, "evidence.unlinked", item!, qi!, new { evidence = item!.Title, qi = qi!.Code, selfEvaluation = qi.SelfEvaluationTitle }, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done(itemId);
    }

    /// <summary>The item (in the library the user reads) and the QI (one they write on, in the item's council), with the self-evaluation held open.</summary>
    private async Task<(EvidenceItem? Item, QiEvaluationTarget? Qi, ServiceResult? Refusal)> FindAsync(UserAccess actor, Guid itemId, Guid qiEvaluationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var councils = EvidenceAccess.Councils(actor);
        var item = await db.EvidenceItems.SingleOrDefaultAsync(e => e.Id == itemId && councils.Contains(e.OrganisationId), cancellationToken);
        var qi = item is null ? null : await QiEvaluationLocks.FindAsync(db, actor, qiEvaluationId, cancellationToken);
        if (item is null || qi is null || qi.OrganisationId != item.OrganisationId)
        {
            return (null, null, ServiceResult.NotFound);
        }

        if (!qi.UserWrites)
        {
            return (null, null, ServiceResult.Forbidden);
        }

        if (!await QiEvaluationLocks.HoldOpenAsync(db, qi.SelfEvaluationId, clock, cancellationToken))
        {
            var state = await db.SelfEvaluations.Where(s => s.Id == qi.SelfEvaluationId).Select(s => s.State).SingleAsync(cancellationToken);
            return (null, null, ServiceResult.Invalid("Link", $"{qi.SelfEvaluationTitle} is {SelfEvaluationWording.State(state).ToLowerInvariant()}, so the evidence for its quality indicators cannot change now"));
        }

        return (item, qi, null);
    }

    /// <summary>On the evidence and on the QI evaluation, so both histories show it.</summary>
    private void Record(UserAccess actor, string action, EvidenceItem item, QiEvaluationTarget qi, object? before, object? after)
    {
        audit.Record(actor, action, "evidence", item.Id, item.OrganisationId, before, after);
        audit.Record(actor, action, "qi-evaluation", qi.Id, item.OrganisationId, before, after);
    }
}
