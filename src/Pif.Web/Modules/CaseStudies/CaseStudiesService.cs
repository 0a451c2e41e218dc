using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>
/// A council's case studies as it writes them: drafts, changes, submission for review, and a new revision of a
/// published one. Review and publication are <see cref="CaseStudyReviewService"/>.
/// </summary>
public sealed class CaseStudiesService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string EvidenceField = "Evidence";
    public const int MaxEvidence = 10;

    public const string StaleMessage = "Someone else changed this case study after you opened it. Nothing has been overwritten: check what is saved now and make your changes again";

    public async Task<ServiceResult> CreateAsync(UserAccess actor, Guid organisationId, CaseStudyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!CaseStudyPermissions.Writes(actor, organisationId))
        {
            return ServiceResult.Forbidden;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (ok, problems) = await CheckedInput.CheckAsync(db, actor, organisationId, input, DateOnly.FromDateTime(now), cancellationToken);
        if (ok is null)
        {
            return ServiceResult.Invalid(problems);
        }

        var study = new CaseStudy { OrganisationId = organisationId, CreatedAt = now, CreatedById = actor.UserId };
        var revision = NewRevision(study, 1, actor, now);
        ok.WriteInto(revision);
        study.Revisions.Add(revision);
        db.CaseStudies.Add(study);
        audit.Record(actor, "case-study.created", "case-study", study.Id, organisationId, null, new { revision.Title });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(study.Id);
    }

    /// <summary>Changes the revision being written: a draft, or one returned with changes asked for.</summary>
    public async Task<ServiceResult> UpdateAsync(UserAccess actor, Guid id, Guid? stamp, CaseStudyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var (study, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        var revision = study.Revisions.MaxBy(r => r.Number)!;
        if (revision.State is not (RevisionState.Draft or RevisionState.ChangesRequested))
        {
            return ServiceResult.Locked(revision.State == RevisionState.Submitted
                ? "This case study is waiting for review, so it cannot change until the reviewer returns or publishes it"
                : "Start a new revision to change a published case study");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (ok, problems) = await CheckedInput.CheckAsync(db, actor, study.OrganisationId, input, DateOnly.FromDateTime(now), cancellationToken);
        if (ok is null)
        {
            return ServiceResult.Invalid(problems);
        }

        var before = revision.Title;
        ok.WriteInto(revision);
        revision.UpdatedAt = now;
        study.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "case-study.changed", "case-study", study.Id, study.OrganisationId, new { Title = before }, new { revision.Title, Revision = revision.Number });
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    /// <summary>Sends the revision being written to the national administrators for review.</summary>
    public async Task<ServiceResult> SubmitAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (study, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        var revision = study.Revisions.MaxBy(r => r.Number)!;
        if (revision.State is not (RevisionState.Draft or RevisionState.ChangesRequested))
        {
            return ServiceResult.Locked(revision.State == RevisionState.Submitted ? "This case study is already waiting for review" : "Start a new revision to change a published case study, then submit it");
        }

        revision.State = RevisionState.Submitted;
        revision.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        study.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "case-study.submitted", "case-study", study.Id, study.OrganisationId, null, new { revision.Title, Revision = revision.Number });
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    /// <summary>
    /// Starts the next revision of a published case study, as a copy of the published one: every council goes on
    /// reading the published revision until the new one is published.
    /// </summary>
    public async Task<ServiceResult> ReviseAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (study, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        var latest = study.Revisions.MaxBy(r => r.Number)!;
        if (latest.State != RevisionState.Published)
        {
            return ServiceResult.Locked("A new revision can be started only from the published one; change the revision being written instead");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var next = NewRevision(study, latest.Number + 1, actor, now);
        next.Title = latest.Title;
        next.Summary = latest.Summary;
        next.ServiceAreas = latest.ServiceAreas;
        next.Year = latest.Year;
        next.Problem = latest.Problem;
        next.WhatWasDone = latest.WhatWasDone;
        next.Results = latest.Results;
        next.WhatHelped = latest.WhatHelped;
        next.WhatGotInTheWay = latest.WhatGotInTheWay;
        next.CostAndResources = latest.CostAndResources;
        next.ContactRole = latest.ContactRole;
        next.Councils.AddRange(latest.Councils.Select(c => new CaseStudyCouncil { RevisionId = next.Id, OrganisationId = c.OrganisationId }));
        next.Qis.AddRange(latest.Qis.Select(q => new CaseStudyQi { RevisionId = next.Id, FrameworkCode = q.FrameworkCode, QiCode = q.QiCode }));
        next.Indicators.AddRange(latest.Indicators.Select(i => new CaseStudyIndicator { RevisionId = next.Id, IndicatorId = i.IndicatorId, BeforePeriod = i.BeforePeriod, AfterPeriod = i.AfterPeriod }));
        next.Actions.AddRange(latest.Actions.Select(a => new CaseStudyAction { RevisionId = next.Id, ActionId = a.ActionId }));
        next.Evidence.AddRange(latest.Evidence.Select(e => new CaseStudyEvidence { RevisionId = next.Id, EvidenceItemId = e.EvidenceItemId }));
        next.Outcomes.AddRange(latest.Outcomes.Select(o => new CaseStudyOutcome { RevisionId = next.Id, NationalOutcomeId = o.NationalOutcomeId }));
        db.CaseStudyRevisions.Add(next);
        study.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "case-study.revised", "case-study", study.Id, study.OrganisationId, null, new { next.Title, Revision = next.Number });
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    /// <summary>
    /// Shares the files of an item of the council's evidence library with the revision being written: once it is
    /// published, every council reads them. Sharing an item already shared changes nothing.
    /// </summary>
    public async Task<ServiceResult> ShareEvidenceAsync(UserAccess actor, Guid id, Guid? stamp, Guid itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (study, revision, refusal) = await BeingWrittenAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        var item = await EvidenceAccess.Visible(db, actor).Where(e => e.Id == itemId && e.OrganisationId == study.OrganisationId && e.Files.Any())
            .Select(e => new { e.Id, e.Title }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return ServiceResult.Invalid(EvidenceField, "Choose evidence with files from your council's library");
        }

        if (revision!.Evidence.Any(e => e.EvidenceItemId == itemId))
        {
            return ServiceResult.Done(study.Id);
        }

        if (revision.Evidence.Count >= MaxEvidence)
        {
            return ServiceResult.Invalid(EvidenceField, $"A case study can share up to {MaxEvidence} items of evidence: remove one first");
        }

        revision.Evidence.Add(new CaseStudyEvidence { RevisionId = revision.Id, EvidenceItemId = itemId });
        revision.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        study.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "case-study.evidence-shared", "case-study", study.Id, study.OrganisationId, null, new { Evidence = item.Title, Revision = revision.Number });
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    /// <summary>Stops sharing an item's files with the revision being written.</summary>
    public async Task<ServiceResult> UnshareEvidenceAsync(UserAccess actor, Guid id, Guid? stamp, Guid itemId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (study, revision, refusal) = await BeingWrittenAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        var link = revision!.Evidence.Find(e => e.EvidenceItemId == itemId);
        if (link is null)
        {
            return ServiceResult.Done(study.Id);
        }

        var title = await db.EvidenceItems.Where(e => e.Id == itemId).Select(e => e.Title).SingleAsync(cancellationToken);
        revision.Evidence.Remove(link);
        revision.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        study.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "case-study.evidence-unshared", "case-study", study.Id, study.OrganisationId, new { Evidence = title, Revision = revision.Number }, null);
        return await db.SaveOrStaleAsync(study.Id, cancellationToken);
    }

    /// <summary>Deletes a case study that has never been published: while it is being written, nobody else has read it.</summary>
    public async Task<ServiceResult> DeleteAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (study, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return refusal!;
        }

        if (study.PublishedRevision is not null || study.Revisions.Any(r => r.State == RevisionState.Submitted))
        {
            return ServiceResult.Locked("Only a case study that has never been published, and is not waiting for review, can be deleted; ask a national administrator to withdraw a published one");
        }

        var title = study.Revisions.MaxBy(r => r.Number)!.Title;
        db.CaseStudies.Remove(study);
        audit.Record(actor, "case-study.deleted", "case-study", study.Id, study.OrganisationId, new { Title = title }, null);
        return await db.SaveOrStaleAsync(null, cancellationToken);
    }

    /// <summary>The case study with the revision its writers may change now: a draft, or one returned with changes asked for.</summary>
    private async Task<(CaseStudy? Study, CaseStudyRevision? Revision, ServiceResult? Refusal)> BeingWrittenAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        var (study, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (study is null)
        {
            return (null, null, refusal);
        }

        var revision = study.Revisions.MaxBy(r => r.Number)!;
        return revision.State is RevisionState.Draft or RevisionState.ChangesRequested
            ? (study, revision, null)
            : (null, null, ServiceResult.Locked(revision.State == RevisionState.Submitted
                ? "This case study is waiting for review, so what it shares cannot change until the reviewer returns or publishes it"
                : "Start a new revision to change what a published case study shares"));
    }

    private static CaseStudyRevision NewRevision(CaseStudy study, int number, UserAccess actor, DateTime now) => new()
    {
        CaseStudyId = study.Id,
        Number = number,
        State = RevisionState.Draft,
        Title = "",
        Summary = "",
        Problem = "",
        WhatWasDone = "",
        Results = "",
        ContactRole = "",
        CreatedAt = now,
        CreatedById = actor.UserId,
        UpdatedAt = now,
    };

    /// <summary>The case study with its revisions, for a change by its council's writers: 404 unseen, 403 not a writer, stale when changed since the form.</summary>
    private async Task<(CaseStudy? Study, ServiceResult? Refusal)> WritableAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        var study = await CaseStudyAccess.Visible(db, actor)
            .Include(c => c.Revisions).ThenInclude(r => r.Councils)
            .Include(c => c.Revisions).ThenInclude(r => r.Qis)
            .Include(c => c.Revisions).ThenInclude(r => r.Indicators)
            .Include(c => c.Revisions).ThenInclude(r => r.Actions)
            .Include(c => c.Revisions).ThenInclude(r => r.Evidence)
            .Include(c => c.Revisions).ThenInclude(r => r.Outcomes)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (study is null)
        {
            return (null, ServiceResult.NotFound);
        }

        if (!CaseStudyPermissions.Writes(actor, study.OrganisationId) || study.IsDemonstration)
        {
            return (null, ServiceResult.Forbidden);
        }

        if (stamp != study.ConcurrencyStamp)
        {
            return (null, ServiceResult.StaleBecause("", StaleMessage));
        }

        return (study, null);
    }
}
