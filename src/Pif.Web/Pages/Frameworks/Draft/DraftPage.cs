using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.Frameworks.Draft;

/// <summary>
/// What every draft-editing page shares: only national administrators, only the draft of the
/// framework in the route, and the service's refusals shown next to the field they concern.
/// </summary>
public abstract class DraftPage(AppDbContext db, CurrentUser current) : PageModel
{
    protected const string StaleMessage = "Someone else changed this while you were editing it. Your changes have not been saved: check what is here now and make them again";

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    public DraftHeader Draft { get; private set; } = null!;

    protected AppDbContext Db => db;

    protected UserAccess Access { get; private set; } = null!;

    /// <summary>Finds the draft: null when found, otherwise the response to give (403 for others, 404 when there is no draft).</summary>
    protected async Task<IActionResult?> LoadDraftAsync(CancellationToken cancellationToken)
    {
        var access = await current.GetAccessAsync(cancellationToken);
        if (!FrameworkPermissions.CanEdit(access))
        {
            return Forbid();
        }

        Access = access;
        var draft = await db.FrameworkVersions.Where(v => v.Framework.Code == Code && v.Status == FrameworkStatus.Draft)
            .Select(v => new DraftHeader(v.Id, v.Framework.Code, v.Number, v.Title, v.TopGroupLabel, v.SubGroupLabel, v.ScaleId))
            .SingleOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        Draft = draft;
        return null;
    }

    /// <summary>Turns a refusal into a response, or into errors on the form (then returns null, and the page shows again).</summary>
    protected IActionResult? Refusal(ServiceResult result, string prefix, string firstField) =>
        this.Refusal(result, field => field.Length == 0 || field.StartsWith('$') ? $"{prefix}.{firstField}" : $"{prefix}.{field}", StaleMessage);

    public sealed record DraftHeader(Guid Id, string Code, int Number, string Title, string TopGroupLabel, string? SubGroupLabel, Guid ScaleId)
    {
        /// <summary>What the groups that hold QIs are called.</summary>
        public string LowestGroupLabel => SubGroupLabel ?? TopGroupLabel;
    }
}
