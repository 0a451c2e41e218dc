using System.Globalization;
using System.Text;

namespace Pif.Web.Modules.Organisations;

public static class OrganisationNames
{
    /// <summary>
    /// Folds a name for matching: case ignored, "&amp;" read as "and", runs of spaces
    /// collapsed. "Argyll &amp; Bute" and "ARGYLL AND  BUTE" fold to the same text.
    /// </summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var spaced = name.Replace("&", " and ", StringComparison.Ordinal);
        var sb = new StringBuilder(spaced.Length);
        foreach (var word in spaced.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(word.ToLower(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
