using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// What the audit log holds of each change to a QI evaluation and its self-evaluation's state: the
/// services write these records and <see cref="QiHistory"/> reads them back. The JSON names are the ones
/// written since the first release (some camelCase, some PascalCase), so every row already held reads.
/// </summary>
public static class QiSnapshots
{
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>Reads a snapshot written by the services; null for no snapshot or one that is not of this shape.</summary>
    public static T? Read<T>(string? json)
        where T : class
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A contribution or the agreed record as saved: "contribution.saved", "agreed.saved", and the record of "agreed.started".</summary>
public sealed record RecordSnapshot(
    [property: JsonPropertyName("strengths")] IReadOnlyList<string> Strengths,
    [property: JsonPropertyName("areasForImprovement")] IReadOnlyList<string> AreasForImprovement,
    string? HowAreWeDoing,
    string? HowDoWeKnow,
    string? WhatNext,
    int? Grade,
    string? Rationale,
    [property: JsonPropertyName("confidence")] string? Confidence,
    bool IsComplete,
    string? GradeReason)
{
    public static RecordSnapshot Of(EvaluationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(
            record.Items.Where(i => i.Kind == ItemKind.Strength).OrderBy(i => i.Position).Select(i => i.Text).ToList(),
            record.Items.Where(i => i.Kind == ItemKind.AreaForImprovement).OrderBy(i => i.Position).Select(i => i.Text).ToList(),
            record.HowAreWeDoing,
            record.HowDoWeKnow,
            record.WhatNext,
            record.Grade,
            record.Rationale,
            record.Confidence?.ToString(),
            record.IsComplete,
            record.GradeReason);
    }
}

/// <summary>"agreed.started": the agreed record begun from one contributor's record.</summary>
public sealed record AgreedStartedSnapshot(
    [property: JsonPropertyName("from")] Guid? From,
    [property: JsonPropertyName("record")] RecordSnapshot Record);

/// <summary>"qi.assigned", before and after: who writes on the QI.</summary>
public sealed record AssigneesSnapshot([property: JsonPropertyName("assignees")] IReadOnlyList<Guid> Assignees);

/// <summary>"comment.added": a comment of the support and challenge thread.</summary>
public sealed record CommentSnapshot(
    [property: JsonPropertyName("kind")] string Kind,
    string Text);

/// <summary>"decision.recorded": the link inspector's decision, and the submission it was carried forward from, if it was.</summary>
public sealed record DecisionSnapshot(
    bool Agrees,
    int Grade,
    string? Reasons,
    [property: JsonPropertyName("carriedFrom"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CarriedFrom = null)
{
    public static DecisionSnapshot Of(ValidationDecision decision, int? carriedFrom = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new(decision.Agrees, decision.Grade, decision.Reasons, carriedFrom);
    }
}

/// <summary>"self-evaluation.state-changed", before and after: the state, and the reason given for returning it.</summary>
public sealed record StateSnapshot(
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    public static StateSnapshot Of(SelfEvaluationState state, string? reason = null) => new(state.ToString(), reason);
}
