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

        var result = safe.ToString().Trim(' ', '.');
        if (result.Length == 0 || result.TrimStart('_').Length == 0)
        {
            result = "file" + Path.GetExtension(last);
        }

        if (result.Length > EvidenceFile.NameMaxLength)
        {
            var extension = Path.GetExtension(result);
            extension = extension.Length > 10 ? "" : extension;
            result = result[..(EvidenceFile.NameMaxLength - extension.Length)] + extension;
        }

        return result;
    }
}
