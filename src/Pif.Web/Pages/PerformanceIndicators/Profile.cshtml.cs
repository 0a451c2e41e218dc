using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Infrastructure.Charts;
using Pif.Web.Modules.Organisations;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;

namespace Pif.Web.Pages.PerformanceIndicators;

/// <summary>A council's profile: every indicator of a service area at once as a spine chart and a table, so a lead sees where to look first.</summary>
public sealed class ProfileModel(AppDbContext db, DataCache cache, CurrentUser current) : PageModel
{
    /// <summary>The council shown: the one asked for, else the user's own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Council { get; set; }

    /// <summary>The service area shown: the one asked for, else the first with the council's figures in it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public CouncilProfile? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetChartAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Profile is null)
        {
            return NotFound();
        }

        var rows = Charted.Select(r => new SpineChart.Row(r.Indicator.Code, r.Position!.Value, r.Scotland is { } scotland ? r.PositionOf(scotland) : null,
            r.MiddleHalf?.From ?? 0, r.MiddleHalf?.To ?? 1)).ToList();
        return Content(SpineChart.Svg(rows, Profile.Council, "Scotland"), "image/svg+xml");
    }

    /// <summary>The rows the chart can place: those where one way is better.</summary>
    public IReadOnlyList<CouncilProfile.Row> Charted => Profile?.Rows.Where(r => r.Position is not null).ToList() ?? [];

    public static string Format(CouncilProfile.Row row, double value) => IndicatorSeries.Format(row.Indicator, value);

    public static string Quarter(CouncilProfile.Row row) => row.Quarter switch
    {
        Modules.PerformanceIndicators.Quarter.Best => "Best quarter",
        Modules.PerformanceIndicators.Quarter.Worst => "Worst quarter",
        Modules.PerformanceIndicators.Quarter.Middle => "Middle half",
        _ => row.Indicator.Polarity == Polarity.Neither ? "Neither way is better" : "Too few councils",
    };

    /// <summary>The chart's text alternative: how many figures fall in the best and worst quarters, naming the worst.</summary>
    public string Summary()
    {
        var p = Profile!;
        var charted = Charted;
        if (charted.Count == 0)
        {
            return $"No figures of {p.Council} in {p.Category} can be placed among the councils'.";
        }

        var best = charted.Count(r => r.Quarter == Modules.PerformanceIndicators.Quarter.Best);
        var worst = charted.Where(r => r.Quarter == Modules.PerformanceIndicators.Quarter.Worst).Select(r => r.Indicator.Code).ToList();
        return $"Spine chart of {charted.Count} indicators of {p.Category} for {p.Council}, each between the worst and the best council's latest figure: "
            + $"{best} in the best quarter of councils, {worst.Count} in the worst quarter" + (worst.Count > 0 ? $" ({string.Join(", ", worst)})" : "") + ".";
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        Councils = await CouncilNames.AllAsync(cache, db, cancellationToken);
        Areas = await cache.GetAsync((typeof(CouncilProfile), "categories"), ct => CouncilProfile.CategoriesAsync(db, ct), cancellationToken);
        if (Area is not null && !Areas.Contains(Area))
        {
            return false;
        }

        Council ??= PerformanceIndicatorAccess.HomeCouncil(access);
        if (Council is not { } council || Areas.Count == 0)
        {
            return true;
        }

        Area ??= Areas[0];
        var area = Area;
        Profile = await cache.GetAsync((typeof(CouncilProfile), council, area), ct => CouncilProfile.LoadAsync(db, council, area, ct), cancellationToken);
        return Profile is not null;
    }
}
