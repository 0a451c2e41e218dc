using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// The story of one QI evaluation, newest first, from the audit log: the changes to its records, who
/// writes on it, its thread and decisions, and the self-evaluation's changes of state, each read
/// through its <see cref="QiSnapshots">snapshot</see> and put into words.
/// </summary>
public static class QiHistory
{
    public sealed record Row(DateTime At, string Who, string What, string Changed);

    /// <summary>
    /// The latest hundred changes. Changes that other modules record on the QI (evidence linked and
    /// unlinked) are put into words by <paramref name="otherwise"/>, from their action and raw JSON.
    /// </summary>
    public static async Task<IReadOnlyList<Row>> LoadAsync(AppDbContext db, Guid selfEvaluationId, Guid qiEvaluationId, Func<Guid?, string> name,
        Func<string, string?, string?, (string What, string Changed)> otherwise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(otherwise);
        var rows = await db.AuditEntries
            .Where(a => (a.EntityType == "qi-evaluation" && a.EntityId == qiEvaluationId)
                || (a.EntityType == "self-evaluation" && a.EntityId == selfEvaluationId && a.Action == "self-evaluation.state-changed"))
            .OrderByDescending(a => a.At)
            .Select(a => new { a.At, Name = db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? a.ActorName, a.Action, a.Before, a.After })
            .Take(100).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var (what, changed) = Describe(r.Action, r.Before, r.After, name) ?? otherwise(r.Action, r.Before, r.After);
            return new Row(r.At, r.Name, what, changed);
        }).ToList();
    }

    /// <summary>A change this module records, in words; null for any other.</summary>
    public static (string What, string Changed)? Describe(string action, string? before, string? after, Func<Guid?, string> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return action switch
        {
            "self-evaluation.state-changed" => ("Changed the state of the self-evaluation", StateChange(QiSnapshots.Read<StateSnapshot>(before), QiSnapshots.Read<StateSnapshot>(after))),
            "qi.assigned" => ("Changed who writes on this quality indicator", AssignmentChange(QiSnapshots.Read<AssigneesSnapshot>(before), QiSnapshots.Read<AssigneesSnapshot>(after), name)),
            "comment.added" => ("Wrote in the support and challenge thread", CommentAdded(QiSnapshots.Read<CommentSnapshot>(after))),
            "decision.recorded" => ("Recorded the validation decision", DecisionRecorded(QiSnapshots.Read<DecisionSnapshot>(after))),
            "contribution.saved" => ("Saved their contribution", RecordChange(QiSnapshots.Read<RecordSnapshot>(before), QiSnapshots.Read<RecordSnapshot>(after))),
            "agreed.saved" => ("Saved the agreed record", RecordChange(QiSnapshots.Read<RecordSnapshot>(before), QiSnapshots.Read<RecordSnapshot>(after))),
            "agreed.started" => ("Started the agreed record from a contribution", QiSnapshots.Read<AgreedStartedSnapshot>(after) is { } started
                ? $"started from the contribution of {name(started.From)}"
                : ""),
            _ => null,
        };
    }

    private static string StateChange(StateSnapshot? before, StateSnapshot? after) =>
        $"{State(before)} to {State(after)}" + (after?.Reason is { } reason ? $" because: {reason}" : "");

    private static string State(StateSnapshot? snapshot) =>
        snapshot is null ? "none" : Enum.TryParse<SelfEvaluationState>(snapshot.State, out var state) ? SelfEvaluationWording.State(state) : "unknown";

    /// <summary>Who was added to or taken off this QI, by name.</summary>
    private static string AssignmentChange(AssigneesSnapshot? before, AssigneesSnapshot? after, Func<Guid?, string> name)
    {
        var was = before?.Assignees ?? [];
        var now = after?.Assignees ?? [];
        var added = now.Except(was).Select(id => name(id)).ToList();
        var removed = was.Except(now).Select(id => name(id)).ToList();
        return string.Join("; ", new[] { added.Count > 0 ? "added " + string.Join(", ", added) : null, removed.Count > 0 ? "removed " + string.Join(", ", removed) : null }.OfType<string>());
    }

    /// <summary>The comment's kind and its opening words.</summary>
    private static string CommentAdded(CommentSnapshot? comment) =>
        comment is null ? "" : $"{comment.Kind}: {(comment.Text.Length > 80 ? comment.Text[..80] + "…" : comment.Text)}";

    /// <summary>The decision in words, and whether it was carried forward from an earlier submission.</summary>
    private static string DecisionRecorded(DecisionSnapshot? decision) =>
        decision is null ? ""
            : (decision.Agrees ? $"agreed with the council's grade of {decision.Grade}" : $"validated a different grade: {decision.Grade}")
                + (decision.CarriedFrom is { } from ? $", carried forward from submission {from}" : "");

    /// <summary>
    /// The fields a save changed, by name, with the old and new value of the grade, confidence and
    /// completeness. A first save (nothing before) names every field it filled in.
    /// </summary>
    private static string RecordChange(RecordSnapshot? before, RecordSnapshot? after)
    {
        if (after is null)
        {
            return "";
        }

        var fields = new List<string>();
        void Compare<T>(string label, T? was, T? now, bool showValues = false, Func<T?, T?, bool>? same = null)
        {
            if (before is null ? now is not null : !(same ?? EqualityComparer<T?>.Default.Equals)(was, now))
            {
                fields.Add(label + (showValues && before is not null ? $" ({Show(was)} to {Show(now)})" : ""));
            }
        }

        static bool SameItems(IReadOnlyList<string>? a, IReadOnlyList<string>? b) => (a ?? []).SequenceEqual(b ?? []);
        Compare("strengths", before?.Strengths, after.Strengths, same: SameItems);
        Compare("areas for improvement", before?.AreasForImprovement, after.AreasForImprovement, same: SameItems);
        Compare("how are we doing", before?.HowAreWeDoing, after.HowAreWeDoing);
        Compare("how do we know", before?.HowDoWeKnow, after.HowDoWeKnow);
        Compare("what next", before?.WhatNext, after.WhatNext);
        Compare("grade", before?.Grade, after.Grade, showValues: true);
        Compare("rationale", before?.Rationale, after.Rationale);
        Compare("confidence", before?.Confidence, after.Confidence, showValues: true);
        Compare<bool?>("complete", before?.IsComplete, after.IsComplete, showValues: true);
        Compare("reason for the grade", before?.GradeReason, after.GradeReason);
        return fields.Count == 0 ? "No change" : string.Join(", ", fields);
    }

    private static string Show<T>(T? value) => value switch
    {
        null => "none",
        true => "yes",
        false => "no",
        _ => value.ToString() ?? "none",
    };
}
