using Pif.Web.Infrastructure;

namespace Pif.Web.Modules.ImprovementPlans;

/// <summary>What changed between two approved revisions of a plan, in words, action by action.</summary>
public static class RevisionChanges
{
    /// <summary>One action's change: added, removed, or its fields that differ, each as "before" and "after".</summary>
    public sealed record Change(int Number, string What, IReadOnlyList<(string Field, string Before, string After)> Fields);

    public static IReadOnlyList<Change> Between(ApprovedVersion before, ApprovedVersion after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<Change>();
        if (before.Title != after.Title || before.PeriodStart != after.PeriodStart || before.PeriodEnd != after.PeriodEnd)
        {
            changes.Add(new(0, "The plan", Differences(
                ("Title", before.Title, after.Title),
                ("Period", Period(before.PeriodStart, before.PeriodEnd), Period(after.PeriodStart, after.PeriodEnd)))));
        }

        var earlier = before.Actions.ToDictionary(a => a.Number);
        var later = after.Actions.ToDictionary(a => a.Number);
        foreach (var number in earlier.Keys.Union(later.Keys).Order())
        {
            var was = earlier.GetValueOrDefault(number);
            var now = later.GetValueOrDefault(number);
            if (was is null)
            {
                changes.Add(new(number, "Added", []));
            }
            else if (now is null)
            {
                changes.Add(new(number, "Removed (merged into another action)", []));
            }
            else if (Differences(Fields(was, now)) is { Count: > 0 } fields)
            {
                changes.Add(new(number, "Changed", fields));
            }
        }

        return changes;
    }

    private static (string, string, string)[] Fields(ApprovedVersion.Item was, ApprovedVersion.Item now) =>
    [
        ("What will be done", was.Description, now.Description),
        ("Outcome for people", was.Outcome ?? "None given", now.Outcome ?? "None given"),
        ("Owner", was.Owner, now.Owner),
        ("Dates", Period(was.StartDate, was.DueDate), Period(now.StartDate, now.DueDate)),
        ("Priority", ImprovementPlanWording.Priority(was.Priority), ImprovementPlanWording.Priority(now.Priority)),
        ("Measure of success", was.SuccessMeasure ?? "None given", now.SuccessMeasure ?? "None given"),
        ("What it answers", Answers(was), Answers(now)),
        ("Milestones", Milestones(was), Milestones(now)),
    ];

    private static List<(string Field, string Before, string After)> Differences(params (string Field, string Before, string After)[] fields) =>
        fields.Where(f => !string.Equals(f.Before, f.After, StringComparison.Ordinal)).ToList();

    private static string Period(DateOnly start, DateOnly end) => $"{Dates.Written(start)} to {Dates.Written(end)}";

    private static string Answers(ApprovedVersion.Item item) =>
        item.Answers.Count == 0 ? "No finding" : string.Join("; ", item.Answers.Select(a => a.Qi is { } qi ? $"QI {qi}" : ImprovementPlanWording.Source(a.Kind)).Distinct());

    private static string Milestones(ApprovedVersion.Item item) =>
        item.Milestones.Count == 0 ? "None" : string.Join("; ", item.Milestones.Select(m => $"{m.Title} ({Dates.Written(m.DueDate)})"));
}
