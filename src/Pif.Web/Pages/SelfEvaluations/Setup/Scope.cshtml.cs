using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Setup;

/// <summary>The named lead chooses the QIs in scope, from the pinned framework version, grouped as the framework groups them.</summary>
public sealed class ScopeModel(AppDbContext db, CurrentUser current, SelfEvaluationsService service) : LeadPage(db, current)
{
    [BindProperty]
    public List<Guid> Qis { get; set; } = [];

    /// <summary>Groups whose "all of this group" box is ticked now.</summary>
    [BindProperty]
    public List<Guid> Groups { get; set; } = [];

    /// <summary>
    /// Groups whose box was ticked when the page was shown. Without JavaScript, the change to a group's
    /// box is what counts: ticked puts the whole group in scope, unticked takes it out. The script keeps
    /// the boxes in step as people tick, so it drops these.
    /// </summary>
    [BindProperty]
    public List<Guid> GroupsShownWhole { get; set; } = [];

    /// <summary>What "Select all" or "Clear all" did to the boxes, to be saved.</summary>
    public string? Selection { get; private set; }

    public IReadOnlyList<(Guid Id, string Group, IReadOnlyList<(Guid Id, string Name)> Qis)> Framework { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(fill: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var chosen = Qis.ToHashSet();
        foreach (var (group, _, qis) in Framework)
        {
            var ticked = Groups.Contains(group);
            if (ticked != GroupsShownWhole.Contains(group))
            {
                foreach (var (qi, _) in qis)
                {
                    _ = ticked ? chosen.Add(qi) : chosen.Remove(qi);
                }
            }
        }

        var result = await service.SetScopeAsync(Access, Id, chosen.ToList(), cancellationToken);
        return Saved(result, "The scope has been saved. Check that every quality indicator has someone to write on it", "Qis");
    }

    /// <summary>"Select all" and "Clear all" without JavaScript: the boxes change on the page, and nothing is saved until "Save the scope".</summary>
    public async Task<IActionResult> OnPostSelectAsync(string? to, CancellationToken cancellationToken)
    {
        if (await LoadAsync(fill: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var all = Framework.SelectMany(g => g.Qis.Select(q => q.Id)).ToList();
        if (to == "all")
        {
            Qis = all;
            Selection = "Every quality indicator is ticked. Save the scope to keep this.";
        }
        else
        {
            Qis = await Db.QiEvaluations.Where(q => q.SelfEvaluationId == Id && q.Records.Any()).Select(q => q.QualityIndicatorId).ToListAsync(cancellationToken);
            Selection = Qis.Count == 0
                ? "Every quality indicator is cleared. Tick those in scope, then save the scope."
                : "Every quality indicator is cleared, except those someone has written on, which stay in scope. Tick those in scope, then save the scope.";
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var (refusal, _, versionId) = await LeadsAsync(cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var groups = await Db.FrameworkGroups.Where(g => g.VersionId == versionId).OrderBy(g => g.Position)
            .Select(g => new { g.Id, g.ParentId, g.Code, g.Title, g.Position }).ToListAsync(cancellationToken);
        var labels = await Db.FrameworkVersions.Where(v => v.Id == versionId).Select(v => v.SubGroupLabel ?? v.TopGroupLabel).SingleAsync(cancellationToken);
        var qis = await Db.QualityIndicators.Where(q => q.VersionId == versionId).OrderBy(q => q.Position)
            .Select(q => new { q.Id, q.GroupId, q.Code, q.Title }).ToListAsync(cancellationToken);
        var byId = groups.ToDictionary(g => g.Id);
        Framework = groups.Where(g => qis.Any(q => q.GroupId == g.Id))
            .OrderBy(g => g.ParentId is { } p ? byId[p].Position : g.Position).ThenBy(g => g.Position)
            .Select(g => (g.Id, $"{labels} {g.Code}: {g.Title}", (IReadOnlyList<(Guid, string)>)qis.Where(q => q.GroupId == g.Id).Select(q => (q.Id, $"{q.Code} {q.Title}")).ToList()))
            .ToList();
        if (fill)
        {
            Qis = await Db.QiEvaluations.Where(q => q.SelfEvaluationId == Id).Select(q => q.QualityIndicatorId).ToListAsync(cancellationToken);
        }

        return null;
    }
}
