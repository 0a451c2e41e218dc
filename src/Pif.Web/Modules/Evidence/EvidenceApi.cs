using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Evidence;

/// <summary>The Evidence module's part of /api/v1, with the same checks as the pages.</summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Evidence");
        group.MapGet("/evidence", ListAsync).WithName("ListEvidence")
            .WithSummary("The evidence you may see, most recent first")
            .Produces<List<SummaryResponse>>();
        group.MapGet("/evidence/{id:guid}", GetAsync).WithName("GetEvidence")
            .WithSummary("One item of evidence with its files (a viewer sees no files or link)")
            .Produces<DetailResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/evidence", CreateAsync).WithName("AddEvidence")
            .WithSummary("Adds an item of evidence to a council's library")
            .Produces<DetailResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/evidence/{id:guid}/files", UploadAsync).WithName("UploadEvidenceFiles").DisableAntiforgery()
            .WithSummary("Uploads files to an item (multipart/form-data, each in a part named files); all are checked before any is kept")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<DetailResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/evidence/{id:guid}/files/{fileId:guid}", DownloadAsync).WithName("DownloadEvidenceFile")
            .WithSummary("Downloads one file of an item")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required");
        }

        var items = await EvidenceAccess.Visible(db, access).OrderByDescending(e => e.EffectiveTo).ThenBy(e => e.Title)
            .Select(e => new { e.Id, e.OrganisationId, e.Title, e.Kind, e.Summary, e.EffectiveFrom, e.EffectiveTo, e.OwnerId, e.ReviewDate, e.Link, Files = e.Files.Count })
            .ToListAsync(cancellationToken);
        return Results.Ok(items.Select(e => EvidenceAccess.SeesFiles(access, e.OrganisationId)
            ? new SummaryResponse(e.Id, e.OrganisationId, e.Title, e.Kind.ToString(), EvidenceKinds.FamilyOf(e.Kind).ToString(), e.Summary, e.EffectiveFrom, e.EffectiveTo, e.OwnerId, e.ReviewDate, e.Link, e.Files)
            : new SummaryResponse(e.Id, e.OrganisationId, e.Title, e.Kind.ToString(), EvidenceKinds.FamilyOf(e.Kind).ToString(), e.Summary, e.EffectiveFrom, e.EffectiveTo, e.OwnerId, e.ReviewDate, null, 0)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var item = access is null ? null : await EvidenceAccess.Visible(db, access).AsNoTracking().Include(e => e.Files).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        // A viewer reads titles and summaries of what supports published judgements, not files or links.
        var response = ToResponse(item);
        return Results.Ok(EvidenceAccess.SeesFiles(access!, item.OrganisationId) ? response : response with { Link = null, Files = [] });
    }

    private static async Task<IResult> CreateAsync(EvidenceRequest request, CurrentUser current, EvidenceService evidence, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (EvidenceAccess.Councils(access).Count == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only a council's administrators, evaluation leads and contributors add evidence.");
        }

        var council = request.OrganisationId ?? (EvidenceAccess.Councils(access) is [var only] ? only : null);
        var kind = Enum.TryParse<EvidenceKind>(request.Kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (EvidenceKind?)null;
        var result = await evidence.CreateAsync(access, new EvidenceInput(council, request.Title, kind, request.Summary, request.Source, request.EffectiveFrom, request.EffectiveTo,
            request.OwnerId ?? access.UserId, request.ReviewDate, request.Link), [], cancellationToken);
        return await result.AnswerAsync(async done =>
        {
            var item = await db.EvidenceItems.AsNoTracking().Include(e => e.Files).SingleAsync(e => e.Id == done.Id, cancellationToken);
            return Results.Created($"/api/v1/evidence/{item.Id}", ToResponse(item));
        }, Wording);
    }

    /// <summary>Uploads files (multipart/form-data, field <c>files</c>) to an item: all are checked before any is kept.</summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, CurrentUser current, EvidenceService evidence, AppDbContext db, IOptions<EvidenceOptions> options, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var item = await EvidenceAccess.Visible(db, access).AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        // Refused before the body is read, so nobody who may not change the item can make the server take a large upload.
        if (!await EvidencePermissions.CanChangeAsync(db, access, item, cancellationToken))
        {
            return ApiResults.Forbidden(Wording);
        }

        UploadLimits.Raise(http, options.Value);

        if (!http.Request.HasFormContentType)
        {
            return Problems([new("Files", "Send the files as multipart/form-data, each in a part named files")]);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Nothing was saved",
                detail: $"Upload at most {Infrastructure.Sizes.Describe(options.Value.MaxRequestBytes)} in one request.");
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return Problems([new("Files", "The upload could not be read as multipart/form-data: send each file in a part named files")]);
        }

        var result = await evidence.AddFilesAsync(access, id, form.Files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new Upload(f.FileName, f.OpenReadStream())).ToList(), cancellationToken);
        return await result.AnswerAsync(
            async _ => Results.Ok(ToResponse(await db.EvidenceItems.AsNoTracking().Include(e => e.Files).SingleAsync(e => e.Id == id, cancellationToken))), Wording);
    }

    private static async Task<IResult> DownloadAsync(Guid id, Guid fileId, HttpContext http, CurrentUser current, AppDbContext db, FileStore files, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var file = access is null ? null : await EvidenceFiles.FindAsync(db, access, id, fileId, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        await EvidenceFiles.SendAsync(http, files, file, cancellationToken);
        return Results.Empty;
    }

    private static readonly ApiWording Wording = new(
        NotSaved: "The evidence was not saved",
        NotFound: "There is no evidence with that id that you may see.",
        Forbidden: "Only the evidence's owner and the council's administrators change it.");

    private static IResult NotFound() => ApiResults.NotFound(Wording);

    private static IResult Problems(IReadOnlyList<FieldProblem> problems) => ApiResults.Problems(StatusCodes.Status400BadRequest, problems, Wording);

    private static DetailResponse ToResponse(EvidenceItem e) => new(
        e.Id, e.OrganisationId, e.Title, e.Kind.ToString(), EvidenceKinds.FamilyOf(e.Kind).ToString(), e.Summary, e.Source, e.EffectiveFrom, e.EffectiveTo, e.OwnerId, e.ReviewDate, e.Link,
        e.AddedAt, e.Files.OrderBy(f => f.UploadedAt).Select(f => new FileResponse(f.Id, f.FileName, f.ContentType, f.Length, f.UploadedAt, $"/api/v1/evidence/{e.Id}/files/{f.Id}")).ToList());

    /// <summary>An item's details; the council may be left out when the key acts for one council only, and the owner is then the caller.</summary>
    public sealed record EvidenceRequest(Guid? OrganisationId, string? Title, string? Kind, string? Summary, string? Source, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, Guid? OwnerId, DateOnly? ReviewDate, string? Link);

    public sealed record SummaryResponse(Guid Id, Guid OrganisationId, string Title, string Kind, string Family, string? Summary, DateOnly EffectiveFrom, DateOnly EffectiveTo,
        Guid OwnerId, DateOnly? ReviewDate, string? Link, int Files);

    public sealed record DetailResponse(Guid Id, Guid OrganisationId, string Title, string Kind, string Family, string? Summary, string? Source, DateOnly EffectiveFrom, DateOnly EffectiveTo,
        Guid OwnerId, DateOnly? ReviewDate, string? Link, DateTime AddedAt, IReadOnlyList<FileResponse> Files);

    public sealed record FileResponse(Guid Id, string FileName, string ContentType, long Length, DateTime UploadedAt, string Download);
}
