using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pif.Web.Modules.Frameworks.Documents;

/// <summary>Writes a framework document as the exchange format: camelCase, indented, stable order, so exports compare byte for byte.</summary>
public static class FrameworkWriter
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,

        // Keep apostrophes and accented letters readable; the file is served as a download, never inlined in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static byte[] Write(FrameworkDocument document)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(document, Options);
        return [.. json, (byte)'\n'];
    }
}
