using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>One revision of a case study as pages and the API show it, with its links named.</summary>
public sealed record CaseStudyView(
    Guid Id,
    Guid OrganisationId,
    string Council,
    bool IsDemonstration,
    int? PublishedRevision,
    DateTime? WithdrawnAt,
    string? WithdrawnReason,
    Guid Stamp,
    CaseStudyView.Words Revision,
    IReadOnlyList<string> OtherCouncils,
    IReadOnlyList<CaseStudyView.QiLink> Qis,
    IReadOnlyList<CaseStudyView.IndicatorLink> Indicators,
    IReadOnlyList<CaseStudyView.ActionLink> Actions,
    IReadOnlyList<CaseStudyView.SharedEvidence> Evidence,
    IReadOnlyList<CaseStudyView.OutcomeLink> Outcomes,
    IReadOnlyList<CaseStudyView.RevisionRow> Revisions,
    IReadOnlyList<CaseStudyView.Comment> Comments)
{
    public int Latest => Revisions.Max(r => r.Number);

    public bool IsPublic => PublishedRevision is not null && WithdrawnAt is null;

    public sealed record Words(
        int Number, RevisionState State, string Title, string Summary, ServiceAreas Areas, int Year, string Problem, string WhatWasDone, string Results,
        string? WhatHelped, string? WhatGotInTheWay, string? CostAndResources, string ContactRole, DateTime UpdatedAt, DateTime? SubmittedAt, DateTime? PublishedAt);

    public sealed record QiLink(string Framework, string Qi);

    /// <summary>An indicator the work moved; with periods, the writing council's figures for them and whether the change was for the better.</summary>
    public sealed record IndicatorLink(Guid Id, string Code, string Title, IndicatorLink.Change? Result)
    {
        public sealed record Change(string Before, string BeforeValue, string After, string AfterValue, string Direction);
    }

    /// <summary>An action of the council's plan; the reader follows the link only if they see the plan.</summary>
    public sealed record ActionLink(Guid PlanId, Guid ActionId, int Number, string Description, string PlanTitle, bool Readable);

    /// <summary>A national outcome the work served, with its set.</summary>
    public sealed record OutcomeLink(Guid Id, string Set, int Number, string Title);

    public sealed record SharedEvidence(Guid ItemId, string Title, IReadOnlyList<SharedFile> Files);

    public sealed record SharedFile(Guid Id, string Name, long Length);

    public sealed record RevisionRow(int Number, RevisionState State, DateTime UpdatedAt, DateTime? PublishedAt);

    public sealed record Comment(int Revision, CaseStudyCommentKind Kind, string? Text, string Author, DateTime At);
}

public static class CaseStudyReading
{
    /// <summary>
    /// The case study as the user may read it: those who see its work (its writers and the reviewers) get the revision
    /// asked for, or the latest; everyone else only the published revision, and no review record. Null: it does not exist for them.
    /// </summary>
    public static async Task<CaseStudyView?> LoadAsync(AppDbContext db, UserAccess access, Guid id, int? revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var study = await CaseStudyAccess.Visible(db, access).AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.OrganisationId, Council = db.Organisations.Where(o => o.Id == c.OrganisationId).Select(o => o.Name).Single(), c.IsDemonstration, c.PublishedRevision, c.WithdrawnAt, c.WithdrawnReason, c.ConcurrencyStamp })
            .SingleOrDefaultAsync(cancellationToken);
        if (study is null)
        {
            return null;
        }

        var work = CaseStudyAccess.SeesWork(access, study.OrganisationId);

        // A reviewer who does not write for the council sees what was sent for review, never a draft being written.
        var drafts = CaseStudyPermissions.Writes(access, study.OrganisationId);
        var rows = await db.CaseStudyRevisions.Where(r => r.CaseStudyId == id && (drafts || r.State != RevisionState.Draft)).OrderBy(r => r.Number)
            .Select(r => new CaseStudyView.RevisionRow(r.Number, r.State, r.UpdatedAt, r.PublishedAt)).ToListAsync(cancellationToken);
        var number = work ? revision ?? rows.Select(r => (int?)r.Number).Max() : study.PublishedRevision;
        if (number is null || (!work && revision is not null && revision != study.PublishedRevision) || rows.All(r => r.Number != number))
        {
            return null;
        }

        var words = await db.CaseStudyRevisions.AsNoTracking().Where(r => r.CaseStudyId == id && r.Number == number)
            .Include(r => r.Councils).Include(r => r.Qis).Include(r => r.Indicators).Include(r => r.Actions).Include(r => r.Evidence).Include(r => r.Outcomes).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        if (words is null)
        {
            return null;
        }

        var councilIds = words.Councils.Select(c => c.OrganisationId).ToList();
        var others = await db.Organisations.Where(o => councilIds.Contains(o.Id)).Select(o => o.Name).ToListAsync(cancellationToken);
        var indicators = await CaseStudyLinks.IndicatorsAsync(db, study.OrganisationId, words.Indicators, cancellationToken);
        var actions = await CaseStudyLinks.ActionsAsync(db, access, words.Actions, cancellationToken);
        var evidence = await CaseStudyLinks.EvidenceAsync(db, words.Evidence, cancellationToken);
        var outcomes = await CaseStudyLinks.OutcomesAsync(db, words.Outcomes, cancellationToken);
        var comments = !work ? [] : await (from c in db.CaseStudyComments
                                           join u in db.Users on c.AuthorId equals u.Id
                                           where c.CaseStudyId == id
                                           orderby c.At
                                           select new CaseStudyView.Comment(c.RevisionNumber, c.Kind, c.Text, u.DisplayName, c.At)).ToListAsync(cancellationToken);
        return new CaseStudyView(
            study.Id, study.OrganisationId, study.Council, study.IsDemonstration, study.PublishedRevision, study.WithdrawnAt, study.WithdrawnReason, study.ConcurrencyStamp,
            new(words.Number, words.State, words.Title, words.Summary, words.ServiceAreas, words.Year, words.Problem, words.WhatWasDone, words.Results,
                words.WhatHelped, words.WhatGotInTheWay, words.CostAndResources, words.ContactRole, words.UpdatedAt, words.SubmittedAt, words.PublishedAt),
            [.. others.Order(StringComparer.CurrentCulture)],
            [.. words.Qis.OrderBy(q => q.FrameworkCode, StringComparer.Ordinal).ThenBy(q => q.QiCode, StringComparer.Ordinal).Select(q => new CaseStudyView.QiLink(q.FrameworkCode, q.QiCode))],
            indicators,
            actions,
            evidence,
            outcomes,
            work ? rows : [.. rows.Where(r => r.Number == study.PublishedRevision)],
            comments);
    }
}
