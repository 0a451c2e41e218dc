using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Modules.PerformanceIndicators.Analysis;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>A self-evaluation at a glance: each QI's progress, what is left, and the lead's next steps.</summary>
public sealed class OverviewModel(AppDbContext db, DataCache cache, Pif.Web.Modules.Frameworks.ScaleLevelsCache scales, CurrentUser current, SelfEvaluationsService service, ValidationService validation, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Filters: a progress state, and an assignee.</summary>
    [BindProperty(SupportsGet = true)]
    public QiProgress? Progress { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool ConfirmDelete { get; set; }

    public OverviewData Data { get; private set; } = null!;

    public IReadOnlyList<OverviewData.QiRow> Shown { get; private set; } = [];

    public bool IsLead { get; private set; }

    public bool IsOrganisationAdministrator { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Leads { get; private set; } = [];

    public bool HasLinkInspector { get; private set; }

    public bool IsInspector { get; private set; }

    /// <summary>Where grades sit badly with the linked performance indicators, by QI code, for the lead and the link inspector.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DataWarnings { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The improvement plan that answers it, when the user sees one.</summary>
    public Guid? PlanId { get; private set; }

    /// <summary>Whether the user may make its improvement plan now.</summary>
    public bool CanPlan { get; private set; }

    /// <summary>The inspector's reason for returning it, kept when the return is refused.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostBeginAsync(CancellationToken cancellationToken) =>
        ActAsync((a, ct) => service.BeginAsync(a, Id, ct), "The self-evaluation is in progress: contributors can now write", cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        ActAsync((a, ct) => validation.ReturnAsync(a, Id, Reason, ct), "The self-evaluation has been returned to the council with your reason", cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(Guid leadUserId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => service.ReassignLeadAsync(a, Id, leadUserId, ct), "The named lead has been changed", cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken) =>
        ActAsync((a, ct) => service.DeleteAsync(a, Id, ct), "The draft self-evaluation has been deleted", cancellationToken, toList: true);

    private async Task<IActionResult> ActAsync(Func<UserAccess, CancellationToken, Task<ServiceResult>> action, string confirmation, CancellationToken cancellationToken, bool toList = false)
    {
        var result = await action((await current.GetAccessAsync(cancellationToken))!, cancellationToken);
        ConfirmDelete = false;
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm(confirmation);
            return toList ? RedirectToPage("/SelfEvaluations/Index") : RedirectToPage(new { Id });
        }, async () => await LoadAsync(cancellationToken) ? Page() : NotFound(), field => field is "LeadUserId" or "Reason" ? field : "State",
            "Someone else changed this self-evaluation at the same time: check it below and try again");
    }

    /// <summary>The grades each QI's evidence must bear: the agreed grade once there is one, until then the proposed ones.</summary>
    private async Task<Dictionary<string, IReadOnlyList<int>>> GradesAsync(OverviewData data, CancellationToken cancellationToken)
    {
        var ids = data.Qis.Where(q => q.AgreedGrade is null).Select(q => q.Id).ToList();
        var proposed = (await db.EvaluationRecords.Where(r => ids.Contains(r.QiEvaluationId) && r.Kind == RecordKind.Contribution && r.Grade != null)
                .Select(r => new { r.QiEvaluationId, Grade = r.Grade!.Value }).ToListAsync(cancellationToken))
            .ToLookup(r => r.QiEvaluationId, r => r.Grade);
        return data.Qis.ToDictionary(q => q.Code, q => q.AgreedGrade is { } agreed ? [agreed] : (IReadOnlyList<int>)proposed[q.Id].ToList(), StringComparer.Ordinal);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var data = await OverviewData.LoadAsync(cache, db, scales, access, Id, Dates.LondonToday(clock), cancellationToken);
        if (data is null)
        {
            return false;
        }

        Data = data;
        var details = data.Details;
        IsLead = SelfEvaluationPermissions.Leads(access, details.LeadUserId, details.OrganisationId);
        IsOrganisationAdministrator = SelfEvaluationAccess.IsOrganisationAdministrator(access, details.OrganisationId);
        IsInspector = SelfEvaluationAccess.IsLinkInspector(access, details.OrganisationId);
        // A validated or published one shows no filters, so none applies.
        var settled = details.State is SelfEvaluationState.Validated or SelfEvaluationState.Published;
        Shown = data.Qis.Where(q => settled || ((Progress is null || q.Progress == Progress) && (Assignee is null || q.Assignees.Any(a => a.Id == Assignee)))).ToList();
        HasLinkInspector = details.HasLinkInspector;
        if (PlanSource.IsPlannable(details.State))
        {
            PlanId = await cache.GetAsync((typeof(ImprovementPlanAccess), access.UserId, Id),
                ct => ImprovementPlanAccess.Visible(db, access).Where(p => p.SelfEvaluationId == Id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct), cancellationToken);
            CanPlan = PlanId is null && ImprovementPlanPermissions.Manages(access, details.OrganisationId);
        }
        if (IsLead || IsInspector)
        {
            // The same for the lead and the link inspector: kept for the self-evaluation.
            DataWarnings = await cache.GetAsync((typeof(GradeDataWarnings), Id), async ct =>
            {
                var evidenced = await EvidencedIndicators.CodesAsync(db, data.Qis.Select(q => q.Id).ToList(), ct);
                return await GradeDataWarnings.ForEvaluationAsync(db, details.OrganisationId, details.FrameworkCode, await GradesAsync(data, ct),
                    data.Qis.ToDictionary(q => q.Code, q => (IReadOnlyList<string>)evidenced[q.Id].ToList(), StringComparer.Ordinal), ct);
            }, cancellationToken);
        }

        if (IsOrganisationAdministrator)
        {
            Leads = await cache.GetAsync((typeof(OverviewModel), "leads", details.OrganisationId), async ct =>
                (IReadOnlyList<(Guid Id, string Name)>)(await db.Memberships.Where(m => m.OrganisationId == details.OrganisationId && m.Role == OrganisationRole.EvaluationLead)
                        .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName }).OrderBy(u => u.DisplayName).ToListAsync(ct))
                    .Select(u => (u.Id, u.DisplayName)).ToList(), cancellationToken);
        }

        return true;
    }
}
