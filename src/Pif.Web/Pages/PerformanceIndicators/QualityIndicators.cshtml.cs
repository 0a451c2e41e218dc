using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.Analysis;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>
/// The quality indicators a national performance indicator speaks to: a grade on one of them is checked against
/// the indicator's funnel plot and control chart. Everyone reads them; national administrators link and unlink.
/// </summary>
public sealed class QualityIndicatorsModel(AppDbContext db, CurrentUser current, QiIndicatorLinksService links) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public string? Qi { get; set; }

    public sealed record Linked(Guid Id, string Label);

    public PerformanceIndicator Indicator { get; private set; } = null!;

    public bool Links { get; private set; }

    public IReadOnlyList<Linked> LinkedQis { get; private set; } = [];

    public IReadOnlyList<(string Key, string Label)> Offered { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await links.AddAsync((await current.GetAccessAsync(cancellationToken))!, Code, Qi, cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm($"{Indicator.Code} is linked to {Offered.First(o => o.Key == Qi).Label.Split(':')[0]}");
            return RedirectToPage(new { code = Indicator.Code });
        });
    }

    public async Task<IActionResult> OnPostUnlinkAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = await links.RemoveAsync((await current.GetAccessAsync(cancellationToken))!, Code, id, cancellationToken);
        return this.Answer(result, _ =>
        {
            this.Confirm($"{Indicator.Code} is no longer linked to {LinkedQis.FirstOrDefault(l => l.Id == id)?.Label.Split(':')[0] ?? "that quality indicator"}");
            return RedirectToPage(new { code = Indicator.Code });
        });
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, access, Code, cancellationToken);
        if (indicator is null || indicator.OwnerOrganisationId is not null)
        {
            return NotFound();
        }

        Indicator = indicator;
        Links = PerformanceIndicatorPermissions.ImportsNational(access);
        Offered = await QiIndicatorLinksService.OfferedAsync(db, cancellationToken);
        var labels = Offered.ToDictionary(o => o.Key, o => o.Label, StringComparer.Ordinal);
        LinkedQis = (await db.QiIndicatorLinks.Where(l => l.IndicatorId == indicator.Id).Select(l => new { l.Id, l.FrameworkCode, l.QiCode }).ToListAsync(cancellationToken))
            .Select(l => new Linked(l.Id, labels.GetValueOrDefault(QiIndicatorLinksService.Key(l.FrameworkCode, l.QiCode), $"{l.FrameworkCode} {l.QiCode}: no longer in a published framework")))
            .OrderBy(l => l.Label, StringComparer.Ordinal).ToList();
        return null;
    }
}
