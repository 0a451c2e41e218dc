using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Validation;

/// <summary>The link inspector's validation of a submission: a decision per QI, the validation summary, and validating.</summary>
public sealed class ValidationModel(AppDbContext db, Pif.Web.Modules.Frameworks.ScaleLevelsCache scales, CurrentUser current, ValidationService validation, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Strengths { get; set; }

    [BindProperty]
    public string? Improvements { get; set; }

    public OverviewData Data { get; private set; } = null!;

    /// <summary>For each QI evaluation, its decision on the latest returned submission.</summary>
    public IReadOnlyDictionary<Guid, ValidationDecision> Earlier { get; private set; } = new Dictionary<Guid, ValidationDecision>();

    public bool Open => Data.Details.State == SelfEvaluationState.Submitted;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        (Strengths, Improvements) = (Data.Details.ValidationStrengths, Data.Details.ValidationImprovements);
        return Page();
    }

    public Task<IActionResult> OnPostSummaryAsync(CancellationToken cancellationToken) =>
        ActAsync((a, ct) => validation.SaveSummaryAsync(a, Id, Strengths, Improvements, ct), _ => "The validation summary has been saved", stay: true, cancellationToken);

    public Task<IActionResult> OnPostCarryForwardAsync(CancellationToken cancellationToken) =>
        ActAsync((a, ct) => validation.CarryForwardAsync(a, Id, ct),
            r => $"{(r.Count == 1 ? "1 earlier decision has" : $"{r.Count} earlier decisions have")} been recorded again for this submission", stay: true, cancellationToken);

    /// <summary>Saves the summary as typed, then goes to the check before validating: what the inspector wrote is never lost to a missed save.</summary>
    public Task<IActionResult> OnPostValidateAsync(CancellationToken cancellationToken) =>
        ActAsync(
            async (a, ct) => await validation.SaveSummaryAsync(a, Id, Strengths, Improvements, ct) is { Succeeded: false } refused ? refused : await validation.CheckReadyAsync(a, Id, ct),
            _ => null,
            stay: false,
            cancellationToken);

    /// <summary>Takes the action; then stays here with the confirmation, or (with none) goes on to the check before validating.</summary>
    private async Task<IActionResult> ActAsync(Func<UserAccess, CancellationToken, Task<ServiceResult>> action, Func<ServiceResult, string?> confirmation, bool stay, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await action((await current.GetAccessAsync(cancellationToken))!, cancellationToken);
        return await this.AnswerAsync(result, r =>
        {
            if (confirmation(r) is { } message)
            {
                this.Confirm(message);
            }

            return stay ? RedirectToPage(new { Id }) : RedirectToPage("/SelfEvaluations/Confirm", new { Id, step = ConfirmModel.Validate });
        }, async () => await LoadAsync(cancellationToken) ?? Page(), field => field is "Strengths" or "Improvements" ? field : "Decisions",
            "Someone else changed this self-evaluation at the same time: check it below and try again");
    }

    /// <summary>Loads the self-evaluation for its link inspector: 404 for anyone who may not see it, 403 for anyone else who may.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var data = await OverviewData.LoadAsync(db, scales, access, Id, Dates.LondonToday(clock), cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        if (!SelfEvaluationAccess.IsLinkInspector(access, data.Details.OrganisationId))
        {
            return Forbid();
        }

        Data = data;
        var submission = SelfEvaluation.DecidingSubmission(data.Details.State, data.Details.Submissions);
        Earlier = (await db.ValidationDecisions.AsNoTracking().Where(d => d.Submission < submission)
                .Join(db.QiEvaluations.Where(q => q.SelfEvaluationId == Id), d => d.QiEvaluationId, q => q.Id, (d, _) => d).ToListAsync(cancellationToken))
            .GroupBy(d => d.QiEvaluationId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.Submission)!);
        return null;
    }
}
