using System.Globalization;
using System.Text;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// A link to evidence kept elsewhere, made so it cannot hide where it goes: no invisible format
/// characters (such as a right-to-left override that shows <c>exe.pdf</c> as <c>fdp.exe</c>), no user
/// name or password before the host (<c>https://trusted@evil.example</c>), and its host shown beside it.
/// </summary>
public static class ExternalLinks
{
    /// <summary>The link as typed, trimmed, without control or format characters; null when empty.</summary>
    public static string? Clean(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        var clean = new StringBuilder(link.Length);
        foreach (var c in link.Trim())
        {
            if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                clean.Append(c);
            }
        }

        return clean.Length == 0 ? null : clean.ToString();
    }

    /// <summary>What is wrong with a cleaned link, or null when it may be kept.</summary>
    public static string? Problem(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Length > EvidenceItem.LinkMaxLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return "Enter the link as a full web address starting with https://";
        }

        return uri.UserInfo.Length > 0 || link.Split('/', 4) is [_, _, var authority, ..] && authority.Contains('@', StringComparison.Ordinal)
            ? "Enter the link without a user name or password before the web address"
            : null;
    }

    /// <summary>The host a link goes to, in its ASCII form, so letters that only look alike show as different.</summary>
    public static string Host(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.IdnHost : "";
}
