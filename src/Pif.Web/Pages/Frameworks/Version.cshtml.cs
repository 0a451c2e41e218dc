using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks;

/// <summary>A framework version as a reader meets it: its groups and QIs with their summaries.</summary>
public sealed class VersionModel(AppDbContext db, CurrentUser current) : PageModel
{
    public VersionHeader Header { get; private set; } = null!;

    public IReadOnlyList<ScaleRow> Scale { get; private set; } = [];

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];

    public IReadOnlyList<QiRow> Qis { get; private set; } = [];

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, int number, CancellationToken cancellationToken)
    {
        CanEdit = FrameworkPermissions.CanEdit(await current.GetAccessAsync(cancellationToken));
        var header = await FrameworkAccess.Visible(db, CanEdit).Where(v => v.Framework.Code == code && v.Number == number)
            .Select(v => new VersionHeader(v.Id, v.Framework.Code, v.Number, v.Title, v.Description, v.Publisher, v.Kind, v.Status, v.PublishedAt, v.RetiredAt,
                v.TopGroupLabel, v.SubGroupLabel, v.Scale.Name, v.Scale.Kind, v.ScaleId))
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return NotFound();
        }

        Header = header;
        Scale = await db.ScaleLevels.Where(l => l.ScaleId == header.ScaleId).OrderByDescending(l => l.Value)
            .Select(l => new ScaleRow(l.Value, l.Label, l.Meaning)).ToListAsync(cancellationToken);
        Groups = await db.FrameworkGroups.Where(g => g.VersionId == header.Id).OrderBy(g => g.Position)
            .Select(g => new GroupRow(g.Id, g.ParentId, g.Code, g.Title)).ToListAsync(cancellationToken);
        Qis = await db.QualityIndicators.Where(q => q.VersionId == header.Id).OrderBy(q => q.Position)
            .Select(q => new QiRow(q.GroupId, q.Code, q.Title, q.Summary, q.IsOverallJudgement)).ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record VersionHeader(
        Guid Id, string Code, int Number, string Title, string? Description, string? Publisher, FrameworkKind Kind, FrameworkStatus Status,
        DateTime? PublishedAt, DateTime? RetiredAt, string TopGroupLabel, string? SubGroupLabel, string ScaleName, ScaleKind ScaleKind, Guid ScaleId);

    public sealed record ScaleRow(int Value, string Label, string Meaning);

    public sealed record GroupRow(Guid Id, Guid? ParentId, string Code, string Title);

    public sealed record QiRow(Guid GroupId, string Code, string Title, string Summary, bool IsOverallJudgement);
}
