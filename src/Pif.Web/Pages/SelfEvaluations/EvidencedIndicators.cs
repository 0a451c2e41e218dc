using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Evidence;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>
/// The performance indicators that the evidence linked to a QI points to: performance-data items whose link is one of
/// Pif's indicator pages (as "Keep these figures in the evidence library" makes them). A grade on the QI is then
/// checked against those indicators as well as the ones the framework suggests.
/// </summary>
public static class EvidencedIndicators
{
    /// <summary>The indicator codes each QI evaluation's evidence points to.</summary>
    public static async Task<ILookup<Guid, string>> CodesAsync(AppDbContext db, IReadOnlyCollection<Guid> qiEvaluationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var links = await db.EvidenceLinks.Where(l => qiEvaluationIds.Contains(l.QiEvaluationId))
            .Join(db.EvidenceItems.Where(e => e.Kind == EvidenceKind.PerformanceData && e.Link != null), l => l.EvidenceItemId, e => e.Id, (l, e) => new { l.QiEvaluationId, e.Link })
            .ToListAsync(cancellationToken);
        return links.Select(l => (l.QiEvaluationId, Code: CodeOf(l.Link!))).Where(l => l.Code is not null).ToLookup(l => l.QiEvaluationId, l => l.Code!);
    }

    /// <summary>The code in a link to an indicator page (/performance-indicators/{code}, with or without the address before it); null for any other link.</summary>
    public static string? CodeOf(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        // A path alone is not taken for a file: address, as Linux would read it.
        var path = Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsolutePath : link.Split('?', '#')[0];
        var parts = path.Trim('/').Split('/');
        return parts.Length == 2 && parts[0] == "performance-indicators" && parts[1] is { Length: > 0 } code && code is not ("profile" or "care-register" or "imports")
            ? Uri.UnescapeDataString(code)
            : null;
    }
}
