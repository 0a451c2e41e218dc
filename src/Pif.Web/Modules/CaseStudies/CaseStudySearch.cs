using System.Runtime.CompilerServices;
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
public sealed record CaseStudyFilters(string? Qi = null, ServiceAreas? Area = null, Guid? Council = null, Guid? Indicator = null, int? Year = null, Guid? Outcome = null);

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

        var entries = Filtered(filters);
        var terms = Terms(query);
        page = Math.Max(1, page);
        if (terms.Count == 0)
        {
            var total = await entries.CountAsync(cancellationToken);
            var newest = entries.OrderByDescending(e => e.PublishedAt).ThenBy(e => e.CaseStudyId).Skip((page - 1) * PageSize).Take(PageSize);
            var rows = await Rows(newest).ToListAsync(cancellationToken);
            return new([.. rows.OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id)], total, page, PageSize);
        }

        var (count, ids, snippets) = Unfiltered(filters) && !db.Database.IsNpgsql()
            ? await BestOfAllAsync(terms, page, cancellationToken)
            : await BestOfAsync(entries, terms, page, cancellationToken);
        var found = ids.Count == 0 ? [] : await Rows(db.CaseStudySearchEntries.Where(e => ids.Contains(e.CaseStudyId))).ToListAsync(cancellationToken);
        // One withdrawn between the reads is no longer found, and is left off.
        return new([.. ids.Select(id => found.Find(f => f.Id == id)).OfType<CaseStudyHit>().Select(f => f with { Snippet = snippets.TryGetValue(f.Id, out var s) ? Marked(s) : null })], count, page, PageSize);
    }

    /// <summary>
    /// How many of every published case study match, and the page of the best, with their snippets, on SQLite: the
    /// count from the index alone, and the page ranked and cut by the full-text table's row numbers, so only the
    /// page's rows are read from the table's content (reading every match's case study id costs more than ranking them).
    /// </summary>
    private async Task<(int Count, List<Guid> Ids, Dictionary<Guid, string> Snippets)> BestOfAllAsync(List<string> terms, int page, CancellationToken cancellationToken)
    {
        var match = Match(terms);
        var count = await db.Database.SqlQuery<int>($"""
            SELECT count(*) AS "Value" FROM case_study_search_fts WHERE case_study_search_fts MATCH {match}
            """).SingleAsync(cancellationToken);
        var keys = await db.Database.SqlQuery<long>($"""
            SELECT rowid AS "Value" FROM case_study_search_fts WHERE case_study_search_fts MATCH {match}
            ORDER BY bm25(case_study_search_fts, 0.0, 10.0, 1.0), rowid LIMIT {PageSize} OFFSET {(page - 1) * PageSize}
            """).ToListAsync(cancellationToken);
        var snippets = keys.Count == 0 ? [] : await SqliteSnippetsAsync(terms, keys, cancellationToken);
        // A case study republished between the two reads has a new row number: it is left off this page, not an error.
        return (count, [.. keys.Where(snippets.ContainsKey).Select(k => snippets[k].CaseStudyId)], snippets.Values.ToDictionary(s => s.CaseStudyId, s => s.Snippet));
    }

    /// <summary>The same among filtered entries, and for every search on PostgreSQL (whose index serves both).</summary>
    private async Task<(int Count, List<Guid> Ids, Dictionary<Guid, string> Snippets)> BestOfAsync(IQueryable<CaseStudySearchEntry> entries, List<string> terms, int page, CancellationToken cancellationToken)
    {
        var matches = from hit in Ranked(terms)
                      join e in entries on hit.CaseStudyId equals e.CaseStudyId
                      select hit;
        var count = await matches.CountAsync(cancellationToken);
        var best = await matches.OrderBy(h => h.Rank).ThenBy(h => h.CaseStudyId).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var ids = best.Select(b => b.CaseStudyId).ToList();
        if (ids.Count == 0)
        {
            return (count, ids, []);
        }

        if (db.Database.IsNpgsql())
        {
            var snippets = await db.Database.SqlQuery<SnippetEntry>($"""
                SELECT 0::bigint AS search_key, case_study_id, ts_headline('english', body, plainto_tsquery('english', {string.Join(' ', terms)}),
                    'StartSel=' || chr(57344) || ', StopSel=' || chr(57345) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
                FROM case_study_search_entries
                """).Where(s => ids.Contains(s.CaseStudyId)).ToDictionaryAsync(s => s.CaseStudyId, s => s.Snippet, cancellationToken);
            return (count, ids, snippets);
        }

        return (count, ids, (await SqliteSnippetsAsync(terms, [.. best.Select(b => b.SearchKey)], cancellationToken)).Values.ToDictionary(s => s.CaseStudyId, s => s.Snippet));
    }

    /// <summary>The case study and snippet of each of a page of SQLite matches, by their row numbers in the full-text table.</summary>
    private async Task<Dictionary<long, SnippetEntry>> SqliteSnippetsAsync(List<string> terms, List<long> keys, CancellationToken cancellationToken)
    {
        // "+rowid" keeps the row numbers from the full-text table, which would look each one up in every term's list
        // (several times slower for a search of several words); scanning the matches' row numbers reads no content.
        var list = string.Join(", ", keys.Select((_, i) => $"{{{i + 1}}}"));
        var sql = FormattableStringFactory.Create(
            "SELECT rowid AS search_key, case_study_id, snippet(case_study_search_fts, 2, char(57344), char(57345), '…', 24) AS snippet " +
            $"FROM case_study_search_fts WHERE case_study_search_fts MATCH {{0}} AND +rowid IN ({list})",
            [Match(terms), .. keys.Select(k => (object)k)]);
        return await db.Database.SqlQuery<SnippetEntry>(sql).ToDictionaryAsync(s => s.SearchKey, cancellationToken);
    }

    /// <summary>Whether the filters leave every published case study in (no service area is no filter).</summary>
    private static bool Unfiltered(CaseStudyFilters filters) => (filters with { Area = null }) == new CaseStudyFilters() && filters.Area is null or ServiceAreas.None;

    /// <summary>Writes the published revision's words into the search entry, in the caller's save.</summary>
    internal static async Task IndexAsync(AppDbContext db, CaseStudy study, CaseStudyRevision revision, CancellationToken cancellationToken)
    {
        var fresh = Entry(study, revision);
        var entry = await db.CaseStudySearchEntries.SingleOrDefaultAsync(e => e.CaseStudyId == study.Id, cancellationToken);
        if (entry is null)
        {
            db.CaseStudySearchEntries.Add(fresh);
        }
        else
        {
            entry.RevisionId = fresh.RevisionId;
            entry.Title = fresh.Title;
            entry.Body = fresh.Body;
            entry.Year = fresh.Year;
            entry.ServiceAreas = fresh.ServiceAreas;
            entry.PublishedAt = fresh.PublishedAt;
        }
    }

    /// <summary>The search entry of a published revision: its title, and the words of its summary and sections without their Markdown.</summary>
    internal static CaseStudySearchEntry Entry(CaseStudy study, CaseStudyRevision revision) => new()
    {
        CaseStudyId = study.Id,
        RevisionId = revision.Id,
        OrganisationId = study.OrganisationId,
        Year = revision.Year,
        ServiceAreas = revision.ServiceAreas,
        PublishedAt = revision.PublishedAt!.Value,
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

    /// <summary>
    /// The search entries (one for each case study every council reads, see <see cref="CaseStudySearchEntry"/>) that
    /// pass the filters; links are looked up by the published revision.
    /// </summary>
    private IQueryable<CaseStudySearchEntry> Filtered(CaseStudyFilters filters)
    {
        var entries = db.CaseStudySearchEntries.AsQueryable();
        if (filters.Qi?.Split('|') is [var framework, var qi])
        {
            entries = entries.Where(e => db.CaseStudyQis.Any(q => q.RevisionId == e.RevisionId && q.FrameworkCode == framework && q.QiCode == qi));
        }

        if (filters.Area is { } area and not ServiceAreas.None)
        {
            entries = entries.Where(e => (e.ServiceAreas & area) != 0);
        }

        if (filters.Council is { } council)
        {
            entries = entries.Where(e => e.OrganisationId == council || db.Set<CaseStudyCouncil>().Any(c => c.RevisionId == e.RevisionId && c.OrganisationId == council));
        }

        if (filters.Indicator is { } indicator)
        {
            entries = entries.Where(e => db.CaseStudyIndicators.Any(i => i.RevisionId == e.RevisionId && i.IndicatorId == indicator));
        }

        if (filters.Outcome is { } outcome)
        {
            entries = entries.Where(e => db.CaseStudyOutcomes.Any(o => o.RevisionId == e.RevisionId && o.NationalOutcomeId == outcome));
        }

        if (filters.Year is { } year)
        {
            entries = entries.Where(e => e.Year == year);
        }

        return entries;
    }

    /// <summary>The years of the work of the case studies every council reads, newest first.</summary>
    public Task<List<int>> YearsAsync(CancellationToken cancellationToken) =>
        db.CaseStudySearchEntries.Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    private IQueryable<CaseStudyHit> Rows(IQueryable<CaseStudySearchEntry> entries) =>
        from e in entries
        join r in db.CaseStudyRevisions on e.RevisionId equals r.Id
        join c in db.CaseStudies on e.CaseStudyId equals c.Id
        join o in db.Organisations on e.OrganisationId equals o.Id
        select new CaseStudyHit(e.CaseStudyId, r.Title, r.Summary, e.OrganisationId, o.Name, e.Year, e.ServiceAreas, c.IsDemonstration, e.PublishedAt, null);

    /// <summary>Every case study matching all the terms, with its rank: lower is better on both databases.</summary>
    private IQueryable<RankedEntry> Ranked(List<string> terms) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<RankedEntry>($"""
            SELECT 0::bigint AS search_key, case_study_id, -ts_rank_cd(document, plainto_tsquery('english', {string.Join(' ', terms)}))::double precision AS rank
            FROM case_study_search_entries WHERE document @@ plainto_tsquery('english', {string.Join(' ', terms)})
            """)
        : db.Database.SqlQuery<RankedEntry>($"""
            SELECT rowid AS search_key, case_study_id, bm25(case_study_search_fts, 0.0, 10.0, 1.0) AS rank
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

}

internal sealed class RankedEntry
{
    /// <summary>On SQLite, the match's row number in the full-text table; 0 on PostgreSQL.</summary>
    public long SearchKey { get; set; }

    public Guid CaseStudyId { get; set; }

    public double Rank { get; set; }
}

internal sealed class SnippetEntry
{
    /// <summary>On SQLite, the match's row number in the full-text table; 0 on PostgreSQL.</summary>
    public long SearchKey { get; set; }

    public Guid CaseStudyId { get; set; }

    public string Snippet { get; set; } = "";
}
