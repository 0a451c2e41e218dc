using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.CareRegister;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>
/// A council area's care services from the Care Inspectorate's register: the share graded good or better by kind of
/// service and by who provides them, against Scotland's and beside LGBF's published SW07. The register is public,
/// so any signed-in user may look at any council's.
/// </summary>
public sealed class CareRegisterModel(AppDbContext db, CurrentUser current) : PageModel
{
    /// <summary>The council shown: the one asked for, else the user's own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Council { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public bool RegisterHeld { get; private set; }

    public CareRegisterFigures? Figures { get; private set; }

    /// <summary>Whether the user may keep the council's figures in its evidence library.</summary>
    public bool AddsEvidence { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        Councils = (await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
        RegisterHeld = await db.RegisteredServices.AnyAsync(cancellationToken);
        Council ??= PerformanceIndicatorAccess.HomeCouncil(access);
        if (Council is not { } council || !RegisterHeld)
        {
            return Page();
        }

        Figures = await CareRegisterFigures.LoadAsync(db, council, cancellationToken);
        AddsEvidence = EvidencePermissions.CanAdd(access, council);
        return Figures is null ? NotFound() : Page();
    }

    public static string Share(CareRegisterFigures.Line line) => line.Share is { } share ? Percent(share) : "No graded services";

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Count(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
