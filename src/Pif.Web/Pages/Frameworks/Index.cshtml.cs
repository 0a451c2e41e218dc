using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks;

public sealed class IndexModel(AppDbContext db, CurrentUser current) : PageModel
{
    public IReadOnlyList<FrameworkRow> Frameworks { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanEdit = FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
        var versions = await FrameworkAccess.Visible(db, CanEdit)
            .Select(v => new { v.Framework.Code, v.Number, v.Status, v.Title, v.Kind, v.Description })
            .ToListAsync(cancellationToken);
        Frameworks = versions.GroupBy(v => v.Code, StringComparer.Ordinal).Select(g =>
        {
            // Readers see the newest published version; a framework with only a draft shows the draft to its editors.
            var shown = g.Where(v => v.Status == FrameworkStatus.Published).MaxBy(v => v.Number) ?? g.MaxBy(v => v.Number)!;
            return new FrameworkRow(g.Key, shown.Number, shown.Title, shown.Kind, shown.Status, shown.Description, g.Any(v => v.Status == FrameworkStatus.Draft));
        }).OrderBy(f => f.Kind).ThenBy(f => f.Title, StringComparer.CurrentCulture).ToList();
    }

    public sealed record FrameworkRow(string Code, int Number, string Title, FrameworkKind Kind, FrameworkStatus Status, string? Description, bool HasDraft);
}
