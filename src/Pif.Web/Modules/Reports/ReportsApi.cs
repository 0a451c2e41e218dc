using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Reports;

/// <summary>The Reports module's part of /api/v1: a self-evaluation's report in HTML, Word or PDF.</summary>
public static class ReportsApi
{
    private static readonly ApiWording Wording = new(
        NotSaved: "No report was made",
        NotFound: "There is no self-evaluation with that id that you can read.",
        Forbidden: "You may not read self-evaluations.");

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Reports");
        group.MapGet("/self-evaluations/{id:guid}/report", ReportAsync).WithName("GetSelfEvaluationReport")
            .WithSummary("A self-evaluation's report as format html (a document with its styles inside it), docx (Word) or pdf (tagged, with bookmarks): the same report the page shows, with the same redactions (a viewer's copy has no contributions and no support and challenge)")
            .Produces<Stream>(StatusCodes.Status200OK, "text/html", ReportFiles.DocxType, "application/pdf")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<IResult> ReportAsync(Guid id, string? format, HttpContext http, CurrentUser current, ReportFiles files, CancellationToken cancellationToken)
    {
        if (ReportFiles.Parse(format ?? "html") is not { } parsed)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: Wording.NotSaved, detail: $"There is no report format \"{format}\": give format as html, docx or pdf.");
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        try
        {
            var file = await files.ProduceAsync(http, access, id, parsed, cancellationToken);
            return file is null ? ApiResults.NotFound(Wording) : Results.File(file.Content, file.ContentType, file.FileName);
        }
        catch (PdfUnavailableException)
        {
            return Results.Problem(PdfUnavailableException.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "No PDF printer");
        }
    }
}
