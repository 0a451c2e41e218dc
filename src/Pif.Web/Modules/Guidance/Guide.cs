using System.Globalization;
using Pif.Web.Infrastructure;

namespace Pif.Web.Modules.Guidance;

/// <summary>
/// The guide to supported self-evaluation: Markdown files in <c>Content/</c>, built into the app
/// (so the guide is versioned with the code that it describes), read and rendered once at start.
/// </summary>
public sealed class Guide
{
    private const string ResourcePrefix = "Pif.Web.Guidance.";

    private readonly Dictionary<string, GuidePage> bySlug;

    public Guide()
        : this(ReadResources())
    {
    }

    /// <summary>A guide from the given files (name without ".md" → text); throws on any page that breaks the rules below.</summary>
    internal Guide(IEnumerable<KeyValuePair<string, string>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var pages = files.Select(f => Parse(f.Key, f.Value)).ToList();
        bySlug = pages.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        Stages = [.. pages.Where(p => p.Kind == GuidePageKind.Stage).OrderBy(p => p.Order)];
        Topics = [.. pages.Where(p => p.Kind == GuidePageKind.Topic).OrderBy(p => p.Order)];

        var missing = GuideStages.All.Where(s => !bySlug.TryGetValue(GuideStages.Slug(s), out var page) || page.Stage != s).ToList();
        if (missing.Count > 0 || Stages.Count != GuideStages.All.Count)
        {
            throw new InvalidDataException($"The guide needs one stage page per stage, in order; check: {string.Join(", ", missing.Select(GuideStages.Slug))}.");
        }
    }

    public IReadOnlyList<GuidePage> Stages { get; }

    public IReadOnlyList<GuidePage> Topics { get; }

    /// <summary>Every page in reading order: the stages, then the topics.</summary>
    public IEnumerable<GuidePage> Pages => Stages.Concat(Topics);

    public GuidePage? Find(string slug) => bySlug.GetValueOrDefault(slug);

    public GuidePage For(GuideStage stage) => bySlug[GuideStages.Slug(stage)];

    private static IEnumerable<KeyValuePair<string, string>> ReadResources()
    {
        var assembly = typeof(Guide).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return new(name[ResourcePrefix.Length..^".md".Length], reader.ReadToEnd());
        }
    }

    /// <summary>A page: front matter of "key: value" lines between "---" lines, then the Markdown body.</summary>
    private static GuidePage Parse(string slug, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var end = Array.IndexOf(lines, "---", 1);
        if (lines.Length == 0 || lines[0] != "---" || end < 0)
        {
            throw new InvalidDataException($"Guide page {slug}: start with front matter between two \"---\" lines.");
        }

        var front = lines[1..end].Where(l => l.Length > 0).Select(l => l.Split(':', 2))
            .ToDictionary(kv => kv[0].Trim(), kv => kv.Length == 2 ? kv[1].Trim() : "", StringComparer.Ordinal);
        string Field(string key) => front.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"Guide page {slug}: give it a {key}.");

        var body = string.Join('\n', lines[(end + 1)..]);
        if (body.Split('\n').Any(l => l.StartsWith("# ", StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"Guide page {slug}: the title comes from the front matter; start sections at \"##\".");
        }

        var kind = Field("kind") switch
        {
            "stage" => GuidePageKind.Stage,
            "topic" => GuidePageKind.Topic,
            var other => throw new InvalidDataException($"Guide page {slug}: kind is \"stage\" or \"topic\", not \"{other}\"."),
        };
        return new GuidePage(
            slug,
            Field("title"),
            Field("summary"),
            kind,
            int.Parse(Field("order"), CultureInfo.InvariantCulture),
            DateOnly.ParseExact(Field("updated"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            SafeMarkdown.Guide(body),
            SafeMarkdown.GuideHeadings(body));
    }
}
