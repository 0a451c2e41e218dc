using System.Globalization;
using System.Text;

namespace Pif.Web.Modules.Evidence;

/// <summary>Makes an uploaded file's name safe to keep and to send back: no folders, no control or reserved characters.</summary>
public static class FileNames
{
    private const string Reserved = "<>:\"/\\|?*";

    public static string Sanitise(string? name)
    {
        // Browsers on Windows may send the whole path; keep the last part, whichever separator it uses.
        var last = (name ?? "").Split('/', '\\').Last().Trim();
        var safe = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            // Format characters (such as right-to-left override) could make a name show a false extension.
            var hidden = char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
            safe.Append(hidden || Reserved.Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        // Leading dots and spaces (which hide a name) and trailing ones (which Windows drops) go, but
        // never the extension's own dot: ". . ..txt" is "file.txt", not "txt".
        var trimmed = safe.ToString().TrimEnd(' ', '.');
        var extension = Path.GetExtension(trimmed);
        var stem = trimmed[..^extension.Length].TrimStart(' ', '.');
        var result = stem + extension;
        if (stem.TrimEnd(' ', '.').Length == 0 || result.TrimStart('_').Length == 0)
        {
            result = "file" + extension;
        }

        if (result.Length > EvidenceFile.NameMaxLength)
        {
            var kept = extension.Length > 10 ? "" : extension;
            result = result[..(EvidenceFile.NameMaxLength - kept.Length)] + kept;
        }

        return result;
    }
}
