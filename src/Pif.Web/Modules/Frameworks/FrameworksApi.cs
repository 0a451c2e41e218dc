using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks.Documents;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Frameworks;

/// <summary>The Frameworks module's part of /api/v1: list, export and import frameworks.</summary>
public static class FrameworksApi
{
    public static RouteGroupBuilder MapFrameworksApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Frameworks");
        group.MapGet("/frameworks", ListAsync).WithName("ListFrameworks")
            .WithSummary("Every framework and guide with its versions (drafts too, for national administrators)")
            .Produces<List<FrameworkSummary>>();
        group.MapGet("/frameworks/{code}/versions/{version:int}", ExportAsync).WithName("ExportFrameworkVersion")
            .WithSummary("One version as a framework file")
            .WithDescription("The file follows the framework format (docs/framework-format.md; JSON Schema at /schemas/framework.schema.json). "
                + "Add download=true to receive it as an attachment.")
            .Produces<object>(StatusCodes.Status200OK, "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/frameworks", ImportAsync).WithName("ImportFramework")
            .WithSummary("Imports a framework file as a new draft version (national administrators)")
            .WithDescription("Send the framework file as the body (docs/framework-format.md; JSON Schema at /schemas/framework.schema.json). "
                + "A file that breaks a rule is refused whole, with each problem at its JSON path.")
            .Accepts<object>("application/json")
            .Produces<ImportResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    private static async Task<IResult> ListAsync(CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var drafts = FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
        var versions = await FrameworkAccess.Visible(db, drafts)
            .OrderBy(v => v.Framework.Code).ThenBy(v => v.Number)
            .Select(v => new { v.Framework.Code, Version = new FrameworkVersionSummary(v.Number, v.Status.ToString(), v.Title, v.Kind.ToString(), v.PublishedAt, v.RetiredAt) })
            .ToListAsync(cancellationToken);
        return Results.Ok(versions.GroupBy(v => v.Code, StringComparer.Ordinal)
            .Select(g => new FrameworkSummary(g.Key, g.Last().Version.Title, g.Select(v => v.Version).ToList())).ToList());
    }

    private static async Task<IResult> ExportAsync(string code, int version, bool? download, CurrentUser current, AppDbContext db, PifMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var drafts = FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
        var id = await FrameworkAccess.Visible(db, drafts).Where(v => v.Framework.Code == code && v.Number == version).Select(v => (Guid?)v.Id).SingleOrDefaultAsync(cancellationToken);
        var loaded = id is null ? null : await FrameworkDocuments.LoadAsync(db, id.Value, cancellationToken);
        if (loaded is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no version {version} of a framework with the code {code}.");
        }

        var bytes = FrameworkWriter.Write(FrameworkDocuments.ToDocument(loaded));
        metrics.ExportDuration.Record(clock.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("export", "framework"));
        return download == true
            ? Results.File(bytes, "application/json", $"{code}-version-{version}.json")
            : Results.Bytes(bytes, "application/json");
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, CurrentUser current, FrameworkVersionsService versions, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (!FrameworkPermissions.CanEdit(access))
        {
            return ApiResults.Forbidden(Wording);
        }

        var body = await ReadLimitedAsync(request.Body, versions.MaxImportBytes, cancellationToken);
        if (body is null)
        {
            return ApiResults.Problems(StatusCodes.Status413PayloadTooLarge, [new("$", $"The file is larger than the limit of {Sizes.Describe(versions.MaxImportBytes)}: import a smaller file")], Wording);
        }

        var result = await versions.ImportAsync(access, body, cancellationToken);
        return await result.AnswerAsync(async done =>
        {
            var created = await db.FrameworkVersions.Where(v => v.Id == done.Id)
                .Select(v => new { v.Framework.Code, v.Number, v.Status }).SingleAsync(cancellationToken);
            return Results.Created($"/api/v1/frameworks/{created.Code}/versions/{created.Number}", new ImportResponse(created.Code, created.Number, created.Status.ToString()));
        }, Wording);
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer, so a huge upload is never held whole.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static readonly ApiWording Wording = new(
        NotSaved: "The framework was not imported",
        NotFound: "There is no framework with that code and version.",
        Forbidden: "Only national administrators import frameworks.",
        Again: "import the file again",
        Paths: true);

    public sealed record FrameworkSummary(string Code, string Title, IReadOnlyList<FrameworkVersionSummary> Versions);

    public sealed record FrameworkVersionSummary(int Version, string Status, string Title, string Kind, DateTime? PublishedAt, DateTime? RetiredAt);

    public sealed record ImportResponse(string Code, int Version, string Status);
}
