using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// The review of case studies: comments from the reviewer and the council, a request for changes, publication (which
/// replaces the revision every council reads, and its search entry, in the same save) and withdrawal with a reason.
/// </summary>
public sealed class CaseStudyReviewService(AppDbContext db, AuditLog audit, Notifier notifier, TimeProvider clock)
{
    public const string TextField = "Text";

    /// <summary>A comment on the revision under review, by the reviewer or the council's writers.</summary>
    public async Task<ServiceResult> CommentAsync(UserAccess actor, Guid id, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var study = await LoadAsync(actor, id, cancellationToken);
        if (study is null)
        {
            return ServiceResult.NotFound;
        }

        if (!CaseStudyAccess.SeesWork(actor, study.OrganisationId))
        {
            return ServiceResult.Forbidden;
        }

        if (CheckText(text, "Enter your comment") is { } problem)
        {
            return problem;
        }

        var latest = study.Revisions.MaxBy(r => r.Number)!;
        Add(study, latest.Number, CaseStudyCommentKind.Comment, text, actor);
        audit.Record(actor, "case-study.commented", "case-study", study.Id, study.OrganisationId, null, new { latest.Title, Revision = latest.Number });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(study.Id);
    }

    /// <summary>Returns the submitted revision to the council, saying what to change.</summary>
    public async Task<ServiceResult> RequestChangesAsync(UserAccess actor, Guid id, Guid? stamp, string? text, CancellationToken cancellationToken)
    {
        var (study, revision, refusal) = await SubmittedAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        if (CheckText(text, "Say what the council should change") is { } problem)
        {
            return problem;
        }

        revision!.State = RevisionState.ChangesRequested;
        study.ConcurrencyStamp = Guid.NewGuid();
        Add(study, revision.Number, CaseStudyCommentKind.ChangesRequested, text, actor);
        audit.Record(actor, "case-study.changes-requested", "case-study", study.Id, study.OrganisationId, null, new { revision.Title, Revision = revision.Number });
        await notifier.NotifyAsync(NotificationKind.CaseStudyDecided, [study.CreatedById, revision.CreatedById],
            $"Your case study \"{revision.Title}\" was sent back with changes to make.", $"/case-studies/{study.Id}", study.OrganisationId, actor.UserId, cancellationToken);
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    /// <summary>Publishes the submitted revision: every council reads it from now on, in place of any earlier one.</summary>
    public async Task<ServiceResult> PublishAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        var (study, revision, refusal) = await SubmittedAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var earlier in study.Revisions.Where(r => r.State == RevisionState.Published))
        {
            earlier.State = RevisionState.Superseded;
        }

        revision!.State = RevisionState.Published;
        revision.PublishedAt = now;
        revision.PublishedById = actor.UserId;
        var wasWithdrawn = study.WithdrawnAt is not null;
        study.PublishedRevision = revision.Number;
        study.WithdrawnAt = null;
        study.WithdrawnReason = null;
        study.ConcurrencyStamp = Guid.NewGuid();
        Add(study, revision.Number, CaseStudyCommentKind.Published, null, actor);
        await CaseStudySearch.IndexAsync(db, study, revision, cancellationToken);
        audit.Record(actor, "case-study.published", "case-study", study.Id, study.OrganisationId, null, new { revision.Title, Revision = revision.Number, Republished = wasWithdrawn });
        await notifier.NotifyAsync(NotificationKind.CaseStudyDecided, [study.CreatedById, revision.CreatedById],
            $"Your case study \"{revision.Title}\" was published: every council can now read it.", $"/case-studies/{study.Id}", study.OrganisationId, actor.UserId, cancellationToken);
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    /// <summary>Takes a published case study out of every council's reading, with the reason; its council still sees it and can revise it.</summary>
    public async Task<ServiceResult> WithdrawAsync(UserAccess actor, Guid id, Guid? stamp, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var study = await LoadAsync(actor, id, cancellationToken);
        if (study is null)
        {
            return ServiceResult.NotFound;
        }

        if (!CaseStudyPermissions.Reviews(actor))
        {
            return ServiceResult.Forbidden;
        }

        if (stamp != study.ConcurrencyStamp)
        {
            return ServiceResult.StaleBecause("", CaseStudiesService.StaleMessage);
        }

        if (!study.IsPublic)
        {
            return ServiceResult.Locked("Only a published case study can be withdrawn");
        }

        if (CheckText(text: reason, "Give the reason for withdrawing it: the council sees it") is { } problem)
        {
            return problem;
        }

        study.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        study.WithdrawnReason = Texts.Clean(reason);
        study.ConcurrencyStamp = Guid.NewGuid();
        Add(study, study.PublishedRevision!.Value, CaseStudyCommentKind.Withdrawn, reason, actor);
        await CaseStudySearch.UnindexAsync(db, study.Id, cancellationToken);
        audit.Record(actor, "case-study.withdrawn", "case-study", study.Id, study.OrganisationId, null, new { Title = study.Revisions.Single(r => r.Number == study.PublishedRevision).Title });
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    private static ServiceResult? CheckText(string? text, string missing) =>
        Texts.Clean(text) is not { } clean ? ServiceResult.Invalid(TextField, missing)
        : Texts.Exceeds(clean, CaseStudyComment.TextMaxLength) ? ServiceResult.Invalid(TextField, $"The text must be {CaseStudyComment.TextMaxLength:N0} characters or fewer")
        : null;

    private void Add(CaseStudy study, int revision, CaseStudyCommentKind kind, string? text, UserAccess actor) =>
        db.CaseStudyComments.Add(new CaseStudyComment
        {
            CaseStudyId = study.Id,
            RevisionNumber = revision,
            Kind = kind,
            Text = Texts.Clean(text),
            AuthorId = actor.UserId,
            At = clock.GetUtcNow().UtcDateTime,
        });

    private Task<CaseStudy?> LoadAsync(UserAccess actor, Guid id, CancellationToken cancellationToken) =>
        CaseStudyAccess.Visible(db, actor).Include(c => c.Revisions).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The case study and its revision waiting for review, for the reviewer's decision.</summary>
    private async Task<(CaseStudy? Study, CaseStudyRevision? Revision, ServiceResult? Refusal)> SubmittedAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var study = await LoadAsync(actor, id, cancellationToken);
        if (study is null)
        {
            return (null, null, ServiceResult.NotFound);
        }

        if (!CaseStudyPermissions.Reviews(actor))
        {
            return (null, null, ServiceResult.Forbidden);
        }

        if (stamp != study.ConcurrencyStamp)
        {
            return (null, null, ServiceResult.StaleBecause("", CaseStudiesService.StaleMessage));
        }

        var revision = study.Revisions.MaxBy(r => r.Number)!;
        return revision.State == RevisionState.Submitted
            ? (study, revision, null)
            : (null, null, ServiceResult.Locked("There is no revision waiting for review: the council has not submitted one"));
    }
}
