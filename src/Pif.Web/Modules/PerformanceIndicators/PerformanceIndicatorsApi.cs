using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators.Importing;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// The PerformanceIndicators module's part of /api/v1: the catalogue, and imports of indicator files, previewed on
/// upload and applied on commit, through the same service as the pages.
/// </summary>
public static class PerformanceIndicatorsApi
{
    private static readonly ApiWording Wording = new(
        NotSaved: "The file was not imported",
        NotFound: "There is no import with that id that you may see.",
        Forbidden: "Only national administrators import national indicator files.",
        Again: "upload it again");

    public static RouteGroupBuilder MapPerformanceIndicatorsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Performance indicators");
        group.MapGet("/indicators", CatalogueAsync).WithName("ListPerformanceIndicators")
            .WithSummary("The catalogue of performance indicators")
            .Produces<List<IndicatorResponse>>();
        group.MapGet("/indicators/{code}/values", ValuesAsync).WithName("ListPerformanceIndicatorValues")
            .WithSummary("One council's figures for an indicator by period, with Scotland's and its family group's average (organisation: its GSS code or id; from and to: first years of periods)")
            .Produces<ValuesResponse>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/indicator-imports", UploadAsync).WithName("UploadIndicatorFile").DisableAntiforgery()
            .WithSummary("Uploads an indicator file (multipart/form-data, part file) and previews it: what it would add, revise and skip, and every row's problem. Nothing is saved until it is committed. "
                + "A file of a council's own indicators (columns Code, Title, Period and Value) is imported by the council's administrators and evaluation leads; "
                + "one who imports for several councils names it in a part council (the council's id)")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/indicator-imports/{id:guid}", GetAsync).WithName("GetIndicatorImport")
            .WithSummary("An import: its preview, or once committed, what it did")
            .Produces<ImportResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/indicator-imports/{id:guid}/commit", CommitAsync).WithName("CommitIndicatorImport")
            .WithSummary("Applies a previewed import in one transaction: all of it, or nothing")
            .Produces<ImportResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> CatalogueAsync(CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicators = await PerformanceIndicatorAccess.Indicators(db, access).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        return Results.Ok(indicators.Select(i => new IndicatorResponse(i.Id, i.Code, i.Title, i.Category, i.Source.ToString(), i.MeasureType.ToString(), i.NumberFormat,
            i.Polarity.ToString(), i.PeriodType.ToString(), i.Grouping.ToString(), i.NumeratorDefinition, i.DenominatorDefinition)).ToList());
    }

    private static async Task<IResult> ValuesAsync(string code, string? organisation, int? from, int? to, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, access, code, cancellationToken);
        if (indicator is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no indicator {code} in the catalogue.");
        }

        var (council, problem) = await CouncilAsync(db, organisation, Values, cancellationToken);
        if (council is null)
        {
            return problem!;
        }

