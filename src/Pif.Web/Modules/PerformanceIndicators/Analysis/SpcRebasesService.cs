using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>
/// Records and withdraws a council's rebasing of an indicator's control chart: its administrators and evaluation
/// leads do, as they set its targets, each time with the reason the process changed.
/// </summary>
public sealed class SpcRebasesService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string PeriodField = "RebasePeriod";
    public const string ReasonField = "RebaseReason";

    public async Task<ServiceResult> AddAsync(UserAccess actor, string code, Guid councilId, string? period, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (indicator, refused) = await FindAsync(actor, code, councilId, cancellationToken);
        if (indicator is null)
        {
            return refused!;
        }

        var periods = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Council && v.OrganisationId == councilId && v.Value != null)
            .OrderBy(v => v.FromYear).ThenBy(v => v.ToYear).Select(v => new { v.Period, v.FromYear }).ToListAsync(cancellationToken);
        var problems = new List<FieldProblem>();
        var chosen = periods.FirstOrDefault(p => p.Period == period?.Trim());
        if (chosen is null)
        {
            problems.Add(new(PeriodField, "Choose the period the new limits start at"));
        }
        else if (chosen.Period == periods[0].Period)
        {
            problems.Add(new(PeriodField, $"The limits already start at {chosen.Period}, the first period: choose a later one"));
        }
        else if (await db.SpcRebases.AnyAsync(r => r.IndicatorId == indicator.Id && r.OrganisationId == councilId && r.Period == chosen.Period, cancellationToken))
        {
            problems.Add(new(PeriodField, $"New limits already start at {chosen.Period}"));
        }

        var cleaned = Texts.Clean(reason);
        if (cleaned is null)
        {
            problems.Add(new(ReasonField, "Say what changed in the process at that period: limits moved without a reason hide signals"));
        }
        else if (Texts.Exceeds(cleaned, SpcRebase.ReasonMaxLength))
        {
            problems.Add(new(ReasonField, $"The reason must be {SpcRebase.ReasonMaxLength:N0} characters or fewer"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var rebase = new SpcRebase
        {
            IndicatorId = indicator.Id,
            OrganisationId = councilId,
            Period = chosen!.Period,
            FromYear = chosen.FromYear,
            Reason = cleaned!,
            CreatedById = actor.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SpcRebases.Add(rebase);
        audit.Record(actor, "indicator-chart.rebased", "performance-indicator", indicator.Id, councilId, null, new { indicator.Code, rebase.Period, rebase.Reason });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult.Done(rebase.Id);
        }
        catch (DbUpdateException)
        {
            // Someone else started new limits at the same period at the same moment (the unique index).
            db.ChangeTracker.Clear();
            return ServiceResult.Invalid([new(PeriodField, $"New limits already start at {chosen.Period}")]);
        }
    }

    public async Task<ServiceResult> RemoveAsync(UserAccess actor, string code, Guid councilId, Guid rebaseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (indicator, refused) = await FindAsync(actor, code, councilId, cancellationToken);
        if (indicator is null)
        {
            return refused!;
        }

        var rebase = await db.SpcRebases.SingleOrDefaultAsync(r => r.Id == rebaseId && r.IndicatorId == indicator.Id && r.OrganisationId == councilId, cancellationToken);
        if (rebase is null)
        {
            // Already withdrawn, by this user in another tab or by a colleague: what they asked for is so.
            return ServiceResult.Done();
        }

        db.SpcRebases.Remove(rebase);
        audit.Record(actor, "indicator-chart.rebase-withdrawn", "performance-indicator", indicator.Id, councilId, new { indicator.Code, rebase.Period, rebase.Reason }, null);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done();
    }

    private async Task<(PerformanceIndicator? Indicator, ServiceResult? Refused)> FindAsync(UserAccess actor, string code, Guid councilId, CancellationToken cancellationToken)
    {
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, actor, code, cancellationToken);
        if (indicator is null || !PerformanceIndicatorAccess.SeesCouncilYears(actor, councilId)
            || !await db.Organisations.AnyAsync(o => o.Id == councilId && o.Kind == OrganisationKind.Council, cancellationToken))
        {
            return (null, ServiceResult.NotFound);
        }

        return PerformanceIndicatorPermissions.SetsTargets(actor, councilId) ? (indicator, null) : (null, ServiceResult.Forbidden);
    }
}
