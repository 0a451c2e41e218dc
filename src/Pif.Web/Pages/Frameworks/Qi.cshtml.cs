using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks;

/// <summary>One quality indicator: what it covers, what good and weak look like, the questions to ask and where to look.</summary>
public sealed class QiModel(AppDbContext db, DataCache cache, CurrentUser current, FrameworkQiContents contents, ScaleLevelsCache scales) : PageModel
{
    public QiView Qi { get; private set; } = null!;

    public IReadOnlyList<ScaleLevelView> Levels { get; private set; } = [];

    /// <summary>Whether the scale scores percentages (RADAR) rather than levels.</summary>
    public bool IsPercentage { get; private set; }

    public IReadOnlyList<RelatedQi> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, int number, string qi, CancellationToken cancellationToken)
    {
        var drafts = FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
        // The version's status changes when it is retired, which renews the data stamp: kept in DataCache.
        var version = await cache.GetAsync((typeof(QiModel), drafts, code, number), ct => FrameworkAccess.Visible(db, drafts).Where(v => v.Framework.Code == code && v.Number == number)
            .Select(v => new { v.Id, v.Title, v.Status, v.ScaleId, ScaleKind = v.Scale.Kind, v.TopGroupLabel, v.SubGroupLabel }).SingleOrDefaultAsync(ct), cancellationToken);
        var content = version is null ? null
            : await contents.GetAsync(new FrameworkQiVersion(version.Id, version.Status, version.TopGroupLabel, version.SubGroupLabel), qi, cancellationToken);
        if (version is null || content is null)
        {
            return NotFound();
        }

        Qi = new QiView(code, number, version.Title, version.Status, content);
        IsPercentage = version.ScaleKind == ScaleKind.Percentage;
        Levels = await scales.GetAsync(version.ScaleId, cancellationToken);
        Related = await cache.GetAsync((typeof(RelatedQis), drafts, content.Id), ct => RelatedQis.FindAsync(db, drafts, code, content.Id, content.Code, ct), cancellationToken);
        return Page();
    }

    /// <summary>The QI with the version it is read in, and the version's status now.</summary>
    public sealed record QiView(string FrameworkCode, int Number, string FrameworkTitle, FrameworkStatus Status, FrameworkQiContent Content);
}
