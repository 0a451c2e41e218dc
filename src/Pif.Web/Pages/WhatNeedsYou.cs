using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages;

/// <summary>
/// The home page's "what needs you": for a contributor, the quality indicators assigned to them that are not
/// complete; for a named lead, what is left in each self-evaluation they lead, a returned submission with its
/// reason, the link inspector's new comments since they last read them, and a validated one to publish.
/// </summary>
public sealed record WhatNeedsYou(IReadOnlyList<WhatNeedsYou.ToWrite> Writing, IReadOnlyList<WhatNeedsYou.Leading> Led)
{
    public bool IsEmpty => Writing.Count == 0 && Led.Count == 0;

    /// <summary>A quality indicator assigned to the user whose contribution is not complete.</summary>
    public sealed record ToWrite(Guid EvaluationId, string Evaluation, Guid QiId, string Code, string Title, bool Started);

    /// <summary>A self-evaluation the user leads that is not yet published.</summary>
    public sealed record Leading(Guid Id, string Title, SelfEvaluationState State, int Qis, int WithoutAgreedGrade, DateTime? ReturnedAt, string? ReturnReason, DateTime? ValidatedAt)
    {
        public IReadOnlyList<(Guid QiId, string Code, int Count)> NewComments { get; init; } = [];
    }

    public static async Task<WhatNeedsYou> LoadAsync(AppDbContext db, UserAccess access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(access);
        var me = access.UserId;
        var visible = SelfEvaluationAccess.Visible(db, access);
        var writing = await db.QiEvaluations
            .Where(q => q.Assignments.Any(a => a.UserId == me) && !q.Records.Any(r => r.Kind == RecordKind.Contribution && r.AuthorId == me && r.IsComplete))
            .Join(visible.Where(s => s.State == SelfEvaluationState.InProgress), q => q.SelfEvaluationId, s => s.Id, (q, s) => new
            {
                s.Id,
                s.Title,
                s.OrganisationId,
                s.LeadUserId,
                s.CreatedAt,
                QiId = q.Id,
                q.QiCode,
                q.Position,
                Qi = db.QualityIndicators.Where(i => i.Id == q.QualityIndicatorId).Select(i => i.Title).First(),
                Started = q.Records.Any(r => r.Kind == RecordKind.Contribution && r.AuthorId == me),
            })
            .ToListAsync(cancellationToken);
        var led = (await visible.Where(s => s.LeadUserId == me && s.State != SelfEvaluationState.Published).OrderBy(s => s.CreatedAt)
                .Select(s => new
                {
                    s.OrganisationId,
                    Leading = new Leading(s.Id, s.Title, s.State, s.QiEvaluations.Count,
                        s.QiEvaluations.Count(q => !q.Records.Any(r => r.Kind == RecordKind.Agreed && r.Grade != null)), s.ReturnedAt, s.ReturnReason, s.ValidatedAt),
                })
                .ToListAsync(cancellationToken))
            .Where(s => SelfEvaluationPermissions.Leads(access, me, s.OrganisationId)).Select(s => s.Leading).ToList();
        var open = led.Where(s => s.State is SelfEvaluationState.InProgress or SelfEvaluationState.Submitted).Select(s => s.Id).ToList();
        var comments = open.Count == 0 ? [] : await db.QiComments.Where(c => c.Kind != CommentKind.Reply)
            .Join(db.QiEvaluations.Where(q => open.Contains(q.SelfEvaluationId)), c => c.QiEvaluationId, q => q.Id, (c, q) => new { c.At, q.SelfEvaluationId, q.Id, q.QiCode, q.Position })
            .Where(x => !db.QiThreadReads.Any(r => r.UserId == me && r.QiEvaluationId == x.Id && r.At >= x.At))
            .GroupBy(x => new { x.SelfEvaluationId, x.Id, x.QiCode, x.Position })
            .Select(g => new { g.Key.SelfEvaluationId, g.Key.Id, g.Key.QiCode, g.Key.Position, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new WhatNeedsYou(
            writing.Where(w => SelfEvaluationPermissions.WritesOnQi(access, w.LeadUserId, w.OrganisationId, assigned: true))
                .OrderBy(w => w.CreatedAt).ThenBy(w => w.Position).Select(w => new ToWrite(w.Id, w.Title, w.QiId, w.QiCode, w.Qi, w.Started)).ToList(),
            led.Select(s => s with
            {
                NewComments = comments.Where(c => c.SelfEvaluationId == s.Id).OrderBy(c => c.Position).Select(c => (c.Id, c.QiCode, c.Count)).ToList(),
            }).ToList());
    }
}
