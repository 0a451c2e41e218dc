using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Pif.Web.Infrastructure;

/// <summary>
/// The OpenAPI document of /api/v1 at /openapi/v1.json (ASP.NET Core's own generator), with the
/// bearer scheme API keys use and the problem responses every operation can give.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string BearerScheme = "bearer";

    public static IServiceCollection AddPifOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            // Only the API: pages are not part of the contract.
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiSetup.Prefix[1..], StringComparison.Ordinal) == true;
            // Modules name their response records alike (each API has a DetailResponse): prefix a nested
            // type's schema with the API that holds it, or one would silently stand for the other.
            options.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.DeclaringType is { } outer
                ? outer.Name.Replace("Api", "", StringComparison.Ordinal) + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Pif API",
                    Version = DocumentName,
                    Description = "Read and add to a council's self-evaluations, evidence and frameworks. Send an API key, made on the "
                        + "'API keys' page of your account, as 'Authorization: Bearer <key>'. Errors are RFC 9457 problem details; "
                        + "a refused change lists what to fix under 'problems', and nothing is saved.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = BearerScheme,
                    Description = "An API key from your account's 'API keys' page. A GET may use the sign-in cookie instead.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, _, _) =>
            {
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API key (or sign-in cookie, for a GET) was sent." });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Serves the document to anyone: it describes the API, and holds nothing of anyone's data.</summary>
    public static WebApplication MapPifOpenApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
