using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.CaseStudies;

/// <summary>
/// The case study library: search and filters over every published case study; a council's writers also see their
/// own at every stage, and the reviewers those waiting for review.
/// </summary>
/// <remarks>
/// Browsing the library (no words to search for) and the filters' choices are the same for everyone and kept in
/// <see cref="DataCache"/>; a search for words always runs, since few are asked twice.
/// </remarks>
public sealed class IndexModel(AppDbContext db, DataCache cache, CurrentUser current, CaseStudySearch search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Qi { get; set; }

    [BindProperty(SupportsGet = true)]
    public ServiceAreas? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Council { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Indicator { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Outcome { get; set; }

    /// <summary>The page of results: read from the query string itself, since Razor Pages' own route value is also called "page".</summary>
    public int PageNumber { get; private set; } = 1;

    public CaseStudyResults? Results { get; private set; }

    public IReadOnlyList<(string Key, string Label)> Qis { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Label)> Indicators { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The national outcomes published case studies served, newest set first.</summary>
    public IReadOnlyList<(Guid Id, string Label)> Outcomes { get; private set; } = [];

    public bool CanWrite { get; private set; }

    /// <summary>The case studies of the councils the user writes for, at every stage.</summary>
    public IReadOnlyList<WorkRow> Own { get; private set; } = [];

    /// <summary>For the reviewers: the case studies waiting for review, oldest first.</summary>
    public IReadOnlyList<WorkRow> Waiting { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Qi is not null || Area is not null || Council is not null || Indicator is not null || Year is not null || Outcome is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        if (CaseStudySearch.Refusal(Q) is { } refusal)
        {
            this.AddError(nameof(Q), refusal);
        }
        else
        {
            var (q, filters, page) = (Q, new CaseStudyFilters(Qi, Area, Council, Indicator, Year, Outcome), PageNumber);
            // Kept under the words searched for as the search reads them, so "Carers" and "carers" share an entry:
            // the same search comes back with every "Back" from a case study, every page turned and every link shared.
            Results = await cache.GetAsync((typeof(CaseStudyResults), string.Join(' ', CaseStudySearch.Terms(q)), filters, page),
                ct => search.SearchAsync(q, filters, page, ct), cancellationToken);
            if (Results is { Hits.Count: 0, Total: > 0 } past && past.Page > past.Pages)
            {
                // A page past the end (an old link after case studies were withdrawn): the last page there is.
                return LocalRedirect(Request.PageAddress(past.Pages));
            }
        }

        (Qis, Councils, Indicators, Years, Outcomes) = await cache.GetAsync((typeof(IndexModel), "choices"), ChoicesAsync, cancellationToken);

        var writing = CaseStudyPermissions.WritingCouncils(access);
        CanWrite = writing.Count > 0;
        if (CanWrite)
        {
            Own = await cache.GetAsync((typeof(WorkRow), string.Join(",", writing.Order())), async ct =>
                (IReadOnlyList<WorkRow>)[.. (await Rows(db.CaseStudies.Where(c => writing.Contains(c.OrganisationId) && !c.IsDemonstration)).ToListAsync(ct)).OrderByDescending(r => r.UpdatedAt)],
                cancellationToken);
        }

        if (CaseStudyPermissions.Reviews(access))
        {
            Waiting = await cache.GetAsync((typeof(WorkRow), "waiting"), async ct =>
            {
                var submitted = db.CaseStudyRevisions.Where(r => r.State == RevisionState.Submitted).Select(r => r.CaseStudyId);
                return (IReadOnlyList<WorkRow>)[.. (await Rows(db.CaseStudies.Where(c => submitted.Contains(c.Id))).ToListAsync(ct)).OrderBy(r => r.UpdatedAt)];
            }, cancellationToken);
        }

        return Page();
    }

    /// <summary>What each filter offers: only what published case studies are linked to.</summary>
    private async Task<(IReadOnlyList<(string Key, string Label)> Qis, IReadOnlyList<(Guid Id, string Name)> Councils, IReadOnlyList<(Guid Id, string Label)> Indicators,
        IReadOnlyList<int> Years, IReadOnlyList<(Guid Id, string Label)> Outcomes)> ChoicesAsync(CancellationToken cancellationToken)
    {
        var qis = await QiIndicatorLinksService.OfferedAsync(db, cancellationToken);
        var councils = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).Select(o => (o.Id, o.Name)).ToList();
        var indicators = (await db.PerformanceIndicators.Where(i => db.CaseStudyIndicators.Any(l => l.IndicatorId == i.Id && db.CaseStudySearchEntries.Any(e => e.RevisionId == l.RevisionId)))
                .Select(i => new { i.Id, i.Code, i.Title }).ToListAsync(cancellationToken))
            .OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (i.Id, $"{i.Code} {i.Title}")).ToList();
        var years = await search.YearsAsync(cancellationToken);
        var outcomes = (await (from o in db.NationalOutcomes
                               join set in db.OutcomeSets on o.SetId equals set.Id
                               where db.CaseStudyOutcomes.Any(l => l.NationalOutcomeId == o.Id && db.CaseStudySearchEntries.Any(e => e.RevisionId == l.RevisionId))
                               select new { o.Id, o.Number, o.Title, Set = set.Title, set.Year }).ToListAsync(cancellationToken))
            .OrderByDescending(o => o.Year).ThenBy(o => o.Number).Select(o => (o.Id, $"{o.Number}. {o.Title} ({o.Set})")).ToList();
        return (qis, councils, indicators, years, outcomes);
    }

    /// <summary>Each case study's latest revision, as a row: from the case studies asked for, so only their revisions are read.</summary>
    private IQueryable<WorkRow> Rows(IQueryable<CaseStudy> studies) =>
        from c in studies
        join r in db.CaseStudyRevisions on c.Id equals r.CaseStudyId
        where !db.CaseStudyRevisions.Any(n => n.CaseStudyId == c.Id && n.Number > r.Number)
        join o in db.Organisations on c.OrganisationId equals o.Id
        select new WorkRow(c.Id, r.Title, o.Name, r.Number, r.State, r.SubmittedAt ?? r.UpdatedAt, c.PublishedRevision != null && c.WithdrawnAt == null);

    public sealed record WorkRow(Guid Id, string Title, string Council, int Revision, RevisionState State, DateTime UpdatedAt, bool Public);
}
