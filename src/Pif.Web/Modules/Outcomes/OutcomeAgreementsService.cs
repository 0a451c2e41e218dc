using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Outcomes;

/// <summary>A council's outcome agreements as its writers keep them: the agreement, its local outcomes and their links, agreement, and progress.</summary>
public sealed class OutcomeAgreementsService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string StaleMessage = "Someone else changed this outcome agreement after you opened it. Nothing has been overwritten: check what is saved now and make your changes again";

    public async Task<ServiceResult> CreateAsync(UserAccess actor, Guid organisationId, AgreementInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!OutcomePermissions.Writes(actor, organisationId))
        {
            return ServiceResult.Forbidden;
        }

        var problems = await OutcomeInputs.CheckAsync(db, input, cancellationToken);
        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var agreement = new OutcomeAgreement
        {
            OrganisationId = organisationId,
            Title = Texts.Clean(input.Title)!,
            FromYear = input.FromYear!.Value,
            ToYear = input.ToYear!.Value,
            OutcomeSetId = input.OutcomeSetId!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
        };
        db.OutcomeAgreements.Add(agreement);
        audit.Record(actor, "outcome-agreement.created", "outcome-agreement", agreement.Id, organisationId, null, new { agreement.Title });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(agreement.Id);
    }

    /// <summary>Changes the title and years; the set of national outcomes only while no local outcome maps to it.</summary>
    public async Task<ServiceResult> UpdateAsync(UserAccess actor, Guid id, Guid? stamp, AgreementInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (agreement, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }

        var problems = await OutcomeInputs.CheckAsync(db, input, cancellationToken);
        if (problems.Count == 0 && input.OutcomeSetId != agreement.OutcomeSetId && agreement.Outcomes.Count > 0)
        {
            problems.Add(new("OutcomeSetId", "The set cannot change while local outcomes map to its national outcomes: remove them first, or keep this set"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var before = new { agreement.Title, agreement.FromYear, agreement.ToYear };
        agreement.Title = Texts.Clean(input.Title)!;
        agreement.FromYear = input.FromYear!.Value;
        agreement.ToYear = input.ToYear!.Value;
        agreement.OutcomeSetId = input.OutcomeSetId!.Value;
        agreement.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "outcome-agreement.changed", "outcome-agreement", agreement.Id, agreement.OrganisationId, before, new { agreement.Title, agreement.FromYear, agreement.ToYear });
        return await db.SaveOrStaleAsync(agreement.Id, cancellationToken);
    }

    /// <summary>Records that the council agreed it: from now its members, its link inspector and the national administrators read it.</summary>
    public async Task<ServiceResult> AgreeAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        var (agreement, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }

        if (agreement.State == AgreementState.Agreed)
        {
            return ServiceResult.Locked("This agreement has already been agreed");
        }

        if (agreement.Outcomes.Count == 0)
        {
            return ServiceResult.Locked("Add at least one local outcome before recording the agreement");
        }

        agreement.State = AgreementState.Agreed;
        agreement.AgreedAt = clock.GetUtcNow().UtcDateTime;
        agreement.AgreedById = actor.UserId;
        agreement.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "outcome-agreement.agreed", "outcome-agreement", agreement.Id, agreement.OrganisationId, null, new { agreement.Title });
        return await db.SaveOrStaleAsync(agreement.Id, cancellationToken);
    }

    public async Task<ServiceResult> AddOutcomeAsync(UserAccess actor, Guid id, Guid? stamp, LocalOutcomeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (agreement, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }

        var (links, problems) = await OutcomeInputs.CheckAsync(db, actor, agreement, input, cancellationToken);
        if (links is null)
        {
            return ServiceResult.Invalid(problems);
        }

        var outcome = new LocalOutcome { AgreementId = agreement.Id, Number = agreement.Outcomes.Select(o => o.Number).DefaultIfEmpty().Max() + 1, Title = links.Title };
        links.WriteInto(outcome);
        db.LocalOutcomes.Add(outcome);
        agreement.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "outcome-agreement.outcome-added", "outcome-agreement", agreement.Id, agreement.OrganisationId, null, new { outcome.Number, outcome.Title });
        return await db.SaveOrStaleAsync(outcome.Id, cancellationToken);
    }

    public async Task<ServiceResult> UpdateOutcomeAsync(UserAccess actor, Guid id, Guid outcomeId, Guid? stamp, LocalOutcomeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (agreement, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }

        if (agreement.Outcomes.Find(o => o.Id == outcomeId) is not { } outcome)
        {
            return ServiceResult.NotFound;
        }

        var (links, problems) = await OutcomeInputs.CheckAsync(db, actor, agreement, input, cancellationToken);
        if (links is null)
        {
            return ServiceResult.Invalid(problems);
        }

        var before = outcome.Title;
        links.WriteInto(outcome);
        agreement.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "outcome-agreement.outcome-changed", "outcome-agreement", agreement.Id, agreement.OrganisationId, new { outcome.Number, Title = before }, new { outcome.Number, outcome.Title });
        return await db.SaveOrStaleAsync(outcome.Id, cancellationToken);
    }

    /// <summary>Removes a local outcome from a draft; an agreed agreement keeps the outcomes the council agreed.</summary>
    public async Task<ServiceResult> RemoveOutcomeAsync(UserAccess actor, Guid id, Guid outcomeId, Guid? stamp, CancellationToken cancellationToken)
    {
        var (agreement, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }

        if (agreement.Outcomes.Find(o => o.Id == outcomeId) is not { } outcome)
        {
            return ServiceResult.NotFound;
        }

        if (agreement.State == AgreementState.Agreed)
        {
            return ServiceResult.Locked("The council agreed this outcome, so it stays in the agreement");
        }

        db.LocalOutcomes.Remove(outcome);
        agreement.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "outcome-agreement.outcome-removed", "outcome-agreement", agreement.Id, agreement.OrganisationId, new { outcome.Number, outcome.Title }, null);
        return await db.SaveOrStaleAsync(agreement.Id, cancellationToken);
    }

    /// <summary>Writes, or rewrites, the council's statement of progress towards a local outcome in one year of the agreement.</summary>
    public async Task<ServiceResult> SaveProgressAsync(UserAccess actor, Guid id, Guid outcomeId, Guid? stamp, int? year, string? text, CancellationToken cancellationToken)
    {
        var (agreement, refusal) = await WritableAsync(actor, id, stamp, cancellationToken);
        if (agreement is null)
        {
            return refusal!;
        }

        if (!agreement.Outcomes.Any(o => o.Id == outcomeId))
        {
            return ServiceResult.NotFound;
        }

        if (year is not { } y || y < agreement.FromYear || y > agreement.ToYear)
        {
            return ServiceResult.Invalid("Year", $"Choose a year of the agreement, from {OutcomeInputs.YearLabel(agreement.FromYear)} to {OutcomeInputs.YearLabel(agreement.ToYear)}");
        }

        if (Texts.Clean(text) is not { } clean)
        {
            return ServiceResult.Invalid("Text", "Describe the progress made in the year");
        }

        if (Texts.Exceeds(clean, ProgressStatement.TextMaxLength))
        {
            return ServiceResult.Invalid("Text", $"The progress statement must be {ProgressStatement.TextMaxLength:N0} characters or fewer");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var statement = await db.ProgressStatements.SingleOrDefaultAsync(p => p.LocalOutcomeId == outcomeId && p.Year == y, cancellationToken);
        if (statement is null)
        {
            db.ProgressStatements.Add(new ProgressStatement { LocalOutcomeId = outcomeId, Year = y, Text = clean, UpdatedAt = now, UpdatedById = actor.UserId });
        }
        else
        {
            statement.Text = clean;
            statement.UpdatedAt = now;
            statement.UpdatedById = actor.UserId;
        }

        agreement.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "outcome-agreement.progress", "outcome-agreement", agreement.Id, agreement.OrganisationId, null, new { Year = OutcomeInputs.YearLabel(y) });
        return await db.SaveOrStaleAsync(outcomeId, cancellationToken);
    }

    /// <summary>The agreement with its local outcomes and links, for a change by its council's writers: 404 unseen, 403 not a writer, stale when changed since the form.</summary>
    private async Task<(OutcomeAgreement? Agreement, ServiceResult? Refusal)> WritableAsync(UserAccess actor, Guid id, Guid? stamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var agreement = await OutcomeAccess.Visible(db, actor)
            .Include(a => a.Outcomes).ThenInclude(o => o.NationalOutcomes)
            .Include(a => a.Outcomes).ThenInclude(o => o.Indicators)
            .Include(a => a.Outcomes).ThenInclude(o => o.Qis)
            .Include(a => a.Outcomes).ThenInclude(o => o.Actions)
            .Include(a => a.Outcomes).ThenInclude(o => o.CaseStudies)
            .AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return (null, ServiceResult.NotFound);
        }

        if (!OutcomePermissions.Writes(actor, agreement.OrganisationId))
        {
            return (null, ServiceResult.Forbidden);
        }

        return stamp != agreement.ConcurrencyStamp ? (null, ServiceResult.StaleBecause("", StaleMessage)) : (agreement, null);
    }
}
