using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.SelfEvaluations;

/// <summary>The grade profile: agreed and validated grades per QI, the agreement between them, and the change since the previous self-evaluation.</summary>
public sealed class ProfileModel(AppDbContext db, DataCache cache, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string Title { get; private set; } = "";

    public string Council { get; private set; } = "";

    public GradeProfile Profile { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The chart as SVG, for the page's image; its text alternative and data table are on the page.</summary>
    public async Task<IActionResult> OnGetChartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var svg = GradeProfileChart.Svg(Profile);
        return Content(svg, "image/svg+xml");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        // Kept for this reader: whether they see it, and which grades, depend on who they are.
        var id = Id;
        var loaded = await cache.GetAsync((typeof(GradeProfiles), access.UserId, id), async ct =>
        {
            var evaluation = await SelfEvaluationAccess.Visible(db, access).Where(s => s.Id == id)
                .Select(s => new { s.Title, Council = db.Organisations.Where(o => o.Id == s.OrganisationId).Select(o => o.Name).First() })
                .SingleOrDefaultAsync(ct);
            return evaluation is null ? null : new { evaluation.Title, evaluation.Council, Profile = await GradeProfiles.LoadAsync(db, access, id, ct) };
        }, cancellationToken);
        if (loaded is null)
        {
            return false;
        }

        (Title, Council, Profile) = (loaded.Title, loaded.Council, loaded.Profile);
        return true;
    }
}
