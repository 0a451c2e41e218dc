using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// Supported validation (DOMAIN.md section 5): the link inspector's support and challenge and the
/// council's replies, returning a submission, validation decisions, the validation summary and
/// validating. Only the link inspector assigned to the council now acts for the inspectorate.
/// </summary>
public sealed class ValidationService(AppDbContext db, AuditLog audit, SelfEvaluationNotices notices, TimeProvider clock)
{
    /// <summary>
    /// Adds to a QI evaluation's thread: the inspector's support or challenge, or a reply from the named
    /// lead or one of the QI's assignees once the inspector has written. Open while Submitted or In progress.
    /// </summary>
    public async Task<ServiceResult> CommentAsync(UserAccess actor, Guid qiEvaluationId, CommentKind kind, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var qi = await QiAsync(actor, qiEvaluationId, cancellationToken);
        if (qi is null)
        {
            return ServiceResult.NotFound;
        }

        // Who may write, and whether the inspector has, are read once this transaction holds the row, so a change of
        // assignment or state that finishes first is seen.
        var open = await TakeAsync(qi.Evaluation, cancellationToken, SelfEvaluationState.InProgress, SelfEvaluationState.Submitted);
        var assignees = await db.QiAssignments.Where(a => a.QiEvaluationId == qiEvaluationId).Select(a => a.UserId).ToListAsync(cancellationToken);
        var inspector = SelfEvaluationAccess.IsLinkInspector(actor, qi.Evaluation.OrganisationId);
        var council = SelfEvaluationPermissions.WritesOnQi(actor, qi.Evaluation.LeadUserId, qi.Evaluation.OrganisationId, assignees.Contains(actor.UserId));
        if (inspector ? kind == CommentKind.Reply : !council || kind != CommentKind.Reply)
        {
            return ServiceResult.Forbidden;
        }

        if (!open)
        {
            return Closed(qi.Evaluation, "The support and challenge thread is open only while the self-evaluation is in progress or submitted");
        }

        if (string.IsNullOrWhiteSpace(text) || Texts.Exceeds(text, QiComment.TextMaxLength))
        {
            return ServiceResult.Invalid("Text", $"Enter your {(kind == CommentKind.Reply ? "reply" : "comment")} in {QiComment.TextMaxLength} characters or fewer");
        }

        if (kind == CommentKind.Reply && !await db.QiComments.AnyAsync(c => c.QiEvaluationId == qiEvaluationId && c.Kind != CommentKind.Reply, cancellationToken))
        {
            return ServiceResult.Invalid("Text", "You can reply once the link inspector has commented on this quality indicator");
        }

        var comment = new QiComment { QiEvaluationId = qiEvaluationId, AuthorId = actor.UserId, Kind = kind, Text = Texts.Clean(text)!, At = clock.GetUtcNow().UtcDateTime, Submission = qi.Evaluation.Submissions };
        db.QiComments.Add(comment);
        audit.Record(actor, "comment.added", "qi-evaluation", qiEvaluationId, qi.Evaluation.OrganisationId, null, new CommentSnapshot(kind.ToString(), comment.Text));
        await notices.TellCommentAsync(qi.Evaluation, qiEvaluationId, kind, actor.UserId, cancellationToken);
        return await SaveAsync(transaction, cancellationToken);
    }

