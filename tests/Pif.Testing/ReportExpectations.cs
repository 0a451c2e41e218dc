using Microsoft.EntityFrameworkCore;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Testing;

/// <summary>
/// What a self-evaluation report must hold, read straight from the database rather than from the report's own code:
/// each QI's heading, the text and grades a reader sees, and the working (proposed grades and the thread) that only
/// those who see the working may read.
/// </summary>
public sealed record ReportExpectations(IReadOnlyList<ReportExpectations.Qi> Qis, IReadOnlyList<string> Working)
{
    /// <param name="Texts">Everything of the QI the report shows every reader: the agreed record's words, its grade, the validated grade and the inspector's reasons.</param>
    public sealed record Qi(string Heading, IReadOnlyList<string> Texts);

    public static Task<ReportExpectations> LoadAsync(PifWebFactory factory, Guid id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.QueryAsync(async db =>
        {
            var scale = await db.SelfEvaluations.Where(s => s.Id == id).Join(db.FrameworkVersions, s => s.FrameworkVersionId, v => v.Id, (s, v) => v.ScaleId).SingleAsync();
            var levels = await db.ScaleLevels.Where(l => l.ScaleId == scale).ToDictionaryAsync(l => l.Value, l => $"{l.Value}: {l.Label}");
            var qis = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id).OrderBy(q => q.Position)
                .Join(db.QualityIndicators, q => q.QualityIndicatorId, i => i.Id, (q, i) => new { q.Id, q.QiCode, i.Title }).ToListAsync();
            var ids = qis.Select(q => q.Id).ToList();
            var records = await db.EvaluationRecords.Include(r => r.Items).Where(r => ids.Contains(r.QiEvaluationId)).ToListAsync();
            var decisions = await db.ValidationDecisions.Where(d => ids.Contains(d.QiEvaluationId)).ToListAsync();
            var comments = await db.QiComments.Where(c => ids.Contains(c.QiEvaluationId)).Select(c => c.Text).ToListAsync();
            var authors = records.Select(r => r.AuthorId).OfType<Guid>().Distinct().ToList();
            var contributors = await db.Users.Where(u => authors.Contains(u.Id)).Select(u => "Proposed by " + u.DisplayName).ToListAsync();
            return new ReportExpectations(qis.Select(q =>
            {
                var agreed = records.Single(r => r.QiEvaluationId == q.Id && r.Kind == RecordKind.Agreed);
                var decision = decisions.Where(d => d.QiEvaluationId == q.Id).MaxBy(d => d.Submission);
                var texts = new[] { agreed.HowAreWeDoing, agreed.HowDoWeKnow, agreed.WhatNext, agreed.GradeReason, agreed.Rationale, levels[agreed.Grade!.Value] }
                    .Concat(agreed.Items.Select(i => i.Text))
                    .Concat(decision is null ? [] : [levels[decision.Grade], decision.Reasons])
                    .OfType<string>().ToList();
                return new Qi($"{q.QiCode} {q.Title}", texts);
            }).ToList(), [.. comments, .. contributors]);
        });
    }

    /// <summary>Text with all white space taken out, so words a PDF or a page wraps differently still compare equal.</summary>
    public static string Squeezed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
    }
}
