using System.Globalization;

namespace Pif.Web.Infrastructure;

/// <summary>
/// Text as a person typed and sees it. Limits count text elements (what Intl.Segmenter calls graphemes
/// in the browser's character count): a line break is one character and so is an emoji, whatever their
/// UTF-16 length. Stored text keeps its line breaks as <c>\n</c>, the way a browser's text area gives them.
/// </summary>
public static class Texts
{
    public static int Count(string? text) => string.IsNullOrEmpty(text) ? 0 : new StringInfo(text).LengthInTextElements;

    /// <summary>True when the text is longer than <paramref name="max"/> characters as a person counts them.</summary>
    public static bool Exceeds(string? text, int max) =>
        // A string never has more text elements than UTF-16 units, so most texts need no segmenting.
        text is not null && text.Length > max && Count(text) > max;

    /// <summary>The text to store: trimmed, with its line breaks as <c>\n</c>; nothing when only white space was entered.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");

    /// <summary>The text cut to at most <paramref name="max"/> characters as a person counts them, ending in "…" when cut.</summary>
    public static string Shortened(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !Exceeds(text, max) ? text : string.Concat(new StringInfo(text).SubstringByTextElements(0, max - 1).TrimEnd(), "…");
    }

    /// <summary>A download's file name from what it is called: letters, digits, spaces and hyphens only, so every system and browser keeps it.</summary>
    public static string FileName(string name, string extension)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' ? c : ' ')]);
        return $"{string.Join(' ', safe.Split(' ', StringSplitOptions.RemoveEmptyEntries))}.{extension}";
    }
}
