using System.Globalization;
using System.Text.Json;
using Pif.Web.Infrastructure;

namespace Pif.Web.Modules.NationalOutcomes;

/// <summary>
/// An outcome set as a JSON file, in the style of the framework exchange format: a code, a title, the year it took
/// effect, where it comes from, and its outcomes, each with a number, a title and a statement. Every problem is named
/// by its path in the file ($.outcomes[2].title), so whoever wrote the file can find it.
/// </summary>
public static class OutcomeSetFile
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxOutcomes = 100;

    public sealed record Outcome(int Number, string Title, string Statement);

    public sealed record Document(string Code, string Title, int Year, string? Source, IReadOnlyList<Outcome> Outcomes);

    public static (Document? Document, List<FieldProblem> Problems) Read(ReadOnlySpan<byte> json)
    {
        var problems = new List<FieldProblem>();
        if (json.Length > MaxBytes)
        {
            problems.Add(new("$", $"The file must be {MaxBytes / 1024:N0} KB or smaller"));
            return (null, problems);
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            problems.Add(new("$", $"The file is not valid JSON: check line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}"));
            return (null, problems);
        }

        using (parsed)
        {
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new("$", "The file must hold one object with code, title, year and outcomes"));
                return (null, problems);
            }

            var code = Text(root, "$", "code", OutcomeSet.CodeMaxLength, problems);
            if (code is not null && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                problems.Add(new("$.code", "The code may hold only letters, digits, hyphens and underscores, such as NPF2011"));
            }

            var title = Text(root, "$", "title", OutcomeSet.TitleMaxLength, problems);
            var year = Number(root, "$", "year", 1990, 2100, problems);
            var source = Text(root, "$", "source", OutcomeSet.SourceMaxLength, problems, required: false);
            var outcomes = new List<Outcome>();
            if (!root.TryGetProperty("outcomes", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                problems.Add(new("$.outcomes", "Give the outcomes as a list of at least one, each with a number, a title and a statement"));
            }
            else if (list.GetArrayLength() > MaxOutcomes)
            {
                problems.Add(new("$.outcomes", $"A set may hold up to {MaxOutcomes} outcomes"));
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var path = $"$.outcomes[{index.ToString(CultureInfo.InvariantCulture)}]";
                    index++;
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(new(path, "Each outcome must be an object with a number, a title and a statement"));
                        continue;
                    }

                    var number = Number(item, path, "number", 1, 999, problems);
                    var outcomeTitle = Text(item, path, "title", NationalOutcome.TitleMaxLength, problems);
                    var statement = Text(item, path, "statement", NationalOutcome.StatementMaxLength, problems);
                    if (number is { } n && outcomes.Any(o => o.Number == n))
                    {
                        problems.Add(new($"{path}.number", $"Outcome {n} is in the set twice: give each outcome its own number"));
                    }
                    else if (number is not null && outcomeTitle is not null && statement is not null)
                    {
                        outcomes.Add(new(number.Value, outcomeTitle, statement));
                    }
                }
            }

            return problems.Count > 0 ? (null, problems) : (new Document(code!, title!, year!.Value, source, [.. outcomes.OrderBy(o => o.Number)]), problems);
        }
    }

    private static string? Text(JsonElement parent, string path, string name, int max, List<FieldProblem> problems, bool required = true)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(new($"{path}.{name}", $"Give the {name}"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || Texts.Clean(value.GetString()) is not { } text)
        {
            problems.Add(new($"{path}.{name}", $"The {name} must be text"));
            return null;
        }

        if (Texts.Exceeds(text, max))
        {
            problems.Add(new($"{path}.{name}", $"The {name} must be {max:N0} characters or fewer"));
            return null;
        }

        return text;
    }

    private static int? Number(JsonElement parent, string path, string name, int min, int max, List<FieldProblem> problems)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            problems.Add(new($"{path}.{name}", $"The {name} must be a whole number from {min} to {max}"));
            return null;
        }

        return number;
    }
}
