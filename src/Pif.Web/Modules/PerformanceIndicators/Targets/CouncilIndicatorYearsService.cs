using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Modules.PerformanceIndicators.Targets;

/// <summary>A target and commentary as a form or the API sends them: numbers as a person types them (85, 85%, £1,250).</summary>
public sealed record CouncilIndicatorYearInput(string? Target, string? RedThreshold, string? Commentary);

/// <summary>
/// Sets a council's target, red threshold and commentary for one indicator and period: the council's administrators
/// and evaluation leads do, for their own council. Emptying every field removes them.
/// </summary>
public sealed class CouncilIndicatorYearsService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceResult> SaveAsync(UserAccess actor, string code, Guid councilId, string period, Guid? stamp, CouncilIndicatorYearInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, actor, code, cancellationToken);
        var parsed = Period.Parse(period ?? "");
        if (indicator is null || parsed is null || !PerformanceIndicatorAccess.SeesCouncilYears(actor, councilId)
            || !await db.Organisations.AnyAsync(o => o.Id == councilId && o.Kind == OrganisationKind.Council, cancellationToken))
        {
            return ServiceResult.NotFound;
        }

        if (!PerformanceIndicatorPermissions.SetsTargets(actor, councilId))
        {
            return ServiceResult.Forbidden;
        }

        var saved = await db.CouncilIndicatorYears.SingleOrDefaultAsync(y => y.IndicatorId == indicator.Id && y.OrganisationId == councilId && y.Period == parsed.Text, cancellationToken);
        if ((saved?.ConcurrencyStamp) != stamp)
        {
            return ServiceResult.Stale;
        }

        var problems = new List<FieldProblem>();
        var target = Number(indicator, input.Target, "Target", "target", problems);
        var red = Number(indicator, input.RedThreshold, "RedThreshold", "red threshold", problems);
        var commentary = Texts.Clean(input.Commentary);
        if (red is not null && target is null && !problems.Any(p => p.Field == "Target"))
        {
            problems.Add(new("Target", "Enter the target the red threshold goes with, or leave the red threshold empty"));
        }
        else if (red is { } r && target is { } t)
        {
            if (indicator.Polarity == Polarity.Neither)
            {
                problems.Add(new("RedThreshold", "Neither higher nor lower is better for this indicator, so it has no red threshold: leave it empty"));
            }
            else if (indicator.Polarity == Polarity.HigherIsBetter ? r >= t : r <= t)
            {
                problems.Add(new("RedThreshold", indicator.Polarity == Polarity.HigherIsBetter
                    ? "Enter a red threshold below the target: higher is better for this indicator"
                    : "Enter a red threshold above the target: lower is better for this indicator"));
            }
        }

        if (Texts.Exceeds(commentary, CouncilIndicatorYear.CommentaryMaxLength))
        {
            problems.Add(new("Commentary", $"Commentary must be {CouncilIndicatorYear.CommentaryMaxLength:N0} characters or fewer"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var before = saved is null ? null : new { saved.Target, saved.RedThreshold, saved.Commentary };
        if (target is null && red is null && commentary is null)
        {
            if (saved is null)
            {
                return ServiceResult.Done();
            }

            db.CouncilIndicatorYears.Remove(saved);
        }
        else
        {
            if (saved is null)
            {
                saved = new CouncilIndicatorYear { IndicatorId = indicator.Id, OrganisationId = councilId, Period = parsed.Text, FromYear = parsed.From, ToYear = parsed.To };
                db.CouncilIndicatorYears.Add(saved);
            }

            saved.Target = target;
            saved.RedThreshold = red;
            saved.Commentary = commentary;
            saved.UpdatedById = actor.UserId;
            saved.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            saved.ConcurrencyStamp = Guid.NewGuid();
        }

        audit.Record(actor, "indicator-year.saved", "performance-indicator", indicator.Id, councilId,
            before is null ? null : new { indicator.Code, Period = parsed.Text, before.Target, before.RedThreshold, before.Commentary },
            new { indicator.Code, Period = parsed.Text, Target = target, RedThreshold = red, Commentary = commentary });
        try
        {
            return await db.SaveOrStaleAsync(saved.Id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else set the first target for the same period at the same moment (the unique index).
            db.ChangeTracker.Clear();
            return ServiceResult.Stale;
        }
    }

    /// <summary>
    /// A number as a person types it for the indicator: a percentage in percent (85 or 85%), held as a fraction;
    /// a cost may carry a pound sign; thousands may have commas. Null when empty or not a number (then a problem says why).
    /// </summary>
    private static double? Number(PerformanceIndicator indicator, string? text, string field, string name, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var percentage = indicator.MeasureType == MeasureType.Percentage;
        var cleaned = text.Trim().TrimStart('£').TrimEnd('%').Trim();
        if (!double.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"), out var number)
            || !double.IsFinite(number))
        {
            problems.Add(new(field, percentage
                ? $"Enter the {name} as a percentage, such as 85 or 85.5"
                : $"Enter the {name} as a number, such as {(indicator.MeasureType == MeasureType.Cost ? "25.50" : "120")}"));
            return null;
        }

        if (percentage && number is < 0 or > 100)
        {
            problems.Add(new(field, $"Enter the {name} as a percentage from 0 to 100"));
            return null;
        }

        if (number < 0 && indicator.MeasureType != MeasureType.Score && indicator.MeasureType != MeasureType.Other)
        {
            problems.Add(new(field, $"Enter a {name} of 0 or more"));
            return null;
        }

        return percentage ? number / 100 : number;
    }
}
