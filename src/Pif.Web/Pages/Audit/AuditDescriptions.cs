using System.Globalization;
using System.Text.Json;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.Audit;

/// <summary>
/// An audit entry in words, for the audit log and a QI's history: what happened ("Linked the evidence 'Staff
/// survey 2026' to 5.2"), and what changed, field by field, without internal ids or JSON.
/// </summary>
public static class AuditDescriptions
{
    private const int Shown = 120;

    public static string What(string action, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(action);
        var data = Fields(before);
        foreach (var (key, value) in Fields(after))
        {
            data[key] = value;
        }

        string Named(string key) => data.TryGetValue(key, out var value) && Text(value) is { Length: > 0 } text ? $" {Cut(text)}" : "";
        string Plain(string key) => data.TryGetValue(key, out var value) ? Text(value) : "";
        return action switch
        {
            "case-study.created" => $"Started the case study{Named("Title")}",
            "case-study.changed" => $"Changed revision {Plain("Revision")} of the case study{Named("Title")}",
            "case-study.submitted" => $"Submitted revision {Plain("Revision")} of the case study{Named("Title")} for review",
            "case-study.revised" => $"Started revision {Plain("Revision")} of the case study{Named("Title")}",
            "case-study.deleted" => $"Deleted the case study{Named("Title")}",
            "case-study.commented" => $"Commented on the case study{Named("Title")}",
            "case-study.changes-requested" => $"Asked for changes to revision {Plain("Revision")} of the case study{Named("Title")}",
            "case-study.published" => $"Published revision {Plain("Revision")} of the case study{Named("Title")}",
            "case-study.evidence-shared" => $"Shared the files of the evidence{Named("Evidence")} in revision {Plain("Revision")} of a case study",
            "case-study.evidence-unshared" => $"Stopped sharing the files of the evidence{Named("Evidence")} in revision {Plain("Revision")} of a case study",
            "case-study.withdrawn" => $"Withdrew the case study{Named("Title")}",
            "outcome-set.loaded" => $"Loaded the national outcome set{Named("Title")}",
            "outcome-agreement.created" => $"Started the outcome agreement{Named("Title")}",
            "outcome-agreement.changed" => $"Changed the outcome agreement{Named("Title")}",
            "outcome-agreement.agreed" => $"Recorded the agreement of{Named("Title")}",
            "outcome-agreement.outcome-added" => $"Added local outcome {Plain("Number")}{Named("Title")}",
            "outcome-agreement.outcome-changed" => $"Changed local outcome {Plain("Number")}{Named("Title")}",
            "outcome-agreement.outcome-removed" => $"Removed local outcome {Plain("Number")}{Named("Title")}",
            "outcome-agreement.progress" => $"Wrote the progress statement for {Plain("Year")}",
            "evidence.added" => $"Added the evidence{Named("Title")}",
            "evidence.changed" => $"Changed the evidence{Named("Title")}",
            "evidence.files-added" => "Added files to the evidence",
            "evidence.file-removed" => $"Removed the file{Named("FileName")} from the evidence",
            "evidence.deleted" => $"Deleted the evidence{Named("Title")}",
            "evidence.linked" => $"Linked the evidence{Named("evidence")}" + (Plain("qi") is { Length: > 0 } qi ? $" to {qi}" : "") + (Named("selfEvaluation") is { Length: > 0 } s ? $" of{s}" : ""),
            "evidence.unlinked" => $"Unlinked the evidence{Named("evidence")}" + (Plain("qi") is { Length: > 0 } qi ? $" from {qi}" : "") + (Plain("deleted") == "yes" ? ", as it was deleted" : ""),
            "indicator-import.uploaded" => $"Uploaded the indicator file{Named("FileName")} for a preview: {Plain("Rows")} rows, {Plain("Skipped")} to skip",
            "indicator-year.saved" => $"Set the target and commentary of{Named("Code")} for {Plain("Period")}",
            "indicator-chart.rebased" => $"Started new control limits of{Named("Code")} at {Plain("Period")}",
            "indicator-chart.rebase-withdrawn" => $"Withdrew the new control limits of{Named("Code")} at {Plain("Period")}",
            "indicator-qi.linked" => $"Linked{Named("Code")} to the quality indicator {Plain("Framework")} {Plain("Qi")}",
            "indicator-qi.unlinked" => $"Unlinked{Named("Code")} from the quality indicator {Plain("Framework")} {Plain("Qi")}",
            "indicator-import.columns-mapped" => $"Said what each column of the indicator file{Named("FileName")} holds",
            "indicator-import.committed" => $"Imported the indicator file{Named("FileName")}: {Plain("Added")} added, {Plain("Revised")} revised, {Plain("Unchanged")} unchanged, {Plain("Skipped")} skipped",
            "improvement-plan.created" => $"Made the improvement plan{Named("Title")}" + (Plain("actions") is { Length: > 0 } n ? $" with {n} {(n == "1" ? "action" : "actions")}" : ""),
            "improvement-plan.actions-merged" => $"Merged actions {Plain("merged")} of the improvement plan{Named("Title")} into action {Plain("into")}",
            "improvement-plan.state-changed" => (Fields(after).TryGetValue("state", out var planState) ? planState.GetString() : null) switch
            {
                "Closed" => $"Closed the improvement plan{Named("Title")}",
                "Revising" => $"Began revising the improvement plan{Named("Title")}",
                _ => $"Approved {(Plain("revision") is { Length: > 0 } revision ? $"revision {revision} of " : "")}the improvement plan{Named("Title")}",
            },
            "improvement-action.updated" => $"Posted an update on action {Plain("Number")} of an improvement plan" + (Plain("corrects") == "yes" ? ", correcting an earlier one" : ""),
            "milestone.added" => $"Added the milestone{Named("Title")} to action {Plain("Number")} of an improvement plan",
            "milestone.done" => $"Ticked off the milestone{Named("Title")} of action {Plain("Number")}",
            "milestone.removed" => $"Removed the milestone{Named("Title")} from action {Plain("Number")}",
            "pdsa.started" => $"Started PDSA cycle {Plain("cycle")} on action {Plain("Number")}",
            "pdsa.changed" => $"Saved PDSA cycle {Plain("cycle")} of action {Plain("Number")}",
            "pdsa.decided" => $"Recorded the decision of PDSA cycle {Plain("cycle")} of action {Plain("Number")}: {Plain("decision").ToLowerInvariant()}",
            "improvement-action.changed" => $"Changed action {Plain("Number")} of an improvement plan",
            "organisation.added" => $"Added the organisation{Named("Name")}",
            "organisation.changed" => $"Changed the organisation{Named("Name")}",
            "api-key.created" => $"Created the API key{Named("name")}",
            "api-key.revoked" => $"Revoked the API key{Named("name")}",
            "user.added" => $"Added the user{Named("displayName")}",
            "membership.changed" => "Changed a user's roles",
            "password.reset" => "Reset a user's password",
            "password.changed" => "Changed their password",
            "sign-in.succeeded" => "Signed in",
            "sign-in.failed" => "Failed to sign in",
            "sign-in.locked-out" => "Was locked out after too many failed sign-ins",
            "sign-out.everywhere" => "Signed out everywhere",
            "two-factor.enabled" => "Turned on two-step verification",
            "two-factor.disabled" => "Turned off two-step verification",
            "password.check-failed" => "Entered a wrong password",
            "account.locked" => "Locked a user's account",
            "account.unlocked" => "Unlocked a user's account",
            "assignment.added" => "Assigned a link inspector to a council",
            "assignment.ended" => "Ended a link inspector's assignment",
            "contribution.saved" => "Saved their contribution",
            "agreed.saved" => "Saved the agreed record",
            "agreed.started" => "Started the agreed record from a contribution",
            "self-evaluation.started" => $"Started the self-evaluation{Named("Title")}",
            "self-evaluation.scope-changed" => "Changed the quality indicators in scope",
            "self-evaluation.assigned" => "Changed who writes on each quality indicator",
            "qi.assigned" => "Changed who writes on this quality indicator",
            "self-evaluation.deleted" => $"Deleted the draft self-evaluation{Named("Title")}",
            "self-evaluation.lead-changed" => "Changed the named lead",
            "self-evaluation.state-changed" => $"Moved the self-evaluation from {State(before)} to {State(after)}",
            "self-evaluation.summary-saved" => "Saved the validation summary",
            "comment.added" => $"Wrote a {Plain("kind").ToLowerInvariant()} in the support and challenge thread",
            "decision.recorded" => "Recorded the validation decision",
            "framework.imported" => $"Imported {Plain("code")} as a draft",
            "framework.draft-started" => $"Started a new draft of {Plain("code")}",
            "framework.published" => $"Published {Plain("code")}",
            "framework.retired" => $"Retired a version of {Plain("code")}",
            "framework.draft-deleted" => $"Deleted the draft of {Plain("code")}",
            _ when action.StartsWith("framework.", StringComparison.Ordinal) => $"Changed the draft of {Plain("code")}: {Words(action["framework.".Length..])}",
            _ => char.ToUpperInvariant(Words(action)[0]) + Words(action)[1..],
        };
    }

