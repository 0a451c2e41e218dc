using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Qis;

/// <summary>One QI evaluation as its pages need it: the self-evaluation, the framework's guidance, the records and the history.</summary>
public sealed record QiContext(
    QiContext.Header Evaluation,
    QiContext.Guidance Qi,
    IReadOnlyList<(int Value, string Label, string Meaning)> Levels,
    IReadOnlyList<EvaluationRecord> Contributions,
    EvaluationRecord? Agreed,
    IReadOnlyDictionary<Guid, string> People,
    IReadOnlyList<Guid> Assignees,
    IReadOnlyList<QiComment> Comments,
    IReadOnlyList<ValidationDecision> Decisions)
{
    /// <summary>The quality indicators before and after this one in the self-evaluation, in framework order.</summary>
    public Neighbour? Previous { get; init; }

    public Neighbour? Next { get; init; }

    public sealed record Neighbour(Guid Id, string Code, string Title);

    public sealed record Header(Guid Id, Guid OrganisationId, string Title, SelfEvaluationState State, Guid LeadUserId, int Submissions, DateOnly PeriodStart)
    {
        public int Deciding => SelfEvaluation.DecidingSubmission(State, Submissions);
    }

    /// <summary>The link inspector's decision on the submission in hand, if made and the user may read it.</summary>
    public ValidationDecision? Decision => Decisions.FirstOrDefault(d => d.Submission == Evaluation.Deciding);

    /// <summary>Decisions made on returned submissions, newest first: kept, and read as such.</summary>
    public IEnumerable<ValidationDecision> EarlierDecisions => Decisions.Where(d => d.Submission < Evaluation.Deciding).OrderByDescending(d => d.Submission);

    public bool ThreadOpen => Evaluation.State is SelfEvaluationState.InProgress or SelfEvaluationState.Submitted;

    /// <summary>Whether the user may reply in the thread: the named lead or an assignee, once the inspector has written.</summary>
    public bool CanReply(UserAccess access) => ThreadOpen && Comments.Any(c => c.Kind != CommentKind.Reply)
        && WritesOnQi(access);

    public sealed record Guidance(Guid QiEvaluationId, string Code, string Title, string Summary, IReadOnlyList<string> Themes, IReadOnlyList<(int Level, string Text)> Illustrations, IReadOnlyList<string> Questions);

    public sealed record HistoryRow(DateTime At, string Who, string What, string Changed);

    public bool IsLead(UserAccess access) => SelfEvaluationPermissions.Leads(access, Evaluation.LeadUserId, Evaluation.OrganisationId);

    /// <summary>Whether the user writes on this QI: the named lead, or an assigned contributor.</summary>
    public bool WritesOnQi(UserAccess access) =>
        SelfEvaluationPermissions.WritesOnQi(access, Evaluation.LeadUserId, Evaluation.OrganisationId, Assignees.Contains(access.UserId));

    /// <summary>Whether the user may write their own contribution now: assigned (or the named lead), while In progress.</summary>
    public bool CanContribute(UserAccess access) => Evaluation.State == SelfEvaluationState.InProgress
        && WritesOnQi(access);

    public string Name(Guid? userId) => userId is { } id && People.TryGetValue(id, out var name) ? name : "Someone who has left";

    /// <summary>The grades the evidence must bear: the agreed grade once there is one, until then the proposed ones.</summary>
    public IReadOnlyList<int> Grades => Agreed?.Grade is { } agreed ? [agreed] : Contributions.Select(c => c.Grade).OfType<int>().ToList();

    /// <summary>The scale's two highest levels.</summary>
    public IReadOnlyList<int> TopLevels => Levels.Select(l => l.Value).OrderDescending().Take(2).ToList();

    public string LevelName(int? grade) => grade is { } g ? $"{g}: {Levels.FirstOrDefault(l => l.Value == g).Label}" : "None";

    /// <summary>Loads the QI evaluation if the user may see its self-evaluation and it belongs to it; otherwise null (a 404).</summary>
    public static async Task<QiContext?> LoadAsync(AppDbContext db, QiGuidance guidance, ScaleLevelsCache scales, UserAccess access, Guid id, Guid qiId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(scales);
        var header = await SelfEvaluationAccess.Visible(db, access).Where(s => s.Id == id)
            .Select(s => new { Header = new Header(s.Id, s.OrganisationId, s.Title, s.State, s.LeadUserId, s.Submissions, s.PeriodStart), ScaleId = db.FrameworkVersions.Where(v => v.Id == s.FrameworkVersionId).Select(v => v.ScaleId).First() }).SingleOrDefaultAsync(cancellationToken);
        var qi = header is null ? null : await db.QiEvaluations.Where(q => q.Id == qiId && q.SelfEvaluationId == id)
            .Select(q => new
            {
                q.QualityIndicatorId,
                Assignees = q.Assignments.Select(a => a.UserId).ToList(),
                q.Position,
            }).SingleOrDefaultAsync(cancellationToken);
        var text = qi is null ? null : await guidance.GetAsync(qi.QualityIndicatorId, cancellationToken);
        if (header is null || qi is null || text is null)
        {
            return null;
        }

        var others = await db.QiEvaluations.Where(o => o.SelfEvaluationId == id && o.Id != qiId)
            .Join(db.QualityIndicators, o => o.QualityIndicatorId, i => i.Id, (o, i) => new { o.Position, Neighbour = new Neighbour(o.Id, o.QiCode, i.Title) })
            .ToListAsync(cancellationToken);
        var levels = await scales.GetAsync(header.ScaleId, cancellationToken);
        var records = await db.EvaluationRecords.AsNoTracking().Include(r => r.Items).Where(r => r.QiEvaluationId == qiId).ToListAsync(cancellationToken);

        // Before the first submission the link inspector cannot see it, so there is no thread and no decision to read.
        var submitted = header.Header.Submissions > 0;
        var comments = submitted ? await db.QiComments.AsNoTracking().Where(c => c.QiEvaluationId == qiId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken) : [];
        var current = SelfEvaluationAccess.SeesCurrentDecisions(access, header.Header.OrganisationId, header.Header.State);
        var decisions = submitted
            ? await db.ValidationDecisions.AsNoTracking().Where(d => d.QiEvaluationId == qiId && (current || d.Submission < header.Header.Deciding)).ToListAsync(cancellationToken)
            : [];
        var ids = records.Select(r => r.AuthorId).Concat(records.Select(r => r.UpdatedById)).OfType<Guid>().Concat(qi.Assignees)
            .Concat(comments.Select(c => c.AuthorId)).Concat(decisions.Select(d => d.InspectorId)).Append(header.Header.LeadUserId).Distinct().ToList();
        var council = header.Header.OrganisationId;
        var people = await db.Users.Where(u => ids.Contains(u.Id) || db.Memberships.Any(m => m.UserId == u.Id && m.OrganisationId == council))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new QiContext(
            header.Header,
            new Guidance(qiId, text.Code, text.Title, text.Summary, text.Themes, text.Illustrations, text.Questions),
            levels.Select(l => (l.Value, l.Label, l.Meaning)).ToList(),
            records.Where(r => r.Kind == RecordKind.Contribution).OrderBy(r => people.GetValueOrDefault(r.AuthorId!.Value)).ToList(),
            records.SingleOrDefault(r => r.Kind == RecordKind.Agreed),
            people,
            qi.Assignees,
            comments,
            decisions)
        {
            Previous = others.Where(o => o.Position < qi.Position).MaxBy(o => o.Position)?.Neighbour,
            Next = others.Where(o => o.Position > qi.Position).MinBy(o => o.Position)?.Neighbour,
        };
    }

    /// <summary>Every change to this QI evaluation, newest first: who, when, what, and which fields changed.</summary>
    /// <remarks>The self-evaluation's changes of state are part of the QI's story too.</remarks>
    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var qiId = Qi.QiEvaluationId;
        var rows = await db.AuditEntries
            .Where(a => (a.EntityType == "qi-evaluation" && a.EntityId == qiId)
                || (a.EntityType == "self-evaluation" && a.EntityId == Evaluation.Id && a.Action == "self-evaluation.state-changed"))
            .OrderByDescending(a => a.At)
            .Select(a => new { a.At, Name = db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault() ?? a.ActorName, a.Action, a.Before, a.After })
            .Take(100).ToListAsync(cancellationToken);
        return rows.Select(r => r.Action switch
            {
                "self-evaluation.state-changed" => new HistoryRow(r.At, r.Name, "Changed the state of the self-evaluation", StateChange(r.Before, r.After)),
                "qi.assigned" => new HistoryRow(r.At, r.Name, "Changed who writes on this quality indicator", AssignmentChange(r.Before, r.After)),
                "comment.added" => new HistoryRow(r.At, r.Name, "Wrote in the support and challenge thread", CommentAdded(r.After)),
                "decision.recorded" => new HistoryRow(r.At, r.Name, "Recorded the validation decision", DecisionRecorded(r.After)),
                "contribution.saved" or "agreed.saved" or "agreed.started" => new HistoryRow(r.At, r.Name, Audit.AuditDescriptions.What(r.Action, r.Before, r.After), Changed(r.Before, r.After)),
                _ => new HistoryRow(r.At, r.Name, Audit.AuditDescriptions.What(r.Action, r.Before, r.After), Audit.AuditDescriptions.Changes(r.Before, r.After)),
            }).ToList();
    }

    private static string StateChange(string? before, string? after) =>
        $"{State(before)} to {State(after)}" + (after is not null && JsonSerializer.Deserialize<Dictionary<string, string>>(after)!.TryGetValue("reason", out var reason) ? $" because: {reason}" : "");

    private static string State(string? json) =>
        json is null ? "none" : Enum.TryParse<SelfEvaluationState>(JsonSerializer.Deserialize<Dictionary<string, string>>(json)!["state"], out var state) ? SelfEvaluationWording.State(state) : "unknown";

    /// <summary>Who was added to or taken off this QI, by name.</summary>
    private string AssignmentChange(string? before, string? after)
    {
        var was = Assigned(before);
        var now = Assigned(after);
        var added = now.Except(was).Select(id => Name(id)).ToList();
        var removed = was.Except(now).Select(id => Name(id)).ToList();
        return string.Join("; ", new[] { added.Count > 0 ? "added " + string.Join(", ", added) : null, removed.Count > 0 ? "removed " + string.Join(", ", removed) : null }.OfType<string>());
    }

    /// <summary>The comment's kind and its opening words.</summary>
    private static string CommentAdded(string? after)
    {
        var comment = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(after!)!;
        var text = comment["Text"].GetString() ?? "";
        return $"{comment["kind"].GetString()}: {(text.Length > 80 ? text[..80] + "…" : text)}";
    }

    /// <summary>The decision in words, and whether it was carried forward from an earlier submission.</summary>
    private static string DecisionRecorded(string? after)
    {
        var decision = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(after!)!;
        var grade = decision["Grade"].GetInt32();
        return (decision["Agrees"].GetBoolean() ? $"agreed with the council's grade of {grade}" : $"validated a different grade: {grade}")
            + (decision.TryGetValue("carriedFrom", out var from) ? $", carried forward from submission {from.GetInt32()}" : "");
    }

    private static List<Guid> Assigned(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(json)!.GetValueOrDefault("assignees") ?? [];

    private static string Changed(string? before, string? after)
    {
        if (after is null)
        {
            return "";
        }

        var old = before is null ? new Dictionary<string, JsonElement>() : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(before)!;
        var now = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(after)!;
        var fields = now.Where(p => !old.TryGetValue(p.Key, out var was) || was.GetRawText() != p.Value.GetRawText())
            .Where(p => p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) || old.ContainsKey(p.Key))
            .Select(p => Field(p.Key) + (p.Key is "Grade" or "IsComplete" or "confidence" && old.TryGetValue(p.Key, out var from) ? $" ({Show(from)} to {Show(p.Value)})" : ""))
            .ToList();
        return fields.Count == 0 ? "No change" : string.Join(", ", fields);
    }

    private static string Show(JsonElement value) => value.ValueKind switch { JsonValueKind.Null => "none", JsonValueKind.True => "yes", JsonValueKind.False => "no", _ => value.ToString() };

    private static string Field(string name) => name switch
    {
        "HowAreWeDoing" => "how are we doing",
        "HowDoWeKnow" => "how do we know",
        "WhatNext" => "what next",
        "strengths" => "strengths",
        "areasForImprovement" => "areas for improvement",
        "Grade" => "grade",
        "Rationale" => "rationale",
        "confidence" => "confidence",
        "IsComplete" => "complete",
        "GradeReason" => "reason for the grade",
        "from" => "started from",
        "record" => "record",
        _ => name,
    };
}
