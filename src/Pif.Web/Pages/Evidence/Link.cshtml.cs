using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.Evidence;

/// <summary>"Add evidence" for a QI evaluation: choose from the council's library, with search, or add new evidence.</summary>
public sealed class LinkModel(AppDbContext db, CurrentUser current, EvidenceLinks links) : PageModel
{
    private const int Shown = 50;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid QiId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public QiEvaluationTarget Qi { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Title, EvidenceKind Kind, DateOnly From, DateOnly To, bool Linked)> Items { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public Task<IActionResult> OnPostLinkAsync(Guid itemId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => links.LinkAsync(a, itemId, QiId, ct), "The evidence now supports this quality indicator", cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(Guid itemId, CancellationToken cancellationToken) =>
        ActAsync((a, ct) => links.UnlinkAsync(a, itemId, QiId, ct), "The evidence no longer supports this quality indicator", cancellationToken);

    private async Task<IActionResult> ActAsync(Func<UserAccess, CancellationToken, Task<ServiceResult>> action, string confirmation, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await action((await current.GetAccessAsync(cancellationToken))!, cancellationToken);
        return await this.AnswerAsync(result, _ =>
        {
            this.Confirm(confirmation);
            return RedirectToPage("/SelfEvaluations/Qis/Qi", null, new { Id, QiId }, "evidence");
        }, async () => await LoadAsync(cancellationToken) ?? Page(), _ => "Items", "Someone else changed this at the same time: try again");
    }

    /// <summary>404 unless the QI belongs to the self-evaluation and the user sees it; 403 unless they write on it.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var qi = await QiEvaluationLocks.FindAsync(db, access, QiId, cancellationToken);
        if (qi is null || qi.SelfEvaluationId != Id)
        {
            return NotFound();
        }

        if (!qi.UserWrites || !EvidencePermissions.CanAdd(access, qi.OrganisationId))
        {
            return Forbid();
        }

        Qi = qi;
        var council = qi.OrganisationId;
        var query = db.EvidenceItems.Where(e => e.OrganisationId == council).Matching(Q);
        Total = await query.CountAsync(cancellationToken);
        Items = (await query.OrderByDescending(e => e.EffectiveTo).ThenBy(e => e.Title).Take(Shown)
                .Select(e => new { e.Id, e.Title, e.Kind, e.EffectiveFrom, e.EffectiveTo, Linked = db.EvidenceLinks.Any(l => l.EvidenceItemId == e.Id && l.QiEvaluationId == QiId) })
                .ToListAsync(cancellationToken))
            .Select(e => (e.Id, e.Title, e.Kind, e.EffectiveFrom, e.EffectiveTo, e.Linked)).ToList();
        return null;
    }
}