    /// <summary>What changed, field by field ("Title: 'Old' to 'New'"); ids are left out.</summary>
    public static string Changes(string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        var lines = new List<string>();
        foreach (var key in old.Keys.Union(now.Keys).Where(k => !IsId(k, old, now)))
        {
            var was = old.TryGetValue(key, out var a) ? Text(a) : "";
            var becomes = now.TryGetValue(key, out var b) ? Text(b) : "";
            if (was == becomes)
            {
                continue;
            }

            lines.Add(was.Length == 0 ? $"{Field(key)}: {Cut(becomes)}" : becomes.Length == 0 ? $"{Field(key)}: {Cut(was)} (removed)" : $"{Field(key)}: {Cut(was)} to {Cut(becomes)}");
        }

        return string.Join("; ", lines);
    }

    /// <summary>The entry's fields, one level deep: a nested object's fields join its parent's.</summary>
    private static Dictionary<string, JsonElement> Fields(string? json)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            fields["value"] = document.RootElement.Clone();
            return fields;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Name is "record" or "details")
            {
                foreach (var inner in property.Value.EnumerateObject())
                {
                    fields[inner.Name] = inner.Value.Clone();
                }
            }
            else
            {
                fields[property.Name] = property.Value.Clone();
            }
        }

        return fields;
    }

    private static bool IsId(string key, Dictionary<string, JsonElement> old, Dictionary<string, JsonElement> now) =>
        key.EndsWith("Id", StringComparison.Ordinal) || key is "lead" or "from" or "assignees"
        || new[] { old, now }.Any(d => d.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out _));

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text).Where(t => t.Length > 0 && !Guid.TryParse(t, out _))),
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name} {Text(p.Value)}".Trim())),
        _ => "",
    };

    private static string Cut(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > Shown ? $"'{line[..Shown]}…'" : $"'{line}'";
    }

    private static string State(string? json) =>
        Fields(json).TryGetValue("state", out var state) && Enum.TryParse<SelfEvaluationState>(state.GetString(), out var parsed)
            ? SelfEvaluationWording.State(parsed).ToLowerInvariant()
            : "none";

    /// <summary>"HowAreWeDoing" and "areasForImprovement" as words.</summary>
    private static string Field(string name)
    {
        var words = string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
        return char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    private static string Words(string code) => code.Replace('.', ' ').Replace('-', ' ');
}
