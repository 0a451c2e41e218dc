using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>
/// "Check before you send" for the steps that cannot be undone by the person taking them: the lead submits
/// to the link inspector, the inspector validates, the lead publishes. The page says what will happen and
/// what can no longer change, and the step is taken only from here.
/// </summary>
public sealed class ConfirmModel(AppDbContext db, Pif.Web.Modules.Frameworks.ScaleLevelsCache scales, CurrentUser current, SelfEvaluationsService service, ValidationService validation, TimeProvider clock) : PageModel
{
    public const string Submit = "submit";
    public const string Validate = "validate";
    public const string Publish = "publish";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Step { get; set; } = "";

    public OverviewData Data { get; private set; } = null!;

    /// <summary>The council's link inspector now, for the lead to know who will read it.</summary>
    public string? Inspector { get; private set; }

    /// <summary>Whether the self-evaluation is in the state this step starts from.</summary>
    public bool Ready => Data.Details.State == Step switch
    {
        Submit => SelfEvaluationState.InProgress,
        Validate => SelfEvaluationState.Submitted,
        _ => SelfEvaluationState.Validated,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var access = (await current.GetAccessAsync(cancellationToken))!;
        var result = Step switch
        {
            Submit => await service.SubmitAsync(access, Id, cancellationToken),
            Validate => await validation.ValidateAsync(access, Id, cancellationToken),
            _ => await service.PublishAsync(access, Id, cancellationToken),
        };
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm(Step switch
            {
                Submit => "The self-evaluation has been submitted to your link inspector",
                Validate => "The self-evaluation has been validated: the council's lead can now publish it",
                _ => "The self-evaluation has been published to your council's viewers",
            });
            return RedirectToPage("/SelfEvaluations/Overview", new { Id });
        }, async () => await LoadAsync(cancellationToken) ?? Page(), _ => "Step", "Someone else changed this self-evaluation at the same time: check it below and try again");
    }

    /// <summary>404 for anyone who may not see the self-evaluation; 403 for anyone who sees it but does not take this step.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var data = await OverviewData.LoadAsync(db, scales, access, Id, Dates.LondonToday(clock), cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        var details = data.Details;
        if (Step == Validate ? !SelfEvaluationAccess.IsLinkInspector(access, details.OrganisationId) : !SelfEvaluationPermissions.Leads(access, details.LeadUserId, details.OrganisationId))
        {
            return Forbid();
        }

        Data = data;
        Inspector = await db.LinkInspectorAssignments.Where(a => a.CouncilId == details.OrganisationId && a.Until == null)
            .Join(db.Users, a => a.InspectorId, u => u.Id, (_, u) => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return null;
    }
}
