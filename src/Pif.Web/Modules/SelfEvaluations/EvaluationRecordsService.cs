using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// Writing on a QI evaluation while the self-evaluation is In progress: a contributor's own
/// contribution, the named lead's agreed record, and the strengths and areas for improvement of each.
/// </summary>
public sealed class EvaluationRecordsService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Saves the actor's own contribution; <paramref name="stamp"/> is null for a first save.</summary>
    public async Task<ServiceResult> SaveContributionAsync(UserAccess actor, Guid qiEvaluationId, Guid? stamp, RecordInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Limits(input) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (target, refusal) = await WritableAsync(actor, qiEvaluationId, agreed: false, cancellationToken);
        if (target is null)
        {
            return refusal!;
        }

        if (await GradeProblemAsync(target, input.Grade, "Grade", cancellationToken) is { } problem)
        {
            return problem;
        }

        var record = await RecordAsync(qiEvaluationId, actor.UserId, cancellationToken);
        if ((record?.ConcurrencyStamp) != stamp)
        {
            return ServiceResult.Stale;
        }

        record ??= Add(qiEvaluationId, RecordKind.Contribution, actor.UserId);
        var before = RecordSnapshot.Of(record);
        Apply(record, input, actor);
        record.IsComplete = input.IsComplete;
        audit.Record(actor, "contribution.saved", "qi-evaluation", target.QiEvaluationId, target.OrganisationId, before, RecordSnapshot.Of(record));
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>Saves the agreed record (the named lead only); a save from an out-of-date starting point is refused.</summary>
    public async Task<ServiceResult> SaveAgreedAsync(UserAccess actor, Guid qiEvaluationId, Guid? stamp, RecordInput input, string? gradeReason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if ((Limits(input) ?? (Texts.Exceeds(gradeReason, EvaluationRecord.RationaleMaxLength) ? ServiceResult.Invalid("GradeReason", $"Shorten the reason to {EvaluationRecord.RationaleMaxLength:N0} characters or fewer") : null)) is { } invalid)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (target, refusal) = await WritableAsync(actor, qiEvaluationId, agreed: true, cancellationToken);
        if (target is null)
        {
            return refusal!;
        }

        if (await GradeProblemAsync(target, input.Grade, "Grade", cancellationToken) is { } problem)
        {
            return problem;
        }

        if (input.Grade is not null && string.IsNullOrWhiteSpace(gradeReason))
        {
            return ServiceResult.Invalid("GradeReason", "Say why this is the agreed grade");
        }

        if (IsEmpty(input))
        {
            return ServiceResult.Invalid("HowAreWeDoing", "Write at least one answer, strength or area for improvement, or start the agreed record from a contribution");
        }

        var record = await RecordAsync(qiEvaluationId, null, cancellationToken);
        if ((record?.ConcurrencyStamp) != stamp)
        {
            return ServiceResult.Stale;
        }

        record ??= Add(qiEvaluationId, RecordKind.Agreed, null);
        var before = RecordSnapshot.Of(record);
        Apply(record, input, actor);
        record.GradeReason = Texts.Clean(gradeReason);
        audit.Record(actor, "agreed.saved", "qi-evaluation", target.QiEvaluationId, target.OrganisationId, before, RecordSnapshot.Of(record));
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// Starts the agreed record as a copy of one contribution's answers and items, for the lead to edit.
    /// The grade is not copied: agreeing a grade is a decision the lead makes, with a reason.
    /// </summary>
    public async Task<ServiceResult> StartAgreedFromAsync(UserAccess actor, Guid qiEvaluationId, Guid contributionId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (target, refusal) = await WritableAsync(actor, qiEvaluationId, agreed: true, cancellationToken);
        if (target is null)
        {
            return refusal!;
        }

        var source = await db.EvaluationRecords.Include(r => r.Items)
            .SingleOrDefaultAsync(r => r.Id == contributionId && r.QiEvaluationId == qiEvaluationId && r.Kind == RecordKind.Contribution, cancellationToken);
        if (source is null)
        {
            return ServiceResult.NotFound;
        }

        var record = await RecordAsync(qiEvaluationId, null, cancellationToken);
        if (record is { IsEmpty: false })
        {
            return ServiceResult.Invalid("StartFrom", "The agreed record has already been started: edit it below");
        }

        // An agreed record saved empty (before that was refused) is started over rather than kept.
        var before = record is null ? null : RecordSnapshot.Of(record);
        record ??= Add(qiEvaluationId, RecordKind.Agreed, null);
        var items = source.Items.OrderBy(i => i.Kind).ThenBy(i => i.Position).Select(i => new ItemInput(null, i.Kind, i.Text)).ToList();
        Apply(record, new RecordInput(source.HowAreWeDoing, source.HowDoWeKnow, source.WhatNext, null, source.Rationale, source.Confidence, false, items), actor);
        record.StartedFromId = source.Id;
        audit.Record(actor, "agreed.started", "qi-evaluation", target.QiEvaluationId, target.OrganisationId, before, new AgreedStartedSnapshot(source.AuthorId, RecordSnapshot.Of(record)));
        return await SaveAsync(record, cancellationToken);
    }

    /// <summary>
    /// Finds a QI evaluation the actor may write on now, or says why not: unseen (404), not theirs to
    /// write (403), or a self-evaluation that is not In progress.
    /// </summary>
    private async Task<(Target? Target, ServiceResult? Refusal)> WritableAsync(UserAccess actor, Guid qiEvaluationId, bool agreed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var target = await SelfEvaluationAccess.Visible(db, actor).Join(db.QiEvaluations.Where(q => q.Id == qiEvaluationId), s => s.Id, q => q.SelfEvaluationId,
                (s, q) => new Target(q.Id, q.QiCode, s.Id, s.OrganisationId, s.LeadUserId, s.State, s.FrameworkVersionId, q.Assignments.Any(a => a.UserId == actor.UserId)))
            .SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return (null, ServiceResult.NotFound);
        }

        if (agreed
            ? !SelfEvaluationPermissions.Leads(actor, target.LeadUserId, target.OrganisationId)
            : !SelfEvaluationPermissions.WritesOnQi(actor, target.LeadUserId, target.OrganisationId, target.IsAssigned))
        {
            return (null, ServiceResult.Forbidden);
        }

        // Holding the self-evaluation's row for the rest of the transaction keeps a submission or a
        // change of scope from passing this write in the middle.
        return await SelfEvaluationRows.TakeAsync(db, target.SelfEvaluationId, [SelfEvaluationState.InProgress], clock, cancellationToken)
            ? (target, null)
            : (null, ServiceResult.Invalid("State", $"This self-evaluation is {SelfEvaluationWording.State(await db.SelfEvaluations.Where(s => s.Id == target.SelfEvaluationId).Select(s => s.State).SingleAsync(cancellationToken)).ToLowerInvariant()}: evaluations can be written only while it is in progress"));
    }

    /// <summary>The service's own check of every length, whatever calls it; the pages say the same next to each field.</summary>
    private static ServiceResult? Limits(RecordInput input)
    {
        foreach (var (field, text, max) in new[] { ("HowAreWeDoing", input.HowAreWeDoing, EvaluationRecord.AnswerMaxLength), ("HowDoWeKnow", input.HowDoWeKnow, EvaluationRecord.AnswerMaxLength),
            ("WhatNext", input.WhatNext, EvaluationRecord.AnswerMaxLength), ("Rationale", input.Rationale, EvaluationRecord.RationaleMaxLength) })
        {
            if (Texts.Exceeds(text, max))
            {
                return ServiceResult.Invalid(field, $"Shorten this to {max:N0} characters or fewer");
            }
        }

        if (input.Items.Any(i => Texts.Exceeds(i.Text, EvaluationRecord.ItemMaxLength)))
        {
            return ServiceResult.Invalid("NewStrength", $"Shorten each strength and area for improvement to {EvaluationRecord.ItemMaxLength:N0} characters or fewer");
        }

        return input.Items.Count(i => !string.IsNullOrWhiteSpace(i.Text)) > EvaluationRecord.MaxItems
            ? ServiceResult.Invalid("NewStrength", $"Keep to {EvaluationRecord.MaxItems} strengths and areas for improvement in all")
            : null;
    }

    private static bool IsEmpty(RecordInput input) =>
        string.IsNullOrWhiteSpace(input.HowAreWeDoing) && string.IsNullOrWhiteSpace(input.HowDoWeKnow) && string.IsNullOrWhiteSpace(input.WhatNext)
        && input.Grade is null && string.IsNullOrWhiteSpace(input.Rationale) && input.Items.All(i => string.IsNullOrWhiteSpace(i.Text));

    private async Task<ServiceResult?> GradeProblemAsync(Target target, int? grade, string field, CancellationToken cancellationToken) =>
        grade is { } value && !await db.FrameworkVersions.AnyAsync(v => v.Id == target.FrameworkVersionId && v.Scale.Levels.Any(l => l.Value == value), cancellationToken)
            ? ServiceResult.Invalid(field, "Choose a grade on the framework's scale")
            : null;

    private Task<EvaluationRecord?> RecordAsync(Guid qiEvaluationId, Guid? authorId, CancellationToken cancellationToken) =>
        db.EvaluationRecords.Include(r => r.Items).SingleOrDefaultAsync(r => r.QiEvaluationId == qiEvaluationId
            && (authorId == null ? r.Kind == RecordKind.Agreed : r.Kind == RecordKind.Contribution && r.AuthorId == authorId), cancellationToken);

    private EvaluationRecord Add(Guid qiEvaluationId, RecordKind kind, Guid? authorId)
    {
        var record = new EvaluationRecord { QiEvaluationId = qiEvaluationId, Kind = kind, AuthorId = authorId };
        db.EvaluationRecords.Add(record);
        return record;
    }

    /// <summary>Copies the input onto the record; its items become exactly the input's, in the input's order.</summary>
    private void Apply(EvaluationRecord record, RecordInput input, UserAccess actor)
    {
        // An item is kept only under its own id and kind, once; anything else posted becomes a new item.
        var kept = input.Items.Where(i => i.Id is not null && !string.IsNullOrWhiteSpace(i.Text)).Select(i => (i.Id, i.Kind)).ToHashSet();
        db.RecordItems.RemoveRange(record.Items.Where(i => !kept.Contains((i.Id, i.Kind))));
        record.Items.RemoveAll(i => !kept.Contains((i.Id, i.Kind)));
        var used = new HashSet<Guid>();
        foreach (var kind in new[] { ItemKind.Strength, ItemKind.AreaForImprovement })
        {
            var position = 0;
            foreach (var wanted in input.Items.Where(i => i.Kind == kind && !string.IsNullOrWhiteSpace(i.Text)))
            {
                var item = record.Items.FirstOrDefault(i => i.Id == wanted.Id && i.Kind == kind && !used.Contains(i.Id));
                if (item is not null)
                {
                    used.Add(item.Id);
                }
                else
                {
                    item = new RecordItem { RecordId = record.Id, Kind = kind, Text = Texts.Clean(wanted.Text)! };
                    record.Items.Add(item);
                    used.Add(item.Id);
                }

                item.Text = Texts.Clean(wanted.Text)!;
                item.Position = position++;
            }
        }


        record.HowAreWeDoing = Texts.Clean(input.HowAreWeDoing);
        record.HowDoWeKnow = Texts.Clean(input.HowDoWeKnow);
        record.WhatNext = Texts.Clean(input.WhatNext);
        record.Grade = input.Grade;
        record.Rationale = Texts.Clean(input.Rationale);
        record.Confidence = input.Confidence;
        Touch(record, actor);
    }

    private void Touch(EvaluationRecord record, UserAccess actor)
    {
        record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        record.UpdatedById = actor.UserId;
    }

    private async Task<ServiceResult> SaveAsync(EvaluationRecord record, CancellationToken cancellationToken)
    {
        record.ConcurrencyStamp = Guid.NewGuid();
        var first = db.Entry(record).State == EntityState.Added;
        try
        {
            return await db.SaveOrStaleAsync(record.Id, cancellationToken);
        }
        catch (DbUpdateException) when (first)
        {
            // Two first saves of the same record at once: the unique indexes kept the other one.
            db.ChangeTracker.Clear();
            return ServiceResult.Stale;
        }
    }

    private sealed record Target(Guid QiEvaluationId, string QiCode, Guid SelfEvaluationId, Guid OrganisationId, Guid LeadUserId, SelfEvaluationState State, Guid FrameworkVersionId, bool IsAssigned);
}

/// <summary>The fields of a contribution or agreed record; empty text is kept as nothing. Items not listed are removed.</summary>
public sealed record RecordInput(string? HowAreWeDoing, string? HowDoWeKnow, string? WhatNext, int? Grade, string? Rationale, EvidenceConfidence? Confidence, bool IsComplete, IReadOnlyList<ItemInput> Items);

/// <summary>A strength or area for improvement: an existing one (with its id) or a new one.</summary>
public sealed record ItemInput(Guid? Id, ItemKind Kind, string Text);
