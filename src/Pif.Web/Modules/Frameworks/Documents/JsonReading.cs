using System.Text.Json;

namespace Pif.Web.Modules.Frameworks.Documents;

/// <summary>
/// Reads a JSON tree leniently, noting every type mismatch, unknown property and missing value
/// with its path instead of stopping at the first, so an import can list every problem at once.
/// Missing or null text reads as empty; the rules then say what to enter.
/// </summary>
internal sealed class JsonReading
{
    public List<FrameworkProblem> Problems { get; } = [];

    /// <summary>Checks that the element is an object with only the given properties.</summary>
    public bool Object(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(new(path, $"Expected an object {{ … }} here, not {Describe(element)}"));
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                var hint = allowed.FirstOrDefault(a => string.Equals(a, property.Name, StringComparison.OrdinalIgnoreCase));
                Problems.Add(new(Child(path, property.Name), hint is null
                    ? $"Pif does not know the property \"{property.Name}\". Remove it, or check its spelling against the format"
                    : $"Write \"{hint}\" for this property: names are case-sensitive camelCase"));
            }
            else if (!seen.Add(property.Name))
            {
                Problems.Add(new(Child(path, property.Name), $"\"{property.Name}\" appears twice in this object: keep one"));
            }
        }

        return true;
    }

    public string Text(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problems.Add(new(Child(path, name), $"Expected text in quotes here, not {Describe(value)}"));
            return "";
        }

        return value.GetString()!;
    }

    public string? OptionalText(JsonElement parent, string name, string path)
    {
        var text = Text(parent, name, path).Trim();
        return text.Length == 0 ? null : text;
    }

    public int? Number(JsonElement parent, string name, string path, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problems.Add(new(Child(path, name), $"Add \"{name}\", a whole number"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Problems.Add(new(Child(path, name), $"Expected a whole number here, not {Describe(value)}"));
            return null;
        }

        return number;
    }

    public bool Flag(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Problems.Add(new(Child(path, name), $"Expected true or false here, not {Describe(value)}"));
            return false;
        }

        return value.GetBoolean();
    }

    /// <summary>Reads a camelCase enum value such as <c>partOf</c>.</summary>
    public TEnum? Choice<TEnum>(JsonElement parent, string name, string path)
        where TEnum : struct, Enum
    {
        var allowed = Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        var text = parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        var index = text is null ? -1 : allowed.IndexOf(text);
        if (index < 0)
        {
            Problems.Add(new(Child(path, name), text is null
                ? $"Add \"{name}\": one of {string.Join(", ", allowed)}"
                : $"\"{text}\" is not a {name} Pif knows: use one of {string.Join(", ", allowed)}"));
            return null;
        }

        return Enum.GetValues<TEnum>()[index];
    }

    /// <summary>Reads an array property; a missing one reads as empty.</summary>
    public List<T> List<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T> item)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(new(Child(path, name), $"Expected a list [ … ] here, not {Describe(value)}"));
            return [];
        }

        return value.EnumerateArray().Select((e, i) => item(e, $"{Child(path, name)}[{i}]")).ToList();
    }

    public string TextItem(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            Problems.Add(new(path, $"Expected text in quotes here, not {Describe(element)}"));
            return "";
        }

        return element.GetString()!;
    }

    public static string Child(string path, string name) => $"{path}.{name}";

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}
