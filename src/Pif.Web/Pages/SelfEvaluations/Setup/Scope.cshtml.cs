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

    /// <summary>Groups ticked as a whole: every QI in them is in scope.</summary>
    [BindProperty]
    public List<Guid> Groups { get; set; } = [];

    public IReadOnlyList<(Guid Id, string Group, IReadOnlyList<(Guid Id, string Name)> Qis)> Framework { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(fill: true, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(fill: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var chosen = Qis.Concat(Framework.Where(g => Groups.Contains(g.Id)).SelectMany(g => g.Qis.Select(q => q.Id))).Distinct().ToList();
        var result = await service.SetScopeAsync(Access, Id, chosen, cancellationToken);
        return Saved(result, "The scope has been saved. Check that every quality indicator has someone to write on it", "Qis");
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
