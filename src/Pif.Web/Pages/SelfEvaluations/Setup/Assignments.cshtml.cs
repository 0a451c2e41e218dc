using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations.Setup;

/// <summary>The named lead chooses which contributors write on each QI: a grid of QIs by contributors.</summary>
public sealed class AssignmentsModel(AppDbContext db, CurrentUser current, SelfEvaluationsService service) : LeadPage(db, current)
{
    /// <summary>Ticked boxes, each "qiEvaluationId:userId".</summary>
    [BindProperty]
    public List<string> Assigned { get; set; } = [];

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
        var result = await service.AssignAsync(Access, Id, wanted, cancellationToken);
        return Saved(result, "The assignments have been saved", "Assigned");
    }

    private async Task<IActionResult?> LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var (refusal, organisationId, _) = await LeadsAsync(cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        Contributors = (await service.Contributors(organisationId).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        var qis = await Db.QiEvaluations.Where(q => q.SelfEvaluationId == Id).OrderBy(q => q.Position)
            .Select(q => new { q.Id, q.QiCode, Title = Db.QualityIndicators.Where(i => i.Id == q.QualityIndicatorId).Select(i => i.Title).First(), Users = q.Assignments.Select(a => a.UserId).ToList() })
            .ToListAsync(cancellationToken);
        Qis = qis.Select(q => (q.Id, $"{q.QiCode} {q.Title}")).ToList();
        if (fill)
        {
            Assigned = qis.SelectMany(q => q.Users.Select(u => $"{q.Id}:{u}")).ToList();
        }

        return null;
    }
}
