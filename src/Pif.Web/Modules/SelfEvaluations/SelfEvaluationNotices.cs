using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Notifications;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>Who hears of what happens to a self-evaluation, and what they are told: its part of the notifications.</summary>
public sealed class SelfEvaluationNotices(AppDbContext db, Notifier notifier)
{
    public static string OverviewLink(Guid id) => $"/self-evaluations/{id}";

    public static string QiLink(Guid id, Guid qiId) => $"/self-evaluations/{id}/qis/{qiId}";

    /// <summary>Everyone who takes part: the named lead and every contributor assigned a QI.</summary>
    public async Task<List<Guid>> ParticipantsAsync(SelfEvaluation evaluation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var assignees = await db.QiAssignments.Where(a => db.QiEvaluations.Any(q => q.Id == a.QiEvaluationId && q.SelfEvaluationId == evaluation.Id))
            .Select(a => a.UserId).Distinct().ToListAsync(cancellationToken);
        return [evaluation.LeadUserId, .. assignees];
    }

    /// <summary>Tells everyone who takes part, but the person who acted.</summary>
    public async Task TellParticipantsAsync(NotificationKind kind, SelfEvaluation evaluation, Guid actor, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        await notifier.NotifyAsync(kind, await ParticipantsAsync(evaluation, cancellationToken), text, OverviewLink(evaluation.Id), evaluation.OrganisationId, actor, cancellationToken);
    }

    /// <summary>A submission is waiting for the council's link inspector.</summary>
    public async Task TellInspectorAsync(SelfEvaluation evaluation, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var inspectors = await db.LinkInspectorAssignments.Where(a => a.CouncilId == evaluation.OrganisationId && a.From <= now && (a.Until == null || a.Until > now))
            .Select(a => a.InspectorId).ToListAsync(cancellationToken);
        var council = await db.Organisations.Where(o => o.Id == evaluation.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        await notifier.NotifyAsync(NotificationKind.SubmissionWaiting, inspectors,
            $"{council} submitted \"{evaluation.Title}\" for validation{(evaluation.Submissions > 1 ? $" (submission {evaluation.Submissions})" : "")}.",
            OverviewLink(evaluation.Id), evaluation.OrganisationId, null, cancellationToken);
    }

    /// <summary>Each contributor newly given QIs hears which, once, with a link to the QI when there is one.</summary>
    public async Task TellAssignedAsync(SelfEvaluation evaluation, IReadOnlyDictionary<Guid, List<(Guid QiId, string Code)>> added, Guid actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(added);
        foreach (var (user, qis) in added)
        {
            var codes = string.Join(", ", qis.Select(q => q.Code));
            await notifier.NotifyAsync(NotificationKind.QisAssigned, [user],
                $"You were asked to write on {(qis.Count == 1 ? "quality indicator" : "quality indicators")} {codes} of \"{evaluation.Title}\".",
                qis.Count == 1 ? QiLink(evaluation.Id, qis[0].QiId) : OverviewLink(evaluation.Id), evaluation.OrganisationId, actor, cancellationToken);
        }
    }

    /// <summary>
    /// A comment in a QI's support and challenge thread: the link inspector's is told to those who write on the QI
    /// (its assignees and the named lead); a reply, to everyone who wrote in the thread before.
    /// </summary>
    public async Task TellCommentAsync(SelfEvaluation evaluation, Guid qiEvaluationId, CommentKind kind, Guid actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var code = await db.QiEvaluations.Where(q => q.Id == qiEvaluationId).Select(q => q.QiCode).SingleAsync(cancellationToken);
        var link = QiLink(evaluation.Id, qiEvaluationId);
        if (kind == CommentKind.Reply)
        {
            var earlier = await db.QiComments.Where(c => c.QiEvaluationId == qiEvaluationId).Select(c => c.AuthorId).Distinct().ToListAsync(cancellationToken);
            await notifier.NotifyAsync(NotificationKind.CommentReply, earlier, $"There is a new reply on quality indicator {code} of \"{evaluation.Title}\".", link, evaluation.OrganisationId, actor, cancellationToken);
            return;
        }

        var writers = await db.QiAssignments.Where(a => a.QiEvaluationId == qiEvaluationId).Select(a => a.UserId).ToListAsync(cancellationToken);
        var what = kind == CommentKind.Challenge ? "challenged" : "commented on";
        await notifier.NotifyAsync(NotificationKind.InspectorComment, [evaluation.LeadUserId, .. writers],
            $"The link inspector {what} quality indicator {code} of \"{evaluation.Title}\".", link, evaluation.OrganisationId, actor, cancellationToken);
    }
}
