using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
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

    /// <summary>
    /// <see cref="LoadAsync(AppDbContext, QiGuidance, ScaleLevelsCache, UserAccess, Guid, Guid, CancellationToken)"/>
    /// for a page, kept in <see cref="DataCache"/> for this reader: what they see of the QI depends on who they are.
    /// </summary>
    public static Task<QiContext?> LoadAsync(DataCache cache, AppDbContext db, QiGuidance guidance, ScaleLevelsCache scales, UserAccess access, Guid id, Guid qiId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(access);
        return cache.GetAsync((typeof(QiContext), access.UserId, id, qiId), ct => LoadAsync(db, guidance, scales, access, id, qiId, ct), cancellationToken);
    }

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
        // The named people and the council's members, each read by index (an OR of the two read every user).
        var people = (await db.Users.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
                .Union(db.Memberships.Where(m => m.OrganisationId == council).Join(db.Users, m => m.UserId, u => u.Id, (_, u) => new { u.Id, u.DisplayName }))
                .ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => u.DisplayName);
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
}
