using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.ImprovementPlans;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Pages.ImprovementPlans;

/// <summary>
/// One approved revision of a plan, as it was approved, and what changed in it since the revision before: what the
/// council was held to while a later revision was worked on, and what a link inspector compares year on year.
/// </summary>
public sealed class RevisionModel(AppDbContext db, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Revision { get; set; }

    public string Council { get; private set; } = "";

    public string PlanTitle { get; private set; } = "";

    public int Revisions { get; private set; }

    /// <summary>The revision as approved; null when it was approved before Pif kept approved revisions' words.</summary>
    public ApprovedVersion? Version { get; private set; }

    public (string By, DateTime At) Approval { get; private set; }

    /// <summary>What changed since the revision before, action by action; empty for the first.</summary>
    public IReadOnlyList<RevisionChanges.Change> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var plan = await ImprovementPlanAccess.Visible(db, access).Where(p => p.Id == Id)
            .Select(p => new
            {
                p.Title,
                Council = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).First(),
                Revisions = p.Approvals.Count,
                Approvals = p.Approvals.Where(a => a.Revision == Revision || a.Revision == Revision - 1)
                    .Select(a => new { a.Revision, a.At, a.Content, By = db.Users.Where(u => u.Id == a.ApprovedById).Select(u => u.DisplayName).First() }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var approval = plan?.Approvals.SingleOrDefault(a => a.Revision == Revision);
        if (plan is null || approval is null)
        {
            return NotFound();
        }

        PlanTitle = plan.Title;
        Council = plan.Council;
        Revisions = plan.Revisions;
        Approval = (approval.By, approval.At);
        Version = approval.Content is { } content ? ApprovedVersion.Read(content) : null;
        if (Version is not null && plan.Approvals.SingleOrDefault(a => a.Revision == Revision - 1)?.Content is { } earlier)
        {
            Changes = RevisionChanges.Between(ApprovedVersion.Read(earlier), Version);
        }

        return Page();
    }
}
