using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>The named lead chooses which contributors write on each QI: a grid of QIs by contributors.</summary>
public sealed class AssignmentsModel(AppDbContext db, CurrentUser current, SelfEvaluationsService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Ticked boxes, each "qiEvaluationId:userId".</summary>
    [BindProperty]
    public List<string> Assigned { get; set; } = [];

    public string Title { get; private set; } = "";

    public IReadOnlyList<(Guid Id, string Name)> Contributors { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Qis { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(fill: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var wanted = Qis.ToDictionary(q => q.Id, q => (IReadOnlySet<Guid>)Assigned
            .Select(a => a.Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[0], out var qi) && qi == q.Id && Guid.TryParse(p[1], out _))
            .Select(p => Guid.Parse(p[1])).ToHashSet());
        var result = await service.AssignAsync((await current.GetAccessAsync(cancellationToken))!, Id, wanted, cancellationToken);
        switch (result.Outcome)
        {
            case EvaluationOutcome.Done:
                TempData["Confirmation"] = "The assignments have been saved";
                return RedirectToPage("/SelfEvaluations/Overview", new { id = Id });
            case EvaluationOutcome.NotFound:
                return NotFound();
            case EvaluationOutcome.Forbidden:
                return Forbid();
            default:
                this.AddError("Assigned", result.Problems.Count > 0 ? result.Problems[0].Message : "Someone else changed the assignments at the same time: check them and save again");
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var evaluation = await SelfEvaluationAccess.Visible(db, access).Where(s => s.Id == Id)
            .Select(s => new { s.Title, s.OrganisationId, s.LeadUserId, s.State }).SingleOrDefaultAsync(cancellationToken);
        if (evaluation is null)
        {
            return NotFound();
        }

        if (evaluation.LeadUserId != access.UserId || !access.Has(OrganisationRole.EvaluationLead, evaluation.OrganisationId)
            || evaluation.State is not (SelfEvaluationState.Draft or SelfEvaluationState.InProgress))
        {
            return Forbid();
        }

        Title = evaluation.Title;
        Contributors = (await service.Contributors(evaluation.OrganisationId).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        var qis = await db.QiEvaluations.Where(q => q.SelfEvaluationId == Id).OrderBy(q => q.Position)
            .Select(q => new { q.Id, q.QiCode, Title = db.QualityIndicators.Where(i => i.Id == q.QualityIndicatorId).Select(i => i.Title).First(), Users = q.Assignments.Select(a => a.UserId).ToList() })
            .ToListAsync(cancellationToken);
        Qis = qis.Select(q => (q.Id, $"{q.QiCode} {q.Title}")).ToList();
        if (fill)
        {
            Assigned = qis.SelectMany(q => q.Users.Select(u => $"{q.Id}:{u}")).ToList();
        }

        return null;
    }
}
