using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>
/// A plan as it stood when one revision of it was approved: what the council committed to, kept word for word with
/// its approval so it can be read while the next revision is worked on, and after. Progress (updates, PDSA cycles,
/// ticked milestones) is not part of it: that is a running record of the live plan.
/// </summary>
public sealed record ApprovedVersion(int Revision, DateTime ApprovedAt, string ApprovedBy, string Title, DateOnly PeriodStart, DateOnly PeriodEnd,
    IReadOnlyList<ApprovedVersion.Item> Actions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record Item(int Number, string Description, string? Outcome, string Owner, DateOnly StartDate, DateOnly DueDate,
        ActionPriority Priority, string? SuccessMeasure, IReadOnlyList<Finding> Answers, IReadOnlyList<Checkpoint> Milestones);

    /// <summary>A finding the action answers; its QI's code, for an area for improvement.</summary>
    public sealed record Finding(SourceKind Kind, string? Qi, string Text);

    public sealed record Checkpoint(string Title, DateOnly DueDate);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ApprovedVersion Read(string json) =>
        JsonSerializer.Deserialize<ApprovedVersion>(json, Json) ?? throw new InvalidOperationException("An approval holds no plan.");

    /// <summary>The version from a plan held in memory with its actions, their findings and milestones.</summary>
    public static ApprovedVersion Of(ImprovementPlan plan, int revision, DateTime at, string approvedBy, IReadOnlyDictionary<Guid, string> people, IReadOnlyDictionary<Guid, string> qiCodes)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(qiCodes);
        return new(revision, at, approvedBy, plan.Title, plan.PeriodStart, plan.PeriodEnd,
            plan.Actions.OrderBy(a => a.Number).Select(a => new Item(a.Number, a.Description, a.Outcome, people.GetValueOrDefault(a.OwnerId, "Unknown"),
                    a.StartDate, a.DueDate, a.Priority, a.SuccessMeasure,
                    a.Sources.OrderBy(s => s.Kind).ThenBy(s => s.QiEvaluationId is { } q ? qiCodes.GetValueOrDefault(q) : null, StringComparer.Ordinal)
                        .Select(s => new Finding(s.Kind, s.QiEvaluationId is { } qi ? qiCodes.GetValueOrDefault(qi) : null, s.Text)).ToList(),
                    a.Milestones.OrderBy(m => m.DueDate).ThenBy(m => m.Title, StringComparer.Ordinal).Select(m => new Checkpoint(m.Title, m.DueDate)).ToList()))
                .ToList());
    }

    /// <summary>The version of a saved plan being approved now, read from the database.</summary>
    public static async Task<ApprovedVersion> CaptureAsync(AppDbContext db, ImprovementPlan plan, int revision, DateTime at, Guid approvedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == plan.Id).Include(a => a.Sources).Include(a => a.Milestones)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var userIds = actions.Select(a => a.OwnerId).Append(approvedBy).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var qiIds = actions.SelectMany(a => a.Sources).Select(s => s.QiEvaluationId).OfType<Guid>().Distinct().ToList();
        var qiCodes = await db.QiEvaluations.Where(q => qiIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.QiCode, cancellationToken);
        var copy = new ImprovementPlan { OrganisationId = plan.OrganisationId, Title = plan.Title, PeriodStart = plan.PeriodStart, PeriodEnd = plan.PeriodEnd, Actions = actions };
        return Of(copy, revision, at, people.GetValueOrDefault(approvedBy, "Unknown"), people, qiCodes);
    }
}
