using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Reports;

/// <summary>Reads a self-evaluation into its report, with the redactions of <see cref="ReportAccess"/>.</summary>
public static class SelfEvaluationReports
{
    /// <summary>The report of a self-evaluation the user may see, or null (a 404): a dozen queries whatever its size.</summary>
    public static async Task<SelfEvaluationReport?> LoadAsync(AppDbContext db, UserAccess access, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var head = await ReportAccess.SelfEvaluations(db, access).Where(s => s.Id == id)
            .Join(db.FrameworkVersions, s => s.FrameworkVersionId, v => v.Id, (s, v) => new
            {
                Cover = new SelfEvaluationReport.TitlePage(s.Id, s.OrganisationId, s.Title,
                    db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(), v.Title, v.Number, s.State, s.PeriodStart, s.PeriodEnd),
                s.ServiceAreas,
                s.DueDate,
                s.CreatedAt,
                s.FirstSubmittedAt,
                s.SubmittedAt,
                s.Submissions,
                s.ValidatedAt,
                s.PublishedAt,
                s.ValidationStrengths,
                s.ValidationImprovements,
                Lead = db.Users.Where(u => u.Id == s.LeadUserId).Select(u => u.DisplayName).First(),
                Validator = db.Users.Where(u => u.Id == s.ValidatedById).Select(u => u.DisplayName).FirstOrDefault(),
                Inspector = db.LinkInspectorAssignments.Where(a => a.CouncilId == s.OrganisationId && a.Until == null)
                    .Join(db.Users, a => a.InspectorId, u => u.Id, (a, u) => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var cover = head.Cover;
        var working = await ReportAccess.IncludesWorkingAsync(db, access, id, cover.OrganisationId, cancellationToken);
        var decisions = SelfEvaluationAccess.SeesCurrentDecisions(access, cover.OrganisationId, cover.State);
        var deciding = decisions && head.Submissions > 0 ? SelfEvaluation.DecidingSubmission(cover.State, head.Submissions) : -1;

        var qis = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id).OrderBy(q => q.Position)
            .Join(db.QualityIndicators, q => q.QualityIndicatorId, i => i.Id, (q, i) => new { q.Id, q.QiCode, i.Title })
            .ToListAsync(cancellationToken);
        var ids = qis.Select(q => q.Id).ToList();
        var records = await db.EvaluationRecords.AsNoTracking().Include(r => r.Items)
            .Where(r => ids.Contains(r.QiEvaluationId) && (working || r.Kind == RecordKind.Agreed))
            .ToListAsync(cancellationToken);
        var decided = await db.ValidationDecisions.AsNoTracking().Where(d => ids.Contains(d.QiEvaluationId) && d.Submission == deciding).ToListAsync(cancellationToken);
        var comments = working && head.Submissions > 0
            ? await db.QiComments.AsNoTracking().Where(c => ids.Contains(c.QiEvaluationId)).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken)
            : [];
        // Everyone named in it, with whether they were assigned to write on it (the contributors, for those who see the working).
        var people = records.Select(r => r.AuthorId).OfType<Guid>().Concat(comments.Select(c => c.AuthorId)).Concat(decided.Select(d => d.InspectorId)).Distinct().ToList();
        var named = await db.Users
            .Select(u => new { u.Id, u.DisplayName, Assigned = working && db.QiAssignments.Any(a => a.UserId == u.Id && ids.Contains(a.QiEvaluationId)) })
            .Where(u => people.Contains(u.Id) || u.Assigned).ToListAsync(cancellationToken);
        var names = named.ToDictionary(u => u.Id, u => u.DisplayName);
        var contributors = named.Where(u => u.Assigned).Select(u => u.Id).ToList();
        string Name(Guid person) => names.GetValueOrDefault(person, "Someone who has left");

        var evidence = await Triangulation.ForSelfEvaluationAsync(db, id, cancellationToken);
        var codes = qis.ToDictionary(q => q.Id, q => q.QiCode);
        var order = qis.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var index = evidence.SelectMany(g => g).GroupBy(e => e.Id)
            .Select(g => new SelfEvaluationReport.EvidenceRow(g.Key, g.First().Title, g.First().Kind, g.First().From, g.First().To,
                g.Select(e => e.QiEvaluationId).Distinct().OrderBy(q => order[q]).Select(q => codes[q]).ToList()))
            .OrderBy(e => e.Title, StringComparer.CurrentCultureIgnoreCase).ToList();

        var parts = qis.Select(q =>
        {
            var agreed = records.SingleOrDefault(r => r.QiEvaluationId == q.Id && r.Kind == RecordKind.Agreed);
            var decision = decided.SingleOrDefault(d => d.QiEvaluationId == q.Id);
            return new SelfEvaluationReport.QiPart(q.Id, q.QiCode, q.Title,
                agreed is null || agreed.IsEmpty ? null : Agreed(agreed),
                records.Where(r => r.QiEvaluationId == q.Id && r.Kind == RecordKind.Contribution)
                    .Select(r => (Name(r.AuthorId!.Value), r.Grade)).OrderBy(p => p.Item1, StringComparer.CurrentCulture).ToList(),
                decision is null ? null : new SelfEvaluationReport.DecisionPart(decision.Grade, decision.AgreedGrade, decision.Agrees, decision.Reasons, Name(decision.InspectorId), decision.DecidedAt),
                comments.Where(c => c.QiEvaluationId == q.Id).Select(c => new SelfEvaluationReport.Comment(Name(c.AuthorId), c.Kind, c.Text, c.At)).ToList(),
                evidence[q.Id].Select(e => e.Title).Order(StringComparer.CurrentCultureIgnoreCase).ToList());
        }).ToList();

        var profile = await GradeProfiles.LoadAsync(db, access, id, cancellationToken);
        var validated = cover.State is SelfEvaluationState.Validated or SelfEvaluationState.Published;
        var method = new SelfEvaluationReport.MethodPart(
            SelfEvaluationWording.Areas(head.ServiceAreas),
            qis.Count,
            head.Lead,
            contributors.Select(Name).Order(StringComparer.CurrentCulture).ToList(),
            head.Validator ?? head.Inspector,
            new (string, DateTime?)[]
            {
                ("Started", head.CreatedAt),
                ("First submitted to the link inspector", head.FirstSubmittedAt),
                (head.Submissions > 1 ? $"Last submitted (submission {head.Submissions})" : "Submitted", head.Submissions > 1 ? head.SubmittedAt : null),
                ("Validated", head.ValidatedAt),
                ("Published", head.PublishedAt),
            }.Where(d => d.Item2 is not null).Select(d => (d.Item1, d.Item2!.Value)).ToList(),
            head.DueDate,
            Enum.GetValues<EvidenceFamily>().Select(f => (FrameworkWording.Family(f), index.Count(e => EvidenceKinds.FamilyOf(e.Kind) == f))).ToList());
        return new SelfEvaluationReport(cover, method, parts, profile,
            validated ? new SelfEvaluationReport.ValidationPart(head.ValidationStrengths, head.ValidationImprovements,
                profile.Rows.Where(r => r is { Validated: not null, Agreed: not null } && r.Validated != r.Agreed).Select(r => (r.Code, r.Title, r.Agreed!.Value, r.Validated!.Value)).ToList()) : null,
            index)
        {
            IncludesWorking = working,
            IncludesDecisions = deciding >= 0,
        };
    }

    private static SelfEvaluationReport.AgreedRecord Agreed(EvaluationRecord r)
    {
        var items = r.Items.OrderBy(i => i.Position).ToList();
        return new SelfEvaluationReport.AgreedRecord(r.HowAreWeDoing, r.HowDoWeKnow, r.WhatNext,
            items.Where(i => i.Kind == ItemKind.Strength).Select(i => i.Text).ToList(),
            items.Where(i => i.Kind == ItemKind.AreaForImprovement).Select(i => i.Text).ToList(),
            r.Grade, r.GradeReason, r.Rationale, r.Confidence);
    }
}
