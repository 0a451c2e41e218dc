using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Evidence;

/// <summary>The evidence library of the user's councils: search by text, filter by kind, family, owner and currency.</summary>
public sealed class IndexModel(AppDbContext db, DataCache cache, CurrentUser current, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    /// <summary>In the library, evidence whose period ended this long before today is stale (on a QI, before its period starts).</summary>
    public const int StaleAfterYears = Triangulation.StaleAfterYears;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public EvidenceKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public EvidenceFamily? Family { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Owner { get; set; }

    /// <summary>A QI code: evidence supporting that QI in any of the council's self-evaluations; <c>none</c> for evidence supporting nothing yet.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Qi { get; set; }

    /// <summary>The QI codes the library's evidence supports, for the filter.</summary>
    public IReadOnlyList<string> LinkedCodes { get; private set; } = [];

    /// <summary><c>due</c>: past its review date; <c>stale</c>: its period ended over two years ago.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Currency { get; set; }

    /// <summary>The page of the list: read from the query string itself, since Razor Pages' own route value is also
    /// called "page" and a bound property named so would always read 1.</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<OwnerOption> Owners { get; private set; } = [];

    public bool CanAdd { get; private set; }

    /// <summary>Whether the user keeps evidence for more than one council, so each row says whose it is.</summary>
    public bool ShowCouncil { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var councils = EvidenceAccess.Councils(access);
        if (councils.Count == 0)
        {
            return Forbid();
        }

        CanAdd = true;
        ShowCouncil = councils.Count > 1;
        Today = Dates.LondonToday(clock);
        PageNumber = int.TryParse(Request.Query["page"], CultureInfo.InvariantCulture, out var number) ? number : 1;
        // What a council's library holds is the same for all its members: kept for the councils and the filters.
        var library = string.Join(",", councils.Order());
        Owners = await cache.GetAsync((typeof(OwnerOptions), library), ct => OwnerOptions.LoadAsync(db, councils, ct), cancellationToken);
        LinkedCodes = await cache.GetAsync((typeof(IndexModel), library), ct => LinkedCodesAsync(councils, ct), cancellationToken);
        (Total, PageNumber, Rows) = await cache.GetAsync((typeof(IndexModel), library, Q, Kind, Family, Owner, Qi, Currency, PageNumber, Today),
            ct => RowsAsync(councils, ct), cancellationToken);
        return Page();
    }

    /// <summary>The QI codes the councils' evidence is linked to, in their natural order.</summary>
    private async Task<IReadOnlyList<string>> LinkedCodesAsync(List<Guid> councils, CancellationToken cancellationToken) =>
        // From the councils' items to their links, by index: asked the other way, SQLite read every link of every council.
        (await db.EvidenceItems.Where(e => councils.Contains(e.OrganisationId))
                .Join(db.EvidenceLinks, e => e.Id, l => l.EvidenceItemId, (_, l) => l.QiEvaluationId)
                .Join(db.QiEvaluations, id => id, q => q.Id, (_, q) => q.QiCode).Distinct().ToListAsync(cancellationToken))
            .Order(Comparer<string>.Create(CompareCodes)).ToList();

    /// <summary>How many items the filters find, the page shown (within those there are), and its rows.</summary>
    private async Task<(int Total, int PageNumber, IReadOnlyList<Row> Rows)> RowsAsync(List<Guid> councils, CancellationToken cancellationToken)
    {
        // The council's own library: not evidence of other councils seen through their self-evaluations.
        var query = db.EvidenceItems.Where(e => councils.Contains(e.OrganisationId)).Matching(Q);
        if (Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }

        if (Family is { } family)
        {
            var kinds = EvidenceKinds.In(family).ToList();
            query = query.Where(e => kinds.Contains(e.Kind));
        }

        if (Owner is { } owner)
        {
            query = query.Where(e => e.OwnerId == owner);
        }

        if (Qi == "none")
        {
            query = query.Where(e => !db.EvidenceLinks.Any(l => l.EvidenceItemId == e.Id));
        }
        else if (!string.IsNullOrEmpty(Qi))
        {
            var code = Qi;
            query = query.Where(e => db.EvidenceLinks.Any(l => l.EvidenceItemId == e.Id && db.QiEvaluations.Any(q => q.Id == l.QiEvaluationId && q.QiCode == code)));
        }

        var today = Today;
        var staleBefore = today.AddYears(-StaleAfterYears);
        query = Currency switch
        {
            "due" => query.Where(e => e.ReviewDate < today),
            "stale" => query.Where(e => e.EffectiveTo < staleBefore),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Clamp(PageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderByDescending(e => e.EffectiveTo).ThenBy(e => e.Title).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(e => new Row(e.Id, e.Title, e.Kind, e.EffectiveFrom, e.EffectiveTo, db.Users.Where(u => u.Id == e.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone who has left",
                e.ReviewDate, e.Files.Count, e.Link != null, db.Organisations.Where(o => o.Id == e.OrganisationId).Select(o => o.Name).First()))
            .ToListAsync(cancellationToken);
        return (total, page, rows);
    }

    /// <summary>QI codes in their natural order: 2.1 before 10.1.</summary>
    private static int CompareCodes(string? a, string? b)
    {
        static int[] Parts(string? code) => (code ?? "").Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).ToArray();
        var (x, y) = (Parts(a), Parts(b));
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }

        return string.CompareOrdinal(a, b);
    }

    public sealed record Row(Guid Id, string Title, EvidenceKind Kind, DateOnly From, DateOnly To, string Owner, DateOnly? ReviewDate, int Files, bool HasLink, string Council);
}
