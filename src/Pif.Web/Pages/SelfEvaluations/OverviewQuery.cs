using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>A self-evaluation as its overview reads it: the details, and each QI's progress.</summary>
public sealed record OverviewData(OverviewData.Header Details, IReadOnlyList<OverviewData.QiRow> Qis, IReadOnlyDictionary<int, string> Levels)
{
    /// <summary>Whether the rows carry the link inspector's grades: for the inspector, and for everyone once validated.</summary>
    public bool ShowsDecisions { get; init; }

    /// <summary>Past its due date and not yet submitted.</summary>
    public bool Overdue { get; init; }

    public sealed record Header(
        Guid Id, Guid OrganisationId, string Title, string Council, string Framework, string FrameworkCode, int FrameworkNumber, SelfEvaluationState State,
        ServiceAreas Areas, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, Guid LeadUserId, string Lead, Guid ScaleId)
    {
        public int Submissions { get; init; }

        public DateTime? ReturnedAt { get; init; }

        public string? ReturnReason { get; init; }

        public string? ValidationStrengths { get; init; }

        public string? ValidationImprovements { get; init; }

        public DateTime? ValidatedAt { get; init; }

        public DateTime? PublishedAt { get; init; }

        /// <summary>Whether the council has a link inspector now, to submit to.</summary>
        public bool HasLinkInspector { get; init; }
    }

    public sealed record QiRow(Guid Id, string Code, string Title, IReadOnlyList<(Guid Id, string Name)> Assignees, QiProgress Progress, int? AgreedGrade, bool Overdue, bool GradesDiffer)
    {
        /// <summary>The link inspector's grade on the current submission, once decided.</summary>
        public int? ValidatedGrade { get; init; }

        /// <summary>How many of the four families of evidence its evidence covers.</summary>
        public int Families { get; init; }

        /// <summary>What its evidence lacks (triangulation).</summary>
        public IReadOnlyList<EvidenceWarning> Warnings { get; init; } = [];
    }

    /// <summary>The QIs whose validated grade differs from the council's agreed grade.</summary>
    public IReadOnlyList<QiRow> Changed => Qis.Where(q => q.ValidatedGrade is not null && q.ValidatedGrade != q.AgreedGrade).ToList();

    /// <summary>
    /// <see cref="LoadAsync(AppDbContext, ScaleLevelsCache, UserAccess, Guid, DateOnly, CancellationToken)"/> for a
    /// page, kept in <see cref="DataCache"/> for this reader (whether they see it, and the inspector's grades, depend on who they are).
    /// </summary>
    public static Task<OverviewData?> LoadAsync(DataCache cache, AppDbContext db, ScaleLevelsCache scales, UserAccess access, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(access);
        return cache.GetAsync((typeof(OverviewData), access.UserId, id, today), ct => LoadAsync(db, scales, access, id, today, ct), cancellationToken);
    }

    /// <summary>Loads a self-evaluation the user may see, or null (which the pages answer with 404).</summary>
    public static async Task<OverviewData?> LoadAsync(AppDbContext db, ScaleLevelsCache scales, UserAccess access, Guid id, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scales);
        var header = await SelfEvaluationAccess.Visible(db, access).Where(s => s.Id == id)
            .Join(db.FrameworkVersions, s => s.FrameworkVersionId, v => v.Id, (s, v) => new { s, v })
            .Select(x => new Header(x.s.Id, x.s.OrganisationId, x.s.Title,
                db.Organisations.Where(o => o.Id == x.s.OrganisationId).Select(o => o.Name).First(),
                x.v.Title, x.v.Framework.Code, x.v.Number,
                x.s.State, x.s.ServiceAreas, x.s.PeriodStart, x.s.PeriodEnd, x.s.DueDate, x.s.LeadUserId,
                db.Users.Where(u => u.Id == x.s.LeadUserId).Select(u => u.DisplayName).First(),
                x.v.ScaleId)
            {
                Submissions = x.s.Submissions,
                ReturnedAt = x.s.ReturnedAt,
                ReturnReason = x.s.ReturnReason,
                ValidationStrengths = x.s.ValidationStrengths,
                ValidationImprovements = x.s.ValidationImprovements,
                ValidatedAt = x.s.ValidatedAt,
                PublishedAt = x.s.PublishedAt,
                HasLinkInspector = db.LinkInspectorAssignments.Any(a => a.CouncilId == x.s.OrganisationId && a.Until == null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var shows = SelfEvaluationAccess.SeesCurrentDecisions(access, header.OrganisationId, header.State);
        var deciding = shows ? SelfEvaluation.DecidingSubmission(header.State, header.Submissions) : -1;
        var qis = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id).OrderBy(q => q.Position)
            .Select(q => new
            {
                q.Id,
                q.QiCode,
                Title = db.QualityIndicators.Where(i => i.Id == q.QualityIndicatorId).Select(i => i.Title).First(),
                Assignees = q.Assignments.Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.DisplayName }).ToList(),
                Contributions = q.Records.Where(r => r.Kind == RecordKind.Contribution).Select(r => new { r.AuthorId, r.IsComplete, r.Grade }).ToList(),
                Agreed = q.Records.Where(r => r.Kind == RecordKind.Agreed).Select(r => r.Grade).FirstOrDefault(),
                Written = q.Records.Any(),
                Validated = q.Decisions.Where(d => d.Submission == deciding).Select(d => (int?)d.Grade).FirstOrDefault(),
            })
            .AsSplitQuery().ToListAsync(cancellationToken);
        var levels = (await scales.GetAsync(header.ScaleId, cancellationToken)).ToDictionary(l => l.Value, l => l.Label);
        var evidence = await Triangulation.ForSelfEvaluationAsync(db, id, cancellationToken);
        var top = levels.Keys.OrderDescending().Take(2).ToList();
        var open = header.State is SelfEvaluationState.Draft or SelfEvaluationState.InProgress;
        return new OverviewData(header, qis.Select(q =>
        {
            var progress = QiProgressRules.Of(q.Agreed is not null, q.Assignees.Select(a => a.Id).ToList(),
                q.Contributions.Select(c => (c.AuthorId!.Value, c.IsComplete)).ToList(), q.Written);
            return new QiRow(q.Id, q.QiCode, q.Title, q.Assignees.OrderBy(a => a.DisplayName).Select(a => (a.Id, a.DisplayName)).ToList(),
                progress, q.Agreed, open && progress != QiProgress.Agreed && today > header.DueDate,
                q.Contributions.Select(c => c.Grade).OfType<int>().DefaultIfEmpty().Max() - q.Contributions.Select(c => c.Grade).OfType<int>().DefaultIfEmpty().Min() >= 2)
            {
                ValidatedGrade = q.Validated,
                Families = Triangulation.Families(evidence[q.Id]).Count,
                Warnings = Triangulation.Warnings(evidence[q.Id].ToList(), q.Agreed is { } agreed ? [agreed] : q.Contributions.Select(c => c.Grade).OfType<int>().ToList(), top, header.PeriodStart, today),
            };
        }).ToList(), levels)
        {
            ShowsDecisions = shows && header.Submissions > 0,
            Overdue = SelfEvaluation.IsOverdue(header.State, header.DueDate, today),
        };
    }
}
