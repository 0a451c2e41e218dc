using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pif.Web.Infrastructure;

namespace Pif.Web.Pages.Api;

/// <summary>The API reference: the OpenAPI document read as a page, so it needs no script and no third-party viewer.</summary>
[AllowAnonymous]
public sealed class ReferenceModel([FromKeyedServices(OpenApiSetup.DocumentName)] IOpenApiDocumentProvider documents) : PageModel
{
    public OpenApiDocument Document { get; private set; } = null!;

    /// <summary>The operations grouped by their tag, in the order the API maps them.</summary>
    public IReadOnlyList<(string Tag, IReadOnlyList<Operation> Operations)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Groups = Document.Paths
            // Every GET also answers HEAD with the same headers (the page says so once rather than repeating each).
            .SelectMany(p => (p.Value.Operations ?? []).Where(o => o.Key != HttpMethod.Head).Select(o => new Operation(o.Key.Method.ToUpperInvariant(), p.Key, o.Value)))
            .GroupBy(o => o.Details.Tags?.FirstOrDefault()?.Name ?? "Other")
            .Select(g => (g.Key, (IReadOnlyList<Operation>)g.ToList()))
            .ToList();
    }

    /// <summary>A schema in words: a link target for a named schema, "list of …" for an array, the type and format otherwise.</summary>
    public static string Describe(IOpenApiSchema? schema)
    {
        switch (schema)
        {
            case null:
                return "any";
            case OpenApiSchemaReference reference:
                return reference.Reference.Id ?? "object";
        }

        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            var options = (schema.OneOf ?? schema.AnyOf)!.Where(s => s is OpenApiSchemaReference || (s.Type is { } t && t != JsonSchemaType.Null)).Select(Describe);
            return string.Join(" or ", options) + (Nullable(schema) ? " or null" : "");
        }

        var type = schema.Type is { } flags ? flags & ~JsonSchemaType.Null : (JsonSchemaType?)null;
        var words = type switch
        {
            JsonSchemaType.Array => $"list of {Describe(schema.Items)}",
            null or 0 => "any",
            _ => type.Value.ToString().ToLowerInvariant().Replace(", ", " or ", StringComparison.Ordinal) + (schema.Format is { Length: > 0 } format ? $" ({format})" : ""),
        };
        return Nullable(schema) ? $"{words}, or null" : words;
    }

    public static string? SchemaId(IOpenApiSchema? schema) => schema switch
    {
        OpenApiSchemaReference reference => reference.Reference.Id,
        { Type: JsonSchemaType.Array } array => SchemaId(array.Items),
        _ => null,
    };

    private static bool Nullable(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null)) || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

    public sealed record Operation(string Method, string Path, OpenApiOperation Details)
    {
        public string Anchor => Details.OperationId ?? $"{Method}-{Path}";
    }
}
