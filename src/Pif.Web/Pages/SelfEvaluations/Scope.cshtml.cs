using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>The named lead chooses the QIs in scope, from the pinned framework version, grouped as the framework groups them.</summary>
public sealed class ScopeModel(AppDbContext db, CurrentUser current, SelfEvaluationsService service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<Guid> Qis { get; set; } = [];

    /// <summary>Groups ticked as a whole: every QI in them is in scope.</summary>
    [BindProperty]
    public List<Guid> Groups { get; set; } = [];

    public string Title { get; private set; } = "";

    public IReadOnlyList<(Guid Id, string Group, IReadOnlyList<(Guid Id, string Name)> Qis)> Framework { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(fill: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var chosen = Qis.Concat(Framework.Where(g => Groups.Contains(g.Id)).SelectMany(g => g.Qis.Select(q => q.Id))).Distinct().ToList();
        var result = await service.SetScopeAsync((await current.GetAccessAsync(cancellationToken))!, Id, chosen, cancellationToken);
        switch (result.Outcome)
        {
            case EvaluationOutcome.Done:
                TempData["Confirmation"] = "The scope has been saved. Check that every quality indicator has someone to write on it";
                return RedirectToPage("/SelfEvaluations/Overview", new { id = Id });
            case EvaluationOutcome.NotFound:
                return NotFound();
            case EvaluationOutcome.Forbidden:
                return Forbid();
            default:
                this.AddError("Qis", result.Problems.Count > 0 ? result.Problems[0].Message : "Someone else changed the scope at the same time: check it and save again");
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var evaluation = await SelfEvaluationAccess.Visible(db, access).Where(s => s.Id == Id)
            .Select(s => new { s.Title, s.OrganisationId, s.LeadUserId, s.State, s.FrameworkVersionId, Chosen = s.QiEvaluations.Select(q => q.QualityIndicatorId).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
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
        var groups = await db.FrameworkGroups.Where(g => g.VersionId == evaluation.FrameworkVersionId).OrderBy(g => g.Position)
            .Select(g => new { g.Id, g.ParentId, g.Code, g.Title, g.Position }).ToListAsync(cancellationToken);
        var labels = await db.FrameworkVersions.Where(v => v.Id == evaluation.FrameworkVersionId).Select(v => v.SubGroupLabel ?? v.TopGroupLabel).SingleAsync(cancellationToken);
        var qis = await db.QualityIndicators.Where(q => q.VersionId == evaluation.FrameworkVersionId).OrderBy(q => q.Position)
            .Select(q => new { q.Id, q.GroupId, q.Code, q.Title }).ToListAsync(cancellationToken);
        var byId = groups.ToDictionary(g => g.Id);
        Framework = groups.Where(g => qis.Any(q => q.GroupId == g.Id))
            .OrderBy(g => g.ParentId is { } p ? byId[p].Position : g.Position).ThenBy(g => g.Position)
            .Select(g => (g.Id, $"{labels} {g.Code}: {g.Title}", (IReadOnlyList<(Guid, string)>)qis.Where(q => q.GroupId == g.Id).Select(q => (q.Id, $"{q.Code} {q.Title}")).ToList()))
            .ToList();
        if (fill)
        {
            Qis = evaluation.Chosen;
        }

        return null;
    }
}
