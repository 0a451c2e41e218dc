using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>What a search narrows to, besides its words; a QI is its "framework|QI" key.</summary>
public sealed record CaseStudyFilters(string? Qi = null, ServiceAreas? Area = null, Guid? Council = null, Guid? Indicator = null, int? Year = null);

/// <summary>A published case study found, with the words matched in its text when the search had words.</summary>
public sealed record CaseStudyHit(Guid Id, string Title, string Summary, Guid OrganisationId, string Council, int Year, ServiceAreas Areas, bool IsDemonstration, DateTime PublishedAt, IHtmlContent? Snippet);

public sealed record CaseStudyResults(IReadOnlyList<CaseStudyHit> Hits, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Full-text search over published case studies, one service over both databases: SQLite's FTS5 (Porter stemming,
/// BM25 ranking with the title weighted ten times the body, snippet) and PostgreSQL's full-text search (English
/// configuration, title weighted A and body B, ts_rank_cd, ts_headline). A query's words are passed as plain terms,
/// never as query syntax, so quotes, operators and wildcards cannot make it fail.
/// </summary>
public sealed partial class CaseStudySearch(AppDbContext db)
{
    public const int QueryMaxLength = 200;
    public const int PageSize = 20;

    // Private-use characters mark the matched words in snippets; the text is encoded before they become <mark>.
    private const char MarkStart = '\uE000';
    private const char MarkEnd = '\uE001';

    /// <summary>A query too long to be a search, with the message that says what to do.</summary>
    public static string? Refusal(string? query) =>
        query is not null && Texts.Exceeds(query, QueryMaxLength) ? $"Search for {QueryMaxLength} characters or fewer: a few words from the case study work best" : null;

    public async Task<CaseStudyResults> SearchAsync(string? query, CaseStudyFilters filters, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (Refusal(query) is not null)
        {
            throw new ArgumentException("The query is too long: check it with Refusal first.", nameof(query));
        }

        var revisions = Filtered(filters);
        var terms = Terms(query);
        page = Math.Max(1, page);
        if (terms.Count == 0)
        {
            var total = await revisions.CountAsync(cancellationToken);
            var rows = await Rows(revisions.OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id)).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
            return new([.. rows.Select(r => r.Hit(null))], total, page, PageSize);
        }

        var ranked = from hit in Ranked(terms)
                     join r in revisions on hit.CaseStudyId equals r.CaseStudyId
                     select new { hit.Rank, Revision = r };
        var count = await ranked.CountAsync(cancellationToken);
        var found = await Rows(ranked.OrderBy(x => x.Rank).ThenBy(x => x.Revision.Id).Select(x => x.Revision)).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = found.Select(f => f.Id).ToList();
        var snippets = ids.Count == 0 ? [] : await Snippets(terms).Where(s => ids.Contains(s.CaseStudyId)).ToDictionaryAsync(s => s.CaseStudyId, s => s.Snippet, cancellationToken);
        return new([.. found.Select(f => f.Hit(snippets.TryGetValue(f.Id, out var s) ? Marked(s) : null))], count, page, PageSize);
    }

    /// <summary>Writes the published revision's words into the search entry, in the caller's save.</summary>
    internal static async Task IndexAsync(AppDbContext db, Guid caseStudyId, CaseStudyRevision revision, CancellationToken cancellationToken)
    {
        var fresh = Entry(caseStudyId, revision);
        var entry = await db.CaseStudySearchEntries.SingleOrDefaultAsync(e => e.CaseStudyId == caseStudyId, cancellationToken);
        if (entry is null)
        {
            db.CaseStudySearchEntries.Add(fresh);
        }
        else
        {
            entry.RevisionId = fresh.RevisionId;
            entry.Title = fresh.Title;
            entry.Body = fresh.Body;
        }
    }

    /// <summary>The search entry of a published revision: its title, and the words of its summary and sections without their Markdown.</summary>
    internal static CaseStudySearchEntry Entry(Guid caseStudyId, CaseStudyRevision revision) => new()
    {
        CaseStudyId = caseStudyId,
        RevisionId = revision.Id,
        Title = revision.Title,
        Body = string.Join("\n\n", new[] { revision.Summary, revision.Problem, revision.WhatWasDone, revision.Results, revision.WhatHelped, revision.WhatGotInTheWay, revision.CostAndResources }
            .Select(SafeMarkdown.PlainText).Where(t => t.Length > 0)),
    };

    internal static async Task UnindexAsync(AppDbContext db, Guid caseStudyId, CancellationToken cancellationToken)
    {
        if (await db.CaseStudySearchEntries.SingleOrDefaultAsync(e => e.CaseStudyId == caseStudyId, cancellationToken) is { } entry)
        {
            db.CaseStudySearchEntries.Remove(entry);
        }
    }

    /// <summary>The words of a query as plain terms: letters and digits only, so no character is read as search syntax.</summary>
    internal static List<string> Terms(string? query) =>
        string.IsNullOrWhiteSpace(query) ? [] : [.. Word().Matches(query).Select(m => m.Value.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Take(20)];

    /// <summary>The published revisions of public case studies that pass the filters.</summary>
    private IQueryable<CaseStudyRevision> Filtered(CaseStudyFilters filters)
    {
        var published = CaseStudyAccess.Published(db);
        var revisions = db.CaseStudyRevisions.Where(r => r.State == RevisionState.Published && published.Any(c => c.Id == r.CaseStudyId));
        if (filters.Qi?.Split('|') is [var framework, var qi])
        {
            revisions = revisions.Where(r => r.Qis.Any(q => q.FrameworkCode == framework && q.QiCode == qi));
        }

        if (filters.Area is { } area and not ServiceAreas.None)
        {
            revisions = revisions.Where(r => (r.ServiceAreas & area) != 0);
        }

        if (filters.Council is { } council)
        {
            revisions = revisions.Where(r => r.Councils.Any(c => c.OrganisationId == council) || published.Any(c => c.Id == r.CaseStudyId && c.OrganisationId == council));
        }

        if (filters.Indicator is { } indicator)
        {
            revisions = revisions.Where(r => r.Indicators.Any(i => i.IndicatorId == indicator));
        }

        if (filters.Year is { } year)
        {
            revisions = revisions.Where(r => r.Year == year);
        }

        return revisions;
    }

    private IQueryable<Row> Rows(IQueryable<CaseStudyRevision> revisions) =>
        from r in revisions
        join c in db.CaseStudies on r.CaseStudyId equals c.Id
        join o in db.Organisations on c.OrganisationId equals o.Id
        select new Row(c.Id, r.Title, r.Summary, c.OrganisationId, o.Name, r.Year, r.ServiceAreas, c.IsDemonstration, r.PublishedAt ?? r.UpdatedAt);

    /// <summary>Every case study matching all the terms, with its rank: lower is better on both databases.</summary>
    private IQueryable<RankedEntry> Ranked(List<string> terms) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<RankedEntry>($"""
            SELECT case_study_id, -ts_rank_cd(document, plainto_tsquery('english', {string.Join(' ', terms)}))::double precision AS rank
            FROM case_study_search_entries WHERE document @@ plainto_tsquery('english', {string.Join(' ', terms)})
            """)
        : db.Database.SqlQuery<RankedEntry>($"""
            SELECT case_study_id, bm25(case_study_search_fts, 0.0, 10.0, 1.0) AS rank
            FROM case_study_search_fts WHERE case_study_search_fts MATCH {Match(terms)}
            """);

    private IQueryable<SnippetEntry> Snippets(List<string> terms) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<SnippetEntry>($"""
            SELECT case_study_id, ts_headline('english', body, plainto_tsquery('english', {string.Join(' ', terms)}),
                'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
            FROM case_study_search_entries
            """)
        : db.Database.SqlQuery<SnippetEntry>($"""
            SELECT case_study_id, snippet(case_study_search_fts, 2, char(57344), char(57345), '…', 24) AS snippet
            FROM case_study_search_fts WHERE case_study_search_fts MATCH {Match(terms)}
            """);

    /// <summary>FTS5 terms, each quoted as a string so it is a word to find and never an operator.</summary>
    private static string Match(List<string> terms) => string.Join(' ', terms.Select(t => $"\"{t}\""));

    /// <summary>The snippet as HTML: its text encoded, and the matched words in &lt;mark&gt;.</summary>
    private static HtmlString Marked(string snippet)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        void Flush()
        {
            html.Append(HtmlEncoder.Default.Encode(text.ToString()));
            text.Clear();
        }

        foreach (var c in snippet)
        {
            if (c is MarkStart or MarkEnd)
            {
                Flush();
                html.Append(c == MarkStart ? "<mark>" : "</mark>");
            }
            else
            {
                text.Append(c);
            }
        }

        Flush();
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    private sealed record Row(Guid Id, string Title, string Summary, Guid OrganisationId, string Council, int Year, ServiceAreas Areas, bool IsDemonstration, DateTime PublishedAt)
    {
        public CaseStudyHit Hit(IHtmlContent? snippet) => new(Id, Title, Summary, OrganisationId, Council, Year, Areas, IsDemonstration, PublishedAt, snippet);
    }
}

internal sealed class RankedEntry
{
    public Guid CaseStudyId { get; set; }

    public double Rank { get; set; }
}

internal sealed class SnippetEntry
{
    public Guid CaseStudyId { get; set; }

    public string Snippet { get; set; } = "";
}
