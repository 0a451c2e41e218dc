using System.Text.Json.Nodes;

namespace Pif.Testing;

/// <summary>Framework files committed under tests/Pif.Testing/Fixtures, and bad variants made from them.</summary>
public static class Fixtures
{
    public const string School = "school-framework.json";
    public const string Psif = "psif-framework.json";

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Path(name));

    public static JsonObject Json(string name) => JsonNode.Parse(Read(name))!.AsObject();

    /// <summary>The school fixture changed by <paramref name="change"/>, as bytes to import.</summary>
    public static byte[] SchoolWith(Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var json = Json(School);
        change(json);
        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    }
}
