using Microsoft.AspNetCore.WebUtilities;

namespace Pif.Web.Infrastructure;

/// <summary>
/// Links to another page of a list. Razor Pages' own route value is called "page" (the page's path), so
/// <c>asp-route-page</c> on a link names the Razor page, not the page of the list, and the number is dropped: the link
/// is made here from the request's own address instead, which also keeps every filter and search it was asked with.
/// </summary>
public static class PageAddresses
{
    /// <summary>This request's address, with its query as asked except for the page number: <paramref name="number"/>, left out for the first page.</summary>
    public static string PageAddress(this HttpRequest request, int number)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Where(q => !string.IsNullOrEmpty(q.Value))
            .ToList();
        if (number > 1)
        {
            query.Add(new("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
