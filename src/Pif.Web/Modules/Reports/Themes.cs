using System.Text.RegularExpressions;

namespace Pif.Web.Modules.Reports;

/// <summary>A word or phrase that recurs in areas for improvement: how often, and in how many councils' self-evaluations.</summary>
public sealed record Theme(string Text, int Mentions, int Councils);

/// <summary>
/// The most frequent words and two-word phrases in a set of texts, with common English words left out, so the
/// national overview shows what councils most often say they must improve. Words are lower-cased; a phrase is two
/// words that stand next to each other in a text with no stop word or punctuation between them.
/// </summary>
public static partial class Themes
{
    /// <summary>Words too common to be a theme: English function words, and the words every area for improvement uses.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "across", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
        "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more",
        "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "out", "over", "own", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "within", "without",
        "would", "you", "your", "yours", "yet", "need", "needs", "needed", "make", "makes", "ensure", "improve",
        "improved", "improvement", "improving", "better", "work", "working", "continue", "develop", "developing",
        "many", "often", "always", "never", "sometimes", "rarely", "less", "fewer", "still", "one", "two", "three", "new", "well",
        "use", "used", "using", "way", "ways", "time", "take", "taken", "know", "see", "get",
    };

    /// <param name="texts">Each text with the council it comes from.</param>
    public static (IReadOnlyList<Theme> Words, IReadOnlyList<Theme> Phrases) Find(IEnumerable<(Guid Council, string Text)> texts, int top)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var words = new Dictionary<string, (int Mentions, HashSet<Guid> Councils)>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, (int Mentions, HashSet<Guid> Councils)>(StringComparer.Ordinal);
        foreach (var (council, text) in texts)
        {
            // A run is the words between punctuation: a phrase never spans a full stop or a comma.
            foreach (var run in Runs().Split(text.ToLowerInvariant()))
            {
                string? previous = null;
                foreach (Match match in Word().Matches(run))
                {
                    var word = match.Value.Trim('\'', '’');
                    if (word.Length < 3 || StopWords.Contains(word) || word.All(char.IsDigit))
                    {
                        previous = null;
                        continue;
                    }

                    Count(words, word, council);
                    if (previous is not null)
                    {
                        Count(phrases, $"{previous} {word}", council);
                    }

                    previous = word;
                }
            }
        }

        return (Top(words, top), Top(phrases.Where(p => p.Value.Mentions > 1).ToDictionary(), top));
    }

    private static void Count(Dictionary<string, (int Mentions, HashSet<Guid> Councils)> counts, string key, Guid council)
    {
        if (!counts.TryGetValue(key, out var count))
        {
            count = (0, []);
        }

        count.Councils.Add(council);
        counts[key] = (count.Mentions + 1, count.Councils);
    }

    private static List<Theme> Top(Dictionary<string, (int Mentions, HashSet<Guid> Councils)> counts, int top) =>
        [.. counts.OrderByDescending(c => c.Value.Councils.Count).ThenByDescending(c => c.Value.Mentions).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(top).Select(c => new Theme(c.Key, c.Value.Mentions, c.Value.Councils.Count))];

    [GeneratedRegex(@"[.,;:!?()\[\]""\n]+")]
    private static partial Regex Runs();

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*")]
    private static partial Regex Word();
}