    /// <summary>
    /// Notes that the reader has read the QI's thread as it stands, for "new comments since you last looked".
    /// Nothing is audited: reading changes nothing. The caller has already checked that the reader sees the thread.
    /// </summary>
    public async Task MarkThreadReadAsync(UserAccess reader, Guid qiEvaluationId, DateTime latestComment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var now = clock.GetUtcNow().UtcDateTime;
        var read = await db.QiThreadReads.FindAsync([reader.UserId, qiEvaluationId], cancellationToken);
        if (read is not null && read.At >= latestComment)
        {
            // Read since the latest comment: nothing to write, so opening a read thread again costs no write.
            return;
        }

        if (read is null)
        {
            db.QiThreadReads.Add(new QiThreadRead { UserId = reader.UserId, QiEvaluationId = qiEvaluationId, At = now });
        }
        else
        {
            read.At = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two pages read at once by the same person: either time will do.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Submitted to In progress, with the reason: the council can change it and submit again.</summary>
    public async Task<ServiceResult> ReturnAsync(UserAccess actor, Guid id, string? reason, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await InspectsAsync(actor, id, cancellationToken);
        if (evaluation is null)
        {
            return refusal!;
        }

        if (string.IsNullOrWhiteSpace(reason) || Texts.Exceeds(reason, SelfEvaluation.ReasonMaxLength))
        {
            return ServiceResult.Invalid("Reason", $"Enter why you are returning it, in {SelfEvaluation.ReasonMaxLength} characters or fewer");
        }

        evaluation.ReturnedAt = clock.GetUtcNow().UtcDateTime;
        evaluation.ReturnReason = Texts.Clean(reason);
        await notices.TellParticipantsAsync(NotificationKind.EvaluationReturned, evaluation, actor.UserId,
            $"The link inspector returned \"{evaluation.Title}\" to the council. The reason: {evaluation.ReturnReason}", cancellationToken);
        return await MoveAsync(actor, evaluation, SelfEvaluationState.InProgress, evaluation.ReturnReason, transaction, cancellationToken);
    }

    /// <summary>Records or changes the decision on one QI for the current submission: agree, or a different grade with reasons.</summary>
    public async Task<ServiceResult> DecideAsync(UserAccess actor, Guid qiEvaluationId, DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var qi = await QiAsync(actor, qiEvaluationId, cancellationToken);
        if (qi is null)
        {
            return ServiceResult.NotFound;
        }

        var (evaluation, refusal) = await InspectsAsync(actor, qi.Evaluation.Id, cancellationToken);
        if (evaluation is null)
        {
            return refusal!;
        }

        var agreed = await db.EvaluationRecords.Where(r => r.QiEvaluationId == qiEvaluationId && r.Kind == RecordKind.Agreed).Select(r => r.Grade).SingleOrDefaultAsync(cancellationToken);
        var levels = await db.FrameworkVersions.Where(v => v.Id == evaluation.FrameworkVersionId).SelectMany(v => v.Scale.Levels).Select(l => l.Value).ToListAsync(cancellationToken);
        var problems = DecisionRules.Check(input, agreed, levels);
        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var decision = await db.ValidationDecisions.SingleOrDefaultAsync(d => d.QiEvaluationId == qiEvaluationId && d.Submission == evaluation.Submissions, cancellationToken);
        var before = decision is null ? null : DecisionSnapshot.Of(decision);
        if (decision is null)
        {
            decision = new ValidationDecision { QiEvaluationId = qiEvaluationId, Submission = evaluation.Submissions, InspectorId = actor.UserId };
            db.ValidationDecisions.Add(decision);
        }

        decision.Agrees = input.Agrees;
        decision.Grade = input.Agrees ? agreed!.Value : input.Grade!.Value;
        decision.AgreedGrade = agreed!.Value;
        decision.Reasons = Texts.Clean(input.Reasons);
        decision.InspectorId = actor.UserId;
        decision.DecidedAt = clock.GetUtcNow().UtcDateTime;
        decision.CarriedFromSubmission = null;
        audit.Record(actor, "decision.recorded", "qi-evaluation", qiEvaluationId, evaluation.OrganisationId, before, DecisionSnapshot.Of(decision));
        return await SaveAsync(transaction, cancellationToken);
    }

    /// <summary>
    /// Records again, for this submission, each earlier decision whose QI still has the agreed grade it was made on,
    /// so a resubmission with one change does not mean deciding every QI afresh.
    /// </summary>
    public async Task<ServiceResult> CarryForwardAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await InspectsAsync(actor, id, cancellationToken);
        if (evaluation is null)
        {
            return refusal!;
        }

        var qis = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id && !q.Decisions.Any(d => d.Submission == evaluation.Submissions))
            .Select(q => new
            {
                q.Id,
                Agreed = q.Records.Where(r => r.Kind == RecordKind.Agreed).Select(r => r.Grade).FirstOrDefault(),
                Earlier = q.Decisions.OrderByDescending(d => d.Submission).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var carried = qis.Where(q => q.Earlier is not null && q.Earlier.AgreedGrade == q.Agreed).ToList();
        foreach (var qi in carried)
        {
            var earlier = qi.Earlier!;
            db.ValidationDecisions.Add(new ValidationDecision
            {
                QiEvaluationId = qi.Id,
                Submission = evaluation.Submissions,
                Agrees = earlier.Agrees,
                Grade = earlier.Grade,
                AgreedGrade = earlier.AgreedGrade,
                Reasons = earlier.Reasons,
                InspectorId = actor.UserId,
                DecidedAt = now,
            });
            audit.Record(actor, "decision.recorded", "qi-evaluation", qi.Id, evaluation.OrganisationId, null, DecisionSnapshot.Of(earlier, carriedFrom: earlier.Submission));
        }

        if (carried.Count == 0)
        {
            return ServiceResult.Invalid("Decisions", "No earlier decision can be carried forward: every quality indicator without a decision has a changed grade or had none");
        }

        await SaveAsync(transaction, cancellationToken);
        return ServiceResult.Done(evaluation.Id) with { Count = carried.Count };
    }

    /// <summary>Saves the validation summary: the strengths of the self-evaluation and what to improve in how it was done.</summary>
    public async Task<ServiceResult> SaveSummaryAsync(UserAccess actor, Guid id, string? strengths, string? improvements, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await InspectsAsync(actor, id, cancellationToken);
        if (evaluation is null)
        {
            return refusal!;
        }

        var problems = new List<FieldProblem>();
        if (Texts.Exceeds(strengths, SelfEvaluation.SummaryMaxLength))
        {
            problems.Add(new("Strengths", $"Write the strengths in {SelfEvaluation.SummaryMaxLength} characters or fewer"));
        }

        if (Texts.Exceeds(improvements, SelfEvaluation.SummaryMaxLength))
        {
            problems.Add(new("Improvements", $"Write what to improve in {SelfEvaluation.SummaryMaxLength} characters or fewer"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var before = new { strengths = evaluation.ValidationStrengths, improvements = evaluation.ValidationImprovements };
        evaluation.ValidationStrengths = Texts.Clean(strengths);
        evaluation.ValidationImprovements = Texts.Clean(improvements);
        audit.Record(actor, "self-evaluation.summary-saved", "self-evaluation", evaluation.Id, evaluation.OrganisationId, before, new { strengths = evaluation.ValidationStrengths, improvements = evaluation.ValidationImprovements });
        evaluation.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(transaction, cancellationToken);
    }

    /// <summary>Submitted to Validated: a decision on every QI for this submission, and the summary written.</summary>
    public async Task<ServiceResult> ValidateAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await InspectsAsync(actor, id, cancellationToken);
        if (evaluation is null)
        {
            return refusal!;
        }

        if (await UnreadyAsync(evaluation, cancellationToken) is { } unready)
        {
            return unready;
        }

        evaluation.ValidatedAt = clock.GetUtcNow().UtcDateTime;
        evaluation.ValidatedById = actor.UserId;
        await notices.TellParticipantsAsync(NotificationKind.EvaluationValidated, evaluation, actor.UserId,
            $"The link inspector validated \"{evaluation.Title}\".", cancellationToken);
        return await MoveAsync(actor, evaluation, SelfEvaluationState.Validated, null, transaction, cancellationToken);
    }

    /// <summary>Whether the self-evaluation could be validated now, changing nothing: for the check before validating.</summary>
    public async Task<ServiceResult> CheckReadyAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        var (evaluation, refusal) = await InspectsAsync(actor, id, cancellationToken);
        return evaluation is null ? refusal! : await UnreadyAsync(evaluation, cancellationToken) ?? ServiceResult.Done(id);
    }

    /// <summary>What stops validation: a QI without a decision on this submission, or a part of the summary not written.</summary>
    private async Task<ServiceResult?> UnreadyAsync(SelfEvaluation evaluation, CancellationToken cancellationToken)
    {
        var undecided = await db.QiEvaluations.Where(q => q.SelfEvaluationId == evaluation.Id && !q.Decisions.Any(d => d.Submission == evaluation.Submissions))
            .OrderBy(q => q.Position).Select(q => q.QiCode).ToListAsync(cancellationToken);
        var problems = new List<FieldProblem>();
        if (undecided.Count > 0)
        {
            problems.Add(new("Decisions", $"Record a decision on every quality indicator before validating: {string.Join(", ", undecided)} {(undecided.Count == 1 ? "has" : "have")} none for this submission"));
        }

        if (evaluation.ValidationStrengths is null)
        {
            problems.Add(new("Strengths", "Write the strengths of the self-evaluation in the validation summary before validating"));
        }

        if (evaluation.ValidationImprovements is null)
        {
            problems.Add(new("Improvements", "Write what to improve in how the self-evaluation was done before validating"));
        }

        return problems.Count > 0 ? ServiceResult.Invalid(problems) : null;
    }

    private async Task<QiTarget?> QiAsync(UserAccess actor, Guid qiEvaluationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await db.QiEvaluations.Where(q => q.Id == qiEvaluationId)
            .Join(SelfEvaluationAccess.Visible(db, actor), q => q.SelfEvaluationId, s => s.Id, (q, s) => new QiTarget(s))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Finds a submitted self-evaluation of a council the actor is link inspector for, or says why not.</summary>
    private async Task<(SelfEvaluation? Evaluation, ServiceResult? Refusal)> InspectsAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var evaluation = await SelfEvaluationAccess.Visible(db, actor).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return (null, ServiceResult.NotFound);
        }

        if (!SelfEvaluationAccess.IsLinkInspector(actor, evaluation.OrganisationId))
        {
            return (null, ServiceResult.Forbidden);
        }

        if (!await TakeAsync(evaluation, cancellationToken, SelfEvaluationState.Submitted))
        {
            return (null, Closed(evaluation, $"This self-evaluation is {SelfEvaluationWording.State(evaluation.State).ToLowerInvariant()}, so this can be done only once the council submits it"));
        }

        return (evaluation, null);
    }

    /// <summary>Marks the row written in an allowed state (so state changes wait), then reads it again as it is now.</summary>
    private async Task<bool> TakeAsync(SelfEvaluation evaluation, CancellationToken cancellationToken, params SelfEvaluationState[] states)
    {
        var taken = await SelfEvaluationRows.TakeAsync(db, evaluation.Id, states, clock, cancellationToken);
        await db.Entry(evaluation).ReloadAsync(cancellationToken);
        return taken;
    }

    private static ServiceResult Closed(SelfEvaluation evaluation, string message) =>
        evaluation.State is SelfEvaluationState.Validated or SelfEvaluationState.Published
            ? ServiceResult.Invalid("State", $"This self-evaluation is {SelfEvaluationWording.State(evaluation.State).ToLowerInvariant()}, so it cannot change now")
            : ServiceResult.Invalid("State", message);

    private async Task<ServiceResult> MoveAsync(UserAccess actor, SelfEvaluation evaluation, SelfEvaluationState to, string? reason, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var from = evaluation.State;
        evaluation.State = to;
        evaluation.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "self-evaluation.state-changed", "self-evaluation", evaluation.Id, evaluation.OrganisationId, StateSnapshot.Of(from), StateSnapshot.Of(to, reason));
        return await SaveAsync(transaction, cancellationToken, evaluation.Id);
    }

    private async Task<ServiceResult> SaveAsync(IDbContextTransaction transaction, CancellationToken cancellationToken, Guid? id = null)
    {
        return await db.SaveOrStaleAsync(id, cancellationToken);
    }

    private sealed record QiTarget(SelfEvaluation Evaluation);
}

/// <summary>A validation decision as entered: agree, or a different grade with reasons.</summary>
public sealed record DecisionInput(bool Agrees, int? Grade, string? Reasons);
