namespace Pif.Web.Modules.Evidence;

public static class EvidenceSearch
{
    /// <summary>Items whose title or summary contains the words, ignoring case; all of them when there are none.</summary>
    public static IQueryable<EvidenceItem> Matching(this IQueryable<EvidenceItem> items, string? words)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return items;
        }

        var text = words.Trim().ToLowerInvariant();

        // Translated to SQL lower() on both databases, so the search ignores case on SQLite and PostgreSQL alike.
#pragma warning disable CA1304, CA1311, CA1862
        return items.Where(e => e.Title.ToLower().Contains(text) || (e.Summary != null && e.Summary.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
    }
}
