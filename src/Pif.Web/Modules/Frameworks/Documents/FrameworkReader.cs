using System.Text.Json;

namespace Pif.Web.Modules.Frameworks.Documents;

/// <summary>
/// Turns the bytes of a framework file into a <see cref="FrameworkDocument"/>, listing every
/// problem of form (not JSON, wrong types, unknown properties) with its path.
/// <see cref="FrameworkRules"/> then checks what the values mean.
/// </summary>
public static class FrameworkReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 };

    public static (FrameworkDocument? Document, IReadOnlyList<FrameworkProblem> Problems) Read(ReadOnlyMemory<byte> bytes)
    {
        // Editors such as Notepad start UTF-8 files with a byte-order mark, which the parser does not skip.
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        if (NotUnicode(bytes.Span) is { } problem)
        {
            return (null, [problem]);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, character {e.BytePositionInLine + 1})" : "";
            return (null, [new("$", $"The file is not valid JSON{where}. Check it was saved as a JSON framework file, in UTF-8")]);
        }

        using (json)
        {
            var reading = new JsonReading();
            var document = ReadFramework(reading, json.RootElement);
            return (document, reading.Problems);
        }
    }

    /// <summary>
    /// A problem when the text is not Unicode: bytes that are not UTF-8, or an escaped half of a
    /// surrogate pair (such as \ud800) in a string, which no character can be made of.
    /// </summary>
    private static FrameworkProblem? NotUnicode(ReadOnlySpan<byte> bytes)
    {
        for (var offset = 0; offset < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return new("$", $"The file is not valid UTF-8 text ({Where(bytes, offset)}). Save it as UTF-8 and try again");
            }

            offset += consumed;
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    try
                    {
                        reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return new("$", $"The file has text that is not valid Unicode, such as half of a pair written \\ud800 ({Where(bytes, (int)reader.TokenStartIndex)}). Correct that text and try again");
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON at all: the parser says where.
        }

        return null;
    }

    /// <summary>"line 3, character 12" for a byte offset.</summary>
    private static string Where(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var start = before.LastIndexOf((byte)'\n') + 1;
        return $"line {line}, character {System.Text.Encoding.UTF8.GetCharCount(before[start..]) + 1}";
    }

    private static FrameworkDocument? ReadFramework(JsonReading r, JsonElement root)
    {
        const string path = "$";
        if (!r.Object(root, path, "code", "version", "title", "description", "publisher", "kind", "scale", "groupLabels", "groups", "mappings"))
        {
            return null;
        }

        var version = r.Number(root, "version", path, required: false);
        if (version < 1)
        {
            r.Problems.Add(new("$.version", "Give a version of 1 or more, or leave it out: Pif numbers the versions it imports"));
        }

        var kind = r.Choice<FrameworkKind>(root, "kind", path);
        ScaleDocument? scale = null;
        if (!root.TryGetProperty("scale", out var scaleElement) || scaleElement.ValueKind == JsonValueKind.Null)
        {
            r.Problems.Add(new("$.scale", "Add the scale, with its levels, such as the six-point scale"));
        }
        else
        {
            scale = ReadScale(r, scaleElement, "$.scale");
        }

        return new FrameworkDocument(
            r.Text(root, "code", path).Trim(),
            version ?? 0,
            r.Text(root, "title", path).Trim(),
            r.OptionalText(root, "description", path),
            r.OptionalText(root, "publisher", path),
            kind ?? FrameworkKind.Framework,
            scale ?? new ScaleDocument("", "", ScaleKind.Levels, []),
            r.List(root, "groupLabels", path, r.TextItem).Select(l => l.Trim()).ToList(),
            r.List(root, "groups", path, (e, p) => ReadGroup(r, e, p)),
            r.List(root, "mappings", path, (e, p) => ReadMapping(r, e, p)));
    }

    private static ScaleDocument ReadScale(JsonReading r, JsonElement e, string path)
    {
        if (!r.Object(e, path, "code", "name", "kind", "levels"))
        {
            return new ScaleDocument("", "", ScaleKind.Levels, []);
        }

        if (!e.TryGetProperty("name", out _) && !e.TryGetProperty("kind", out _) && !e.TryGetProperty("levels", out _))
        {
            return new ScaleDocument(r.Text(e, "code", path).Trim(), "", ScaleKind.Levels, []) { ByCodeOnly = true };
        }

        var kind = r.Choice<ScaleKind>(e, "kind", path);
        return new ScaleDocument(r.Text(e, "code", path).Trim(), r.Text(e, "name", path).Trim(), kind ?? ScaleKind.Levels,
            r.List(e, "levels", path, (level, p) => r.Object(level, p, "value", "label", "meaning")
                ? new ScaleLevelDocument(r.Number(level, "value", p, required: true) ?? int.MinValue, r.Text(level, "label", p).Trim(), r.Text(level, "meaning", p).Trim())
                : new ScaleLevelDocument(int.MinValue, "", "")));
    }

    private static GroupDocument ReadGroup(JsonReading r, JsonElement e, string path)
    {
        if (!r.Object(e, path, "code", "title", "groups", "qualityIndicators"))
        {
            return new GroupDocument("", "", null, null);
        }

        return new GroupDocument(
            r.Text(e, "code", path).Trim(),
            r.Text(e, "title", path).Trim(),
            e.TryGetProperty("groups", out _) ? r.List(e, "groups", path, (g, p) => ReadGroup(r, g, p)) : null,
            e.TryGetProperty("qualityIndicators", out _) ? r.List(e, "qualityIndicators", path, (q, p) => ReadQi(r, q, p)) : null);
    }

    private static QiDocument ReadQi(JsonReading r, JsonElement e, string path)
    {
        if (!r.Object(e, path, "code", "title", "summary", "isOverallJudgement", "themes", "illustrations", "challengeQuestions", "suggestedEvidence"))
        {
            return new QiDocument("", "", "", false, [], [], [], []);
        }

        return new QiDocument(
            r.Text(e, "code", path).Trim(),
            r.Text(e, "title", path).Trim(),
            r.Text(e, "summary", path).Trim(),
            r.Flag(e, "isOverallJudgement", path),
            r.List(e, "themes", path, r.TextItem).Select(t => t.Trim()).ToList(),
            r.List(e, "illustrations", path, (i, p) => r.Object(i, p, "level", "text", "theme")
                ? new IllustrationDocument(r.Number(i, "level", p, required: true) ?? int.MinValue, r.Text(i, "text", p).Trim(), r.OptionalText(i, "theme", p))
                : new IllustrationDocument(int.MinValue, "")),
            r.List(e, "challengeQuestions", path, r.TextItem).Select(t => t.Trim()).ToList(),
            r.List(e, "suggestedEvidence", path, (s, p) => r.Object(s, p, "family", "text")
                ? new EvidenceDocument(r.Choice<EvidenceFamily>(s, "family", p) ?? EvidenceFamily.Documentation, r.Text(s, "text", p).Trim())
                : new EvidenceDocument(EvidenceFamily.Documentation, "")));
    }

    private static MappingDocument ReadMapping(JsonReading r, JsonElement e, string path)
    {
        if (!r.Object(e, path, "fromQi", "toFramework", "toQi", "relation"))
        {
            return new MappingDocument("", "", "", MappingRelation.Overlaps);
        }

        return new MappingDocument(r.Text(e, "fromQi", path).Trim(), r.Text(e, "toFramework", path).Trim(), r.Text(e, "toQi", path).Trim(),
            r.Choice<MappingRelation>(e, "relation", path) ?? MappingRelation.Overlaps);
    }
}
