using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Notifications;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// A self-evaluation's life on the council side: start, scope, assign, begin, submit, delete,
/// and a new named lead. The rules of DOMAIN.md section 5 are enforced here, whatever calls them.
/// </summary>
public sealed class SelfEvaluationsService(AppDbContext db, AuditLog audit, SelfEvaluationNotices notices, TimeProvider clock)
{
    public const string DueDateBeforeStart = "The self-evaluation must be due on or after the day its period starts";

    public async Task<ServiceResult> StartAsync(UserAccess actor, StartInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!SelfEvaluationAccess.CanStart(actor, input.OrganisationId))
        {
            return ServiceResult.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > SelfEvaluation.TitleMaxLength)
        {
            return ServiceResult.Invalid("Title", $"Enter a title of {SelfEvaluation.TitleMaxLength} characters or fewer");
        }

        if (input.ServiceAreas == ServiceAreas.None)
        {
            return ServiceResult.Invalid("Areas", "Choose at least one service area");
        }

        var version = await db.FrameworkVersions.Where(v => v.Id == input.FrameworkVersionId
                && v.Status == FrameworkStatus.Published && v.Scale.Kind == ScaleKind.Levels)
            .Select(v => new { v.Id, Qis = v.QualityIndicators.Select(q => new { q.Id, q.Code, q.GroupId, q.Position }).ToList(), Groups = v.Groups.Select(g => new { g.Id, g.ParentId, g.Position }).ToList() })
            .AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return ServiceResult.Invalid("FrameworkVersionId", "Choose a published framework");
        }

        if (input.PeriodEnd < input.PeriodStart)
        {
            return ServiceResult.Invalid("PeriodEnd", "The period must end on or after the day it starts");
        }

        if (input.DueDate < input.PeriodStart)
        {
            return ServiceResult.Invalid("DueDate", DueDateBeforeStart);
        }

        var groups = version.Groups.ToDictionary(g => g.Id);
        var evaluation = new SelfEvaluation
        {
            OrganisationId = input.OrganisationId,
            Title = input.Title,
            FrameworkVersionId = version.Id,
            ServiceAreas = input.ServiceAreas,
            PeriodStart = input.PeriodStart,
            PeriodEnd = input.PeriodEnd,
            DueDate = input.DueDate,
            LeadUserId = actor.UserId,
            State = SelfEvaluationState.Draft,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var ordered = version.Qis
            .OrderBy(q => groups[q.GroupId].ParentId is { } p ? groups[p].Position : groups[q.GroupId].Position)
            .ThenBy(q => groups[q.GroupId].Position).ThenBy(q => q.Position).ToList();
        evaluation.QiEvaluations.AddRange(ordered.Select((q, i) => new QiEvaluation { SelfEvaluationId = evaluation.Id, QualityIndicatorId = q.Id, QiCode = q.Code, Position = i }));
        db.SelfEvaluations.Add(evaluation);
        audit.Record(actor, "self-evaluation.started", "self-evaluation", evaluation.Id, evaluation.OrganisationId, null, new { input.Title, qualityIndicators = ordered.Count, areas = input.ServiceAreas.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(evaluation.Id);
    }

    /// <summary>Sets which QIs are in scope: any can be added while Draft or In progress; a QI someone has written on stays.</summary>
    public async Task<ServiceResult> SetScopeAsync(UserAccess actor, Guid id, IReadOnlyCollection<Guid> qualityIndicatorIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(qualityIndicatorIds);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await LeadsAsync(actor, id, cancellationToken, SelfEvaluationState.Draft, SelfEvaluationState.InProgress);
        if (evaluation is null)
        {
            return refusal!;
        }

        var current = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id)
            .Select(q => new { q.Id, q.QualityIndicatorId, q.QiCode, Written = q.Records.Any() }).ToListAsync(cancellationToken);
        var wanted = qualityIndicatorIds.ToHashSet();
        if (wanted.Count == 0)
        {
            return ServiceResult.Invalid("Qis", "Choose at least one quality indicator");
        }

        var written = current.Where(q => q.Written && !wanted.Contains(q.QualityIndicatorId)).Select(q => q.QiCode).ToList();
        if (written.Count > 0)
        {
            return ServiceResult.Invalid("Qis", $"Someone has written on {string.Join(", ", written)}, so {(written.Count == 1 ? "it stays" : "they stay")} in scope: keep {(written.Count == 1 ? "it" : "them")} ticked");
        }

        var framework = await db.QualityIndicators.Where(q => q.VersionId == evaluation.FrameworkVersionId)
            .Select(q => new { q.Id, q.Code, q.GroupId, q.Position }).ToListAsync(cancellationToken);
        if (wanted.Any(w => framework.All(q => q.Id != w)))
        {
            return ServiceResult.Invalid("Qis", "Choose quality indicators of this self-evaluation's framework");
        }

        var groups = await db.FrameworkGroups.Where(g => g.VersionId == evaluation.FrameworkVersionId).ToDictionaryAsync(g => g.Id, g => new { g.ParentId, g.Position }, cancellationToken);
        db.QiEvaluations.RemoveRange(await db.QiEvaluations.Where(q => q.SelfEvaluationId == id && !wanted.Contains(q.QualityIndicatorId)).ToListAsync(cancellationToken));
        var order = framework.OrderBy(q => groups[q.GroupId].ParentId is { } p ? groups[p].Position : groups[q.GroupId].Position)
            .ThenBy(q => groups[q.GroupId].Position).ThenBy(q => q.Position).Select(q => q.Id).ToList();
        foreach (var qi in framework.Where(q => wanted.Contains(q.Id) && current.All(c => c.QualityIndicatorId != q.Id)))
        {
            db.QiEvaluations.Add(new QiEvaluation { SelfEvaluationId = id, QualityIndicatorId = qi.Id, QiCode = qi.Code, Position = order.IndexOf(qi.Id) });
        }

        audit.Record(actor, "self-evaluation.scope-changed", "self-evaluation", evaluation.Id, evaluation.OrganisationId, current.Select(c => c.QiCode).Order(StringComparer.Ordinal).ToList(), framework.Where(q => wanted.Contains(q.Id)).Select(q => q.Code).Order(StringComparer.Ordinal).ToList());
        return await SaveAsync(evaluation, cancellationToken);
    }

    /// <summary>Replaces the assignments: for each QI evaluation, the contributors of the council who write on it.</summary>
    public async Task<ServiceResult> AssignAsync(UserAccess actor, Guid id, IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> assignments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await LeadsAsync(actor, id, cancellationToken, SelfEvaluationState.Draft, SelfEvaluationState.InProgress);
        if (evaluation is null)
        {
            return refusal!;
        }

        var contributors = await Contributors(evaluation.OrganisationId).Select(c => c.Id).ToListAsync(cancellationToken);
        var qis = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id).Include(q => q.Assignments).ToListAsync(cancellationToken);
        if (assignments.Keys.Any(k => qis.All(q => q.Id != k)) || assignments.Values.Any(users => users.Any(u => !contributors.Contains(u))))
        {
            return ServiceResult.Invalid("Assignments", "Assign quality indicators of this self-evaluation to contributors of the council");
        }

        var before = qis.ToDictionary(q => q.QiCode, q => q.Assignments.Select(a => a.UserId).Order().ToList());
        var added = new Dictionary<Guid, List<(Guid QiId, string Code)>>();
        foreach (var qi in qis)
        {
            var wanted = assignments.GetValueOrDefault(qi.Id) ?? new HashSet<Guid>();
            foreach (var user in wanted.Where(u => qi.Assignments.All(a => a.UserId != u)))
            {
                (added.TryGetValue(user, out var list) ? list : added[user] = []).Add((qi.Id, qi.QiCode));
            }

            if (!wanted.SetEquals(qi.Assignments.Select(a => a.UserId)))
            {
                // Also on the QI evaluation itself, so its history shows who was added or taken off.
                audit.Record(actor, "qi.assigned", "qi-evaluation", qi.Id, evaluation.OrganisationId,
                    new AssigneesSnapshot(before[qi.QiCode]), new AssigneesSnapshot(wanted.Order().ToList()));
            }

            db.QiAssignments.RemoveRange(qi.Assignments.Where(a => !wanted.Contains(a.UserId)));
            db.QiAssignments.AddRange(wanted.Where(u => qi.Assignments.All(a => a.UserId != u)).Select(u => new QiAssignment { QiEvaluationId = qi.Id, UserId = u }));
        }

        audit.Record(actor, "self-evaluation.assigned", "self-evaluation", evaluation.Id, evaluation.OrganisationId, before, qis.ToDictionary(q => q.QiCode, q => (assignments.GetValueOrDefault(q.Id) ?? new HashSet<Guid>()).Order().ToList()));
        await notices.TellAssignedAsync(evaluation, added, actor.UserId, cancellationToken);
        return await SaveAsync(evaluation, cancellationToken);
    }

    /// <summary>Draft to In progress: at least one QI in scope and every QI assigned.</summary>
    public async Task<ServiceResult> BeginAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await LeadsAsync(actor, id, cancellationToken, SelfEvaluationState.Draft);
        if (evaluation is null)
        {
            return refusal!;
        }

        var unassigned = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id && !q.Assignments.Any()).OrderBy(q => q.Position).Select(q => q.QiCode).ToListAsync(cancellationToken);
        if (!await db.QiEvaluations.AnyAsync(q => q.SelfEvaluationId == id, cancellationToken))
        {
            return ServiceResult.Invalid("State", "Choose at least one quality indicator before starting the evaluation");
        }

        if (unassigned.Count > 0)
        {
            return ServiceResult.Invalid("State", $"Assign every quality indicator to a contributor before starting: {string.Join(", ", unassigned)} {(unassigned.Count == 1 ? "has" : "have")} nobody");
        }

        await notices.TellParticipantsAsync(NotificationKind.EvaluationBegan, evaluation, actor.UserId,
            $"\"{evaluation.Title}\" has begun: contributors can now write on their quality indicators.", cancellationToken);
        return await MoveAsync(actor, evaluation, SelfEvaluationState.InProgress, cancellationToken);
    }

    /// <summary>In progress to Submitted: every QI has an agreed grade and a link inspector is assigned to the council.</summary>
    public async Task<ServiceResult> SubmitAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await LeadsAsync(actor, id, cancellationToken, SelfEvaluationState.InProgress);
        if (evaluation is null)
        {
            return refusal!;
        }

        var missing = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id && !q.Records.Any(r => r.Kind == RecordKind.Agreed && r.Grade != null))
            .OrderBy(q => q.Position).Select(q => q.QiCode).ToListAsync(cancellationToken);
        if (missing.Count > 0)
        {
            return ServiceResult.Invalid("State", $"Agree a grade for every quality indicator before submitting: {string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} none");
        }

        if (!await db.LinkInspectorAssignments.AnyAsync(a => a.CouncilId == evaluation.OrganisationId && a.Until == null, cancellationToken))
        {
            return ServiceResult.Invalid("State", "Your council has no link inspector to submit to. Ask the national administrator to assign one, then submit");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        evaluation.SubmittedAt = now;
        evaluation.FirstSubmittedAt ??= now;
        evaluation.Submissions++;
        await notices.TellParticipantsAsync(NotificationKind.EvaluationSubmitted, evaluation, actor.UserId,
            $"\"{evaluation.Title}\" was submitted to the link inspector.", cancellationToken);
        await notices.TellInspectorAsync(evaluation, now, cancellationToken);
        return await MoveAsync(actor, evaluation, SelfEvaluationState.Submitted, cancellationToken);
    }

    /// <summary>Validated to Published: the council's viewers can then read it.</summary>
    public async Task<ServiceResult> PublishAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await LeadsAsync(actor, id, cancellationToken, SelfEvaluationState.Validated);
        if (evaluation is null)
        {
            return refusal!;
        }

        evaluation.PublishedAt = clock.GetUtcNow().UtcDateTime;
        await notices.TellParticipantsAsync(NotificationKind.EvaluationPublished, evaluation, actor.UserId,
            $"\"{evaluation.Title}\" was published: the council's members can now read it.", cancellationToken);
        return await MoveAsync(actor, evaluation, SelfEvaluationState.Published, cancellationToken);
    }

    /// <summary>Deletes a draft; nothing past Draft can be deleted.</summary>
    public async Task<ServiceResult> DeleteAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (evaluation, refusal) = await LeadsAsync(actor, id, cancellationToken, SelfEvaluationState.Draft);
        if (evaluation is null)
        {
            return refusal!;
        }

        db.SelfEvaluations.Remove(evaluation);
        audit.Record(actor, "self-evaluation.deleted", "self-evaluation", evaluation.Id, evaluation.OrganisationId, new { evaluation.Title }, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done();
    }

    /// <summary>An organisation administrator names another evaluation lead of the council as the lead.</summary>
    public async Task<ServiceResult> ReassignLeadAsync(UserAccess actor, Guid id, Guid leadUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var evaluation = await SelfEvaluationAccess.Visible(db, actor).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return ServiceResult.NotFound;
        }

        if (!SelfEvaluationAccess.IsOrganisationAdministrator(actor, evaluation.OrganisationId))
        {
            return ServiceResult.Forbidden;
        }

        if (evaluation.State is not (SelfEvaluationState.Draft or SelfEvaluationState.InProgress))
        {
            return ServiceResult.Invalid("LeadUserId", "The lead can change only before the self-evaluation is submitted");
        }

        if (!await db.Memberships.AnyAsync(m => m.UserId == leadUserId && m.OrganisationId == evaluation.OrganisationId && m.Role == OrganisationRole.EvaluationLead, cancellationToken))
        {
            return ServiceResult.Invalid("LeadUserId", "Choose an evaluation lead of the council");
        }

        var before = evaluation.LeadUserId;
        evaluation.LeadUserId = leadUserId;
        audit.Record(actor, "self-evaluation.lead-changed", "self-evaluation", evaluation.Id, evaluation.OrganisationId, new { lead = before }, new { lead = leadUserId });
        return await SaveAsync(evaluation, cancellationToken);
    }

    /// <summary>The council's contributors, who may be assigned QIs.</summary>
    public IQueryable<PifUser> Contributors(Guid organisationId) =>
        db.Users.Where(u => db.Memberships.Any(m => m.UserId == u.Id && m.OrganisationId == organisationId && m.Role == OrganisationRole.Contributor));

    private async Task<ServiceResult> MoveAsync(UserAccess actor, SelfEvaluation evaluation, SelfEvaluationState to, CancellationToken cancellationToken)
    {
        var from = evaluation.State;
        evaluation.State = to;
        audit.Record(actor, "self-evaluation.state-changed", "self-evaluation", evaluation.Id, evaluation.OrganisationId, StateSnapshot.Of(from), StateSnapshot.Of(to));
        return await SaveAsync(evaluation, cancellationToken);
    }

    /// <summary>Finds a self-evaluation the actor leads, in one of the given states, or says why not.</summary>
    private async Task<(SelfEvaluation? Evaluation, ServiceResult? Refusal)> LeadsAsync(UserAccess actor, Guid id, CancellationToken cancellationToken, params SelfEvaluationState[] states)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var evaluation = await SelfEvaluationAccess.Visible(db, actor).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (evaluation is null)
        {
            return (null, ServiceResult.NotFound);
        }

        if (!SelfEvaluationAccess.IsNamedLead(actor, evaluation))
        {
            return (null, ServiceResult.Forbidden);
        }

        if (!await SelfEvaluationRows.TakeAsync(db, id, states, clock, cancellationToken))
        {
            await db.Entry(evaluation).ReloadAsync(cancellationToken);
            return (null, ServiceResult.Invalid("State", $"This self-evaluation is {SelfEvaluationWording.State(evaluation.State).ToLowerInvariant()}, so this cannot be done now"));
        }

        // Read it again now that this transaction holds its row: another write may have just finished.
        await db.Entry(evaluation).ReloadAsync(cancellationToken);
        return (evaluation, null);
    }

    private async Task<ServiceResult> SaveAsync(SelfEvaluation evaluation, CancellationToken cancellationToken)
    {
        evaluation.ConcurrencyStamp = Guid.NewGuid();
        return await db.SaveOrStaleAsync(evaluation.Id, cancellationToken);
    }
}

public sealed record StartInput(Guid OrganisationId, string Title, Guid FrameworkVersionId, ServiceAreas ServiceAreas, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate);
