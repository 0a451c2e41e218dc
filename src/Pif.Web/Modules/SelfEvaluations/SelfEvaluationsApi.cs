using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>The SelfEvaluations module's part of /api/v1: the self-evaluations the caller may see, and one in full.</summary>
public static class SelfEvaluationsApi
{
    public static RouteGroupBuilder MapSelfEvaluationsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("").WithTags("Self-evaluations");
        group.MapGet("/self-evaluations", ListAsync).WithName("ListSelfEvaluations")
            .WithSummary("The self-evaluations you may see, newest first")
            .Produces<List<SummaryResponse>>();
        group.MapGet("/self-evaluations/{id:guid}", GetAsync).WithName("GetSelfEvaluation")
            .WithSummary("One self-evaluation in full: its QIs, records, comments and validation decisions, as far as you may see them")
            .Produces<DetailResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (access is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required");
        }

        var list = await SelfEvaluationAccess.Visible(db, access).OrderByDescending(s => s.CreatedAt)
            .Select(s => new SummaryResponse(s.Id, s.OrganisationId, db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First(), s.Title,
                s.State.ToString(), db.FrameworkVersions.Where(v => v.Id == s.FrameworkVersionId).Select(v => v.Framework.Code).First(),
                db.FrameworkVersions.Where(v => v.Id == s.FrameworkVersionId).Select(v => v.Number).First(),
                s.PeriodStart, s.PeriodEnd, s.DueDate, s.LeadUserId, s.QiEvaluations.Count))
            .ToListAsync(cancellationToken);
        return Results.Ok(list);
    }

    private static async Task<IResult> GetAsync(Guid id, CurrentUser current, AppDbContext db, CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        var evaluation = access is null ? null : await SelfEvaluationAccess.Visible(db, access).Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.State,
                s.ServiceAreas,
                s.PeriodStart,
                s.PeriodEnd,
                s.DueDate,
                s.LeadUserId,
                s.OrganisationId,
                s.FirstSubmittedAt,
                s.SubmittedAt,
                s.FrameworkVersionId,
                s.Submissions,
                s.ReturnedAt,
                s.ReturnReason,
                s.ValidationStrengths,
                s.ValidationImprovements,
                s.ValidatedAt,
                s.PublishedAt,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (evaluation is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no self-evaluation with that id that you may see.");
        }

        var framework = await db.FrameworkVersions.Where(v => v.Id == evaluation.FrameworkVersionId).Select(v => new { v.Framework.Code, v.Number }).SingleAsync(cancellationToken);
        var qis = await db.QiEvaluations.AsNoTracking().AsSplitQuery().Where(q => q.SelfEvaluationId == id).OrderBy(q => q.Position)
            .Include(q => q.Assignments).Include(q => q.Records).ThenInclude(r => r.Items).Include(q => q.Comments).Include(q => q.Decisions)
            .ToListAsync(cancellationToken);
        var working = await SelfEvaluationAccess.SeesWorkingAsync(db, access!, id, evaluation.OrganisationId, cancellationToken);
        var profile = await GradeProfiles.LoadAsync(db, access!, id, cancellationToken);
        var deciding = SelfEvaluation.DecidingSubmission(evaluation.State, evaluation.Submissions);
        var decided = SelfEvaluationAccess.SeesCurrentDecisions(access!, evaluation.OrganisationId, evaluation.State);
        var summaryShown = evaluation.State is SelfEvaluationState.Validated or SelfEvaluationState.Published || SelfEvaluationAccess.IsLinkInspector(access!, evaluation.OrganisationId);
        var titles = await db.QiEvaluations.Where(q => q.SelfEvaluationId == id)
            .Join(db.QualityIndicators, q => q.QualityIndicatorId, i => i.Id, (q, i) => new { q.Id, i.Title }).ToDictionaryAsync(x => x.Id, x => x.Title, cancellationToken);
        return Results.Ok(new DetailResponse(
            evaluation.Id, evaluation.OrganisationId, evaluation.Title, evaluation.State.ToString(), framework.Code, framework.Number,
            SelfEvaluationWording.AllAreas.Where(a => evaluation.ServiceAreas.HasFlag(a)).Select(a => a.ToString()).ToList(),
            evaluation.PeriodStart, evaluation.PeriodEnd, evaluation.DueDate, evaluation.LeadUserId, evaluation.FirstSubmittedAt, evaluation.SubmittedAt,
            working ? evaluation.Submissions : null, working ? evaluation.ReturnedAt : null, working ? evaluation.ReturnReason : null,
            summaryShown ? new SummaryOfValidation(evaluation.ValidationStrengths, evaluation.ValidationImprovements, evaluation.ValidatedAt, evaluation.PublishedAt,
                profile.Rows.Where(r => r.Validated is not null && r.Validated != r.Agreed).Select(r => r.Code).ToList()) : null,
            new AgreementResponse(profile.Agreement.Pairs, profile.Agreement.ExactRate, profile.Agreement.ObservedWeighted, profile.Agreement.ExpectedWeighted,
                profile.Agreement.WeightedKappa, profile.Agreement.Unavailable?.ToString()),
            qis.Select(q =>
            {
                var agreed = q.Records.SingleOrDefault(r => r.Kind == RecordKind.Agreed);
                var contributions = q.Records.Where(r => r.Kind == RecordKind.Contribution).ToList();
                var progress = QiProgressRules.Of(agreed?.Grade is not null, q.Assignments.Select(a => a.UserId).ToList(),
                    contributions.Select(c => (c.AuthorId!.Value, c.IsComplete)).ToList(), q.Records.Count > 0);
                var row = profile.Rows.Single(r => r.QiEvaluationId == q.Id);
                return new QiResponse(q.Id, q.QiCode, titles[q.Id], progress.ToString(), working ? q.Assignments.Select(a => a.UserId).ToList() : [],
                    working ? contributions.Select(ToResponse).ToList() : [], agreed is null ? null : ToResponse(agreed),
                    row.Validated, row.Previous, row.Change?.ToString(),
                    working ? q.Comments.OrderBy(c => c.At).Select(c => new CommentResponse(c.Id, c.AuthorId, c.Kind.ToString(), c.Text, c.At, c.Submission)).ToList() : [],
                    q.Decisions.Where(d => (working && d.Submission < deciding) || (decided && d.Submission == deciding)).OrderBy(d => d.Submission)
                        .Select(d => new DecisionResponse(d.Submission, d.Submission == deciding, d.Agrees, d.Grade, d.AgreedGrade, d.Reasons, d.InspectorId, d.DecidedAt, d.CarriedFromSubmission)).ToList());
            }).ToList()));
    }

    private static RecordResponse ToResponse(EvaluationRecord r) => new(
        r.AuthorId, r.HowAreWeDoing, r.HowDoWeKnow, r.WhatNext,
        r.Items.Where(i => i.Kind == ItemKind.Strength).OrderBy(i => i.Position).Select(i => i.Text).ToList(),
        r.Items.Where(i => i.Kind == ItemKind.AreaForImprovement).OrderBy(i => i.Position).Select(i => i.Text).ToList(),
        r.Grade, r.Rationale, r.Confidence?.ToString(), r.Kind == RecordKind.Contribution ? r.IsComplete : null, r.GradeReason, r.UpdatedAt);

    public sealed record SummaryResponse(Guid Id, Guid OrganisationId, string Council, string Title, string State, string Framework, int FrameworkVersion,
        DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, Guid LeadUserId, int QualityIndicators);

    public sealed record DetailResponse(Guid Id, Guid OrganisationId, string Title, string State, string Framework, int FrameworkVersion, IReadOnlyList<string> ServiceAreas,
        DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, Guid LeadUserId, DateTime? FirstSubmittedAt, DateTime? SubmittedAt,
        int? Submissions, DateTime? ReturnedAt, string? ReturnReason, SummaryOfValidation? ValidationSummary, AgreementResponse Agreement, IReadOnlyList<QiResponse> QualityIndicators);

    /// <summary>Contributions, assignees and comments are the council's working: empty for a viewer, as on the pages.</summary>
    public sealed record QiResponse(Guid Id, string Code, string Title, string Progress, IReadOnlyList<Guid> Assignees, IReadOnlyList<RecordResponse> Contributions, RecordResponse? Agreed,
        int? ValidatedGrade, int? PreviousGrade, string? ChangeSincePrevious, IReadOnlyList<CommentResponse> Comments, IReadOnlyList<DecisionResponse> Decisions);

    public sealed record CommentResponse(Guid Id, Guid AuthorId, string Kind, string Text, DateTime At, int Submission);

    /// <summary>
    /// A validation decision; <c>Current</c> is false for one made on a returned submission. The council reads those on the
    /// submission in hand once validated, as on the pages.
    /// </summary>
    public sealed record DecisionResponse(int Submission, bool Current, bool Agrees, int Grade, int AgreedGrade, string? Reasons, Guid InspectorId, DateTime DecidedAt, int? CarriedFromSubmission);

    public sealed record SummaryOfValidation(string? Strengths, string? Improvements, DateTime? ValidatedAt, DateTime? PublishedAt, IReadOnlyList<string> ChangedGrades);

    /// <summary>Exact agreement and linear-weighted kappa between agreed and validated grades; kappa is null with the reason when too few.</summary>
    public sealed record AgreementResponse(int Pairs, double? ExactRate, double? ObservedWeighted, double? ExpectedWeighted, double? WeightedKappa, string? KappaUnavailable);

    public sealed record RecordResponse(Guid? AuthorId, string? HowAreWeDoing, string? HowDoWeKnow, string? WhatNext, IReadOnlyList<string> Strengths,
        IReadOnlyList<string> AreasForImprovement, int? Grade, string? Rationale, string? Confidence, bool? IsComplete, string? GradeReason, DateTime UpdatedAt);
}
