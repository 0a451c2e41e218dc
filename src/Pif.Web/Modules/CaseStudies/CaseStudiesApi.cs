using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.CaseStudies;

/// <summary>The CaseStudies module's part of /api/v1: search over published case studies, and one published case study whole.</summary>
public static class CaseStudiesApi
{
    private static readonly ApiWording Wording = new(
        NotSaved: "The search was not run",
        NotFound: "There is no published case study with that id.",
        Forbidden: "You may not read case studies.");

    public static RouteGroupBuilder MapCaseStudiesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Case studies");
        group.MapGet("/case-studies", SearchAsync).WithName("SearchCaseStudies")
            .WithSummary("Published case studies, best match first when q is given (every word must match), newest first otherwise; qi is a framework code and QI code such as PIF 5.2, serviceArea one of ChildrenAndFamilies, AdultServices, JusticeSocialWork, WholeService; 20 a page")
            .Produces<SearchResponse>().ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/case-studies/{id:guid}", GetAsync).WithName("GetCaseStudy")
            .WithSummary("One published case study: its published revision, with its sections in Markdown and its links")
            .Produces<CaseStudyResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> SearchAsync(string? q, string? qi, string? serviceArea, int? page, CaseStudySearch search, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        if (CaseStudySearch.Refusal(q) is { } refusal)
        {
            problems.Add(new("q", refusal));
        }

        ServiceAreas? area = null;
        if (!string.IsNullOrWhiteSpace(serviceArea))
        {
            if (Enum.TryParse<ServiceAreas>(serviceArea, ignoreCase: true, out var parsed) && parsed != ServiceAreas.None && Enum.IsDefined(parsed) && !serviceArea.Contains(',', StringComparison.Ordinal) && !int.TryParse(serviceArea, out _))
            {
                area = parsed;
            }
            else
            {
                problems.Add(new("serviceArea", "Give serviceArea as ChildrenAndFamilies, AdultServices, JusticeSocialWork or WholeService"));
            }
        }

        string? qiKey = null;
        if (!string.IsNullOrWhiteSpace(qi))
        {
            var parts = qi.Trim().Split([' ', '|'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                qiKey = $"{parts[0].ToUpperInvariant()}|{parts[1]}";
            }
            else
            {
                problems.Add(new("qi", "Give qi as a framework code and a QI code, such as PIF 5.2"));
            }
        }

        if (page is < 1)
        {
            problems.Add(new("page", "Give page as 1 or more"));
        }

        if (problems.Count > 0)
        {
            return ApiResults.Problems(StatusCodes.Status400BadRequest, problems, Wording with { Again = "search again" });
        }

        var results = await search.SearchAsync(q, new CaseStudyFilters(Qi: qiKey, Area: area), page ?? 1, cancellationToken);
        return Results.Ok(new SearchResponse(
            results.Total, results.Page, results.Pages,
            [.. results.Hits.Select(h => new CaseStudySummary(h.Id, h.Title, h.Summary, h.OrganisationId, h.Council, h.Year, Areas(h.Areas), h.IsDemonstration, h.PublishedAt))]));
    }

    private static async Task<IResult> GetAsync(Guid id, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var view = await CaseStudyReading.LoadAsync(db, access, id, null, cancellationToken);
        if (view is null || !view.IsPublic)
        {
            return ApiResults.NotFound(Wording);
        }

        // Its writers and reviewers may be looking at a later draft; the API gives the published words to everyone.
        if (view.Revision.Number != view.PublishedRevision)
        {
            view = (await CaseStudyReading.LoadAsync(db, access, id, view.PublishedRevision, cancellationToken))!;
        }

        var r = view.Revision;
        return Results.Ok(new CaseStudyResponse(
            view.Id, r.Number, r.Title, r.Summary, view.OrganisationId, view.Council, view.OtherCouncils, r.Year, Areas(r.Areas), view.IsDemonstration, r.PublishedAt!.Value,
            r.Problem, r.WhatWasDone, r.Results, r.WhatHelped, r.WhatGotInTheWay, r.CostAndResources, r.ContactRole,
            [.. view.Qis.Select(q => new QiReference(q.Framework, q.Qi))],
            [.. view.Indicators.Select(i => new IndicatorReference(i.Code, i.Title, i.Result is { } c ? new IndicatorChange(c.Before, c.BeforeValue, c.After, c.AfterValue, c.Direction) : null))],
            [.. view.Actions.Select(a => new ActionReference(a.PlanTitle, a.Number, a.Description))],
            [.. view.Outcomes.Select(o => new OutcomeReference(o.Set, o.Number, o.Title))],
            [.. view.Evidence.SelectMany(e => e.Files.Select(f => new FileReference(e.Title, f.Name, f.Length, $"/case-studies/{view.Id}/files/{f.Id}?revision={r.Number}")))]));
    }

    private static List<string> Areas(ServiceAreas areas) =>
        [.. Enum.GetValues<ServiceAreas>().Where(a => a != ServiceAreas.None && areas.HasFlag(a)).Select(a => a.ToString())];

    public sealed record SearchResponse(int Total, int Page, int Pages, IReadOnlyList<CaseStudySummary> CaseStudies);

    public sealed record CaseStudySummary(Guid Id, string Title, string Summary, Guid OrganisationId, string Council, int Year, IReadOnlyList<string> ServiceAreas, bool IsDemonstration, DateTime PublishedAt);

    /// <summary>A published case study; its sections are Markdown as the council wrote them.</summary>
    public sealed record CaseStudyResponse(
        Guid Id, int Revision, string Title, string Summary, Guid OrganisationId, string Council, IReadOnlyList<string> OtherCouncils, int Year,
        IReadOnlyList<string> ServiceAreas, bool IsDemonstration, DateTime PublishedAt, string Problem, string WhatWasDone, string Results,
        string? WhatHelped, string? WhatGotInTheWay, string? CostAndResources, string ContactRole, IReadOnlyList<QiReference> QualityIndicators,
        IReadOnlyList<IndicatorReference> PerformanceIndicators, IReadOnlyList<ActionReference> ImprovementActions,
        IReadOnlyList<OutcomeReference> NationalOutcomes, IReadOnlyList<FileReference> EvidenceFiles);

    public sealed record QiReference(string Framework, string Qi);

    /// <summary>An indicator the work moved, with the council's figures before and after when the case study gives the periods.</summary>
    public sealed record IndicatorReference(string Code, string Title, IndicatorChange? Change);

    /// <summary>The council's figures as the indicator writes them, and whether the change was Better, Worse, No change, or (for an indicator with no better direction) Higher or Lower.</summary>
    public sealed record IndicatorChange(string BeforePeriod, string BeforeValue, string AfterPeriod, string AfterValue, string Direction);

    public sealed record ActionReference(string Plan, int Number, string Description);

    public sealed record OutcomeReference(string Set, int Number, string Title);

    /// <summary>A shared evidence file, downloaded with the same sign-in from its address.</summary>
    public sealed record FileReference(string Evidence, string Name, long Length, string Address);
}
