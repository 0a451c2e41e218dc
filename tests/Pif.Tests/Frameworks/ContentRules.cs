using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pif.Tests.Frameworks;

/// <summary>
/// The editorial rules the default content must meet (issue: default content), as checks over
/// framework documents in the exchange format, so a test can show each rule catches a breach.
/// </summary>
internal static partial class ContentRules
{
    private static readonly string[] Banned = ["lorem", "tbc", "todo", "placeholder", "organization", "judgment", "program ", "programs", "prioritize", "behavior", "center "];

    public static IEnumerable<JsonObject> Qis(JsonObject framework) =>
        Groups(framework["groups"]!.AsArray()).SelectMany(g => g["qualityIndicators"]?.AsArray().Select(q => q!.AsObject()) ?? []);

    public static IEnumerable<JsonObject> Groups(JsonArray groups) =>
        groups.Select(g => g!.AsObject()).SelectMany(g => g["groups"] is JsonArray inner ? Groups(inner).Prepend(g) : [g]);

    /// <summary>Every breach of the per-QI rules in one framework or guide.</summary>
    public static IEnumerable<string> CheckQis(JsonObject framework)
    {
        foreach (var qi in Qis(framework))
        {
            var code = (string)qi["code"]!;
            var sentences = Sentences((string)qi["summary"]!).Count;
            if (sentences is < 2 or > 4)
            {
                yield return $"{code}: the summary has {sentences} sentences, not 2-4";
            }

            var themes = qi["themes"]!.AsArray().Select(t => (string)t!).ToList();
            if (themes.Count is < 2 or > 4 || themes.Distinct().Count() != themes.Count)
            {
                yield return $"{code}: {themes.Count} themes, or a theme twice; 2-4 distinct are needed";
            }

            foreach (var level in new[] { 5, 2 })
            {
                var illustration = qi["illustrations"]!.AsArray().Select(i => i!.AsObject()).FirstOrDefault(i => (int)i["level"]! == level && i["theme"] is null);
                var words = illustration is null ? 0 : Words((string)illustration["text"]!);
                if (words < 60)
                {
                    yield return $"{code}: the level-{level} illustration has {words} words, fewer than 60";
                }
            }

            foreach (var themed in qi["illustrations"]!.AsArray().Where(i => i!["theme"] is not null && Words((string)i!["text"]!) < 60))
            {
                yield return $"{code}: a theme's illustration has fewer than 60 words";
            }

            var questions = qi["challengeQuestions"]!.AsArray().Select(q => ((string)q!).Trim()).ToList();
            if (questions.Count is < 3 or > 6 || questions.Any(q => !q.EndsWith('?')))
            {
                yield return $"{code}: {questions.Count} challenge questions, or one not ending with a question mark";
            }

            var evidence = qi["suggestedEvidence"]!.AsArray().Select(e => (string)e!["family"]!).ToList();
            if (evidence.Count < 3 || evidence.Distinct().Count() < 2)
            {
                yield return $"{code}: {evidence.Count} suggested evidence from {evidence.Distinct().Count()} families; 3 or more from 2 or more are needed";
            }
        }
    }

    /// <summary>Sentences that appear more than once anywhere across the documents.</summary>
    public static IEnumerable<string> RepeatedSentences(IEnumerable<JsonObject> frameworks) =>
        frameworks.SelectMany(Prose).SelectMany(Sentences).GroupBy(s => s.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key);

    /// <summary>Banned words (placeholders, and American spellings of our domain words) found in the documents.</summary>
    public static IEnumerable<string> BannedWords(IEnumerable<JsonObject> frameworks) =>
        frameworks.SelectMany(Prose).SelectMany(text => Banned.Where(b => WordPattern(b).IsMatch(text)).Select(b => $"\"{b.Trim()}\" in: {text[..Math.Min(60, text.Length)]}"));

    /// <summary>The written text of a document: descriptions, summaries, illustrations, questions and evidence.</summary>
    public static IEnumerable<string> Prose(JsonObject framework)
    {
        if (framework["description"] is JsonValue description)
        {
            yield return (string)description!;
        }

        foreach (var qi in Qis(framework))
        {
            yield return (string)qi["summary"]!;
            foreach (var text in qi["illustrations"]!.AsArray().Select(i => (string)i!["text"]!)
                .Concat(qi["challengeQuestions"]!.AsArray().Select(q => (string)q!))
                .Concat(qi["suggestedEvidence"]!.AsArray().Select(e => (string)e!["text"]!)))
            {
                yield return text;
            }
        }
    }

    public static List<string> Sentences(string text) =>
        SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    public static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static Regex WordPattern(string word) => new($@"\b{Regex.Escape(word)}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // A sentence ends at . ? or ! followed by a space; "6.4" and "e.g." inside a sentence do not end it.
    [GeneratedRegex(@"(?<=[.?!])\s+(?=[A-Z‘'""(])")]
    private static partial Regex SentenceEnd();
}