        if (from is { } first && to is { } last && last < first)
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new("To", "to must be the same year as from or later")], Values);
        }

        var series = (await IndicatorSeries.LoadAsync(db, indicator, council.Value, cancellationToken))!;
        bool InRange(int year) => (from is null || year >= from) && (to is null || year <= to);

        // The council's own targets and commentary go only to its members and link inspector, as on the pages.
        var targets = PerformanceIndicatorAccess.SeesCouncilYears(access, council.Value)
            ? (await PerformanceIndicatorAccess.CouncilYearsAsync(db, access, indicator.Id, council.Value, cancellationToken)).Where(y => InRange(y.FromYear))
                .Select(y => new TargetResponse(y.Period, y.Target, y.RedThreshold,
                    Targets.TargetRating.Rate(indicator.Polarity, series.Points.FirstOrDefault(p => p.Period == y.Period)?.Council, y.Target, y.RedThreshold)?.ToString(),
                    y.Commentary, y.UpdatedAt)).ToList()
            : null;
        return Results.Ok(new ValuesResponse(indicator.Code, indicator.Title, series.CouncilId, series.Council, series.FamilyGroup, indicator.Grouping.ToString(),
            series.Points.Where(p => InRange(p.FromYear))
                .Select(p => new ValueResponse(p.Period, p.FromYear, p.ToYear, p.Council, p.Numerator, p.Denominator, p.FamilyGroup, p.Scotland)).ToList(), targets));
    }

    /// <summary>The council an API call names as organisation, by its GSS code (current or former) or its id; otherwise the 400 that says what to give.</summary>
    internal static async Task<(Guid? Council, IResult? Problem)> CouncilAsync(AppDbContext db, string? organisation, ApiWording wording, CancellationToken cancellationToken)
    {
        var given = organisation?.Trim() ?? "";
        var id = Guid.TryParse(given, out var parsed) ? parsed : Guid.Empty;
        var gss = given.ToUpperInvariant();
        var council = given.Length == 0 ? null : await db.Organisations.Where(o => o.Kind == Organisations.OrganisationKind.Council)
            .Where(o => o.Id == id || o.Code == gss || o.FormerCode == gss)
            .Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        return council is null
            ? (null, ApiResults.Problems(StatusCodes.Status400BadRequest,
                [new("Organisation", given.Length == 0 ? "Give the council as organisation: its GSS code, such as S12000049, or its id" : $"{given} is not a council's GSS code or id")], wording))
            : (council, null);
    }

    private static readonly ApiWording Values = new(
        NotSaved: "The figures could not be read",
        NotFound: "There is no indicator with that code.",
        Forbidden: "You may not read these figures.",
        Again: "ask again");

    private static async Task<IResult> UploadAsync(HttpContext http, CurrentUser current, IndicatorImportsService imports, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;

        // Refused before the body is read, so nobody who may not import can make the server take a large upload.
        if (!PerformanceIndicatorPermissions.ImportsAny(access))
        {
            return ApiResults.Forbidden(Wording);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = imports.MaxBytes * 2;
        }

        if (!http.Request.HasFormContentType)
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new(IndicatorImportsService.FileField, "Send the file as multipart/form-data, in a part named file")], Wording);
        }

        IFormFile? file;
        string? council;
        try
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            file = form.Files.GetFile("file");
            council = form["council"].FirstOrDefault();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Wording.NotSaved,
                detail: $"The file is too large: send a file of {Sizes.Describe(imports.MaxBytes)} or less.");
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new(IndicatorImportsService.FileField, "The upload could not be read as multipart/form-data: send the file in a part named file")], Wording);
        }

        if (file is null)
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, [new(IndicatorImportsService.FileField, "Send the file in a part named file")], Wording);
        }

        if (file.Length > imports.MaxBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Wording.NotSaved,
                detail: $"The file is {Sizes.Describe(file.Length)}: send a file of {Sizes.Describe(imports.MaxBytes)} or less.");
        }

        Guid? councilId = null;
        if (!string.IsNullOrWhiteSpace(council))
        {
            if (!Guid.TryParse(council, out var parsed))
            {
                return ApiResults.Problems(StatusCodes.Status400BadRequest, [new(IndicatorImportsService.CouncilField, "Give the council as its id, as GET /api/v1/me lists your organisations")], Wording);
            }

            councilId = parsed;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var result = await imports.UploadAsync(access, file.FileName, buffer.ToArray(), cancellationToken, councilId);
        return await result.AnswerAsync(async done =>
            Results.Created($"/api/v1/indicator-imports/{done.Id}", ToResponse(await db.IndicatorImports.AsNoTracking().SingleAsync(i => i.Id == done.Id, cancellationToken))), Wording);
    }

    private static async Task<IResult> GetAsync(Guid id, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var import = await PerformanceIndicatorAccess.Imports(db, access).AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return import is null ? ApiResults.NotFound(Wording) : Results.Ok(ToResponse(import));
    }

    private static async Task<IResult> CommitAsync(Guid id, CurrentUser current, IndicatorImportsService imports, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var result = await imports.CommitAsync(access, id, cancellationToken);
        if (result.Outcome == ServiceOutcome.Locked)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The file has been imported already", detail: result.FirstMessage("The file has been imported already"));
        }

        return await result.AnswerAsync(async done =>
            Results.Ok(ToResponse(await db.IndicatorImports.AsNoTracking().SingleAsync(i => i.Id == done.Id, cancellationToken))), Wording);
    }

    private static ImportResponse ToResponse(IndicatorImport i) =>
        new(i.Id, i.FileName, i.Layout.ToString(), i.State.ToString(), i.Rows,
            IndicatorImportsService.ProblemsOf(i.Problems).Select(p => new ProblemResponse(p.Row, p.Column, p.Message)).ToList(),
            new SummaryResponse(i.Added, i.Revised, i.Unchanged, i.Skipped), IndicatorImportsService.NotesOf(i.Notes), i.CreatedAt, i.CommittedAt);

    public sealed record IndicatorResponse(Guid Id, string Code, string Title, string? Category, string Source, string MeasureType, string? NumberFormat,
        string Polarity, string PeriodType, string Grouping, string? Numerator, string? Denominator);

    /// <summary>
    /// A council's figures by period; a percentage is a fraction (0.82 for 82 %), as LGBF publishes it. Targets: the
    /// council's targets and commentary by period, for its members and link inspector; null for anyone else.
    /// </summary>
    public sealed record ValuesResponse(string Code, string Title, Guid OrganisationId, string Organisation, int? FamilyGroup, string Grouping, IReadOnlyList<ValueResponse> Values,
        IReadOnlyList<TargetResponse>? Targets);

    /// <summary>A period's target and red threshold (on the indicator's scale), the figure's rating against them (Green, Amber, Red; null when not rated) and the commentary.</summary>
    public sealed record TargetResponse(string Period, double? Target, double? RedThreshold, string? Rag, string? Commentary, DateTime UpdatedAt);

    public sealed record ValueResponse(string Period, int FromYear, int ToYear, double? Value, double? Numerator, double? Denominator, double? FamilyGroupAverage, double? Scotland);

    /// <summary>An import: before commit, what it would do; after, what it did.</summary>
    public sealed record ImportResponse(Guid Id, string FileName, string Layout, string State, int Rows, IReadOnlyList<ProblemResponse> Problems,
        SummaryResponse Summary, IReadOnlyList<string> Notes, DateTime UploadedAt, DateTime? CommittedAt);

    public sealed record ProblemResponse(int Row, string Column, string Message);

    public sealed record SummaryResponse(int Added, int Revised, int Unchanged, int Skipped);
}
