using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Evidence;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.PerformanceIndicators;
using Pif.Web.Modules.PerformanceIndicators.CareRegister;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Pages.Evidence;

/// <summary>Adds an item to the council's evidence library, with its files, in one step.</summary>
[UploadLimit("", UploadTarget.NewItem)]
public sealed class AddModel(AppDbContext db, CurrentUser current, EvidenceService evidence, EvidenceLinks links) : PageModel
{
    /// <summary>The QI evaluation the new evidence is to support, when added from a QI page.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? LinkTo { get; set; }

    public QiEvaluationTarget? Target { get; private set; }

    /// <summary>The council whose figures from the Care Inspectorate's register the new evidence is to keep, when added from that page.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? CareRegisterOf { get; set; }

    /// <summary>The performance indicator, by its code, whose figures the new evidence is to keep, when added from the indicator page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? IndicatorOf { get; set; }

    /// <summary>The council whose figures of <see cref="IndicatorOf"/> the new evidence is to keep, when added from the indicator page.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? IndicatorCouncil { get; set; }

    /// <summary>Browsers never keep chosen files when a form is shown again, so the user is told to choose them again.</summary>
    public bool FilesToChooseAgain { get; private set; }

    [BindProperty]
    public EvidenceForm Form { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Councils { get; private set; } = [];

    public IReadOnlyList<OwnerOption> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!await LoadAsync(access, cancellationToken))
        {
            return Forbid();
        }

        Form.OwnerId = access.UserId;
        Form.OrganisationId = Target?.OrganisationId ?? (Councils.Count == 1 ? Councils[0].Id : null);
        if (CareRegisterOf is { } council && Councils.Any(c => c.Id == council) && await CareRegisterFigures.LoadAsync(db, council, cancellationToken) is { } figures)
        {
            var asAt = figures.LatestGrading ?? DateOnly.FromDateTime(figures.RegisterImportedAt ?? DateTime.UtcNow);
            Form.OrganisationId = council;
            Form.Kind = EvidenceKind.PerformanceData;
            Form.Title = figures.EvidenceTitle(asAt);
            Form.Summary = figures.EvidenceSummary();
            Form.Source = "Care Inspectorate register of care services (datastore), as imported into Pif";
            Form.EffectiveFrom = asAt;
            Form.EffectiveTo = asAt;
            Form.Link = $"{Request.Scheme}://{Request.Host}{Url.Page("/PerformanceIndicators/CareRegister", new { council })}";
        }

        if (IndicatorOf is { } code && IndicatorCouncil is { } of && Councils.Any(c => c.Id == of)
            && await PerformanceIndicatorAccess.FindAsync(db, access, code, cancellationToken) is { } indicator
            && await IndicatorSeries.LoadAsync(db, indicator, of, cancellationToken) is { Latest: { } latest } series)
        {
            Form.OrganisationId = of;
            Form.Kind = EvidenceKind.PerformanceData;
            Form.Title = $"{indicator.Code} for {series.Council}, {latest.Period}";
            Form.Summary = $"{indicator.Title}: {IndicatorSeries.Format(indicator, latest.Council!.Value)} in {latest.Period}"
                + (latest.Scotland is { } scotland ? $", against {IndicatorSeries.Format(indicator, scotland)} for Scotland" : "") + $". {IndicatorWording.Better(indicator.Polarity)}";
            Form.Source = $"{indicator.Code} as imported into Pif";
            Form.EffectiveFrom = new DateOnly(latest.FromYear, 4, 1);
            Form.EffectiveTo = new DateOnly(latest.ToYear, 3, 31);
            Form.Link = $"{Request.Scheme}://{Request.Host}{Url.Page("/PerformanceIndicators/Indicator", new { code = indicator.Code, council = of })}";
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var access = (await current.GetAccessAsync(cancellationToken))!;
        if (!await LoadAsync(access, cancellationToken))
        {
            return Forbid();
        }

        // Dates that do not parse arrive as nothing: the service then says what to enter.
        ModelState.Clear();
        if (Target is { } closed && !QiEvaluationLocks.IsOpen(closed.State))
        {
            this.AddError("Form.Title", $"{closed.SelfEvaluationTitle} is {SelfEvaluationWording.State(closed.State).ToLowerInvariant()}, so evidence cannot be linked to {closed.Code} now: nothing has been added");
            return Page();
        }

        var result = await evidence.CreateAsync(access, Form.ToInput(), Uploads.From(Files), cancellationToken);
        if (result.Succeeded && Target is { } target)
        {
            var linked = await links.LinkAsync(access, result.Id!.Value, target.Id, cancellationToken);
            TempData["Confirmation"] = linked.Succeeded ? $"The evidence has been added to the library and supports {target.Code}"
                : $"The evidence has been added to the library, but not linked: {(linked.Problems.Count > 0 ? linked.Problems[0].Message : "you cannot link evidence to this quality indicator")}";
            return RedirectToPage("/SelfEvaluations/Qis/Qi", null, new { id = target.SelfEvaluationId, qiId = target.Id }, "evidence");
        }

        if (result.Succeeded)
        {
            TempData["Confirmation"] = "The evidence has been added to the library";
            return RedirectToPage("/Evidence/Details", new { id = result.Id });
        }

        foreach (var problem in result.Problems)
        {
            this.AddError(problem.Field == "Files" ? "Files" : $"Form.{problem.Field}", problem.Message);
        }

        FilesToChooseAgain = Files.Count > 0;
        return Page();
    }

    private async Task<bool> LoadAsync(UserAccess access, CancellationToken cancellationToken)
    {
        var councils = EvidenceAccess.Councils(access);
        Councils = access.Memberships.Where(m => councils.Contains(m.OrganisationId)).DistinctBy(m => m.OrganisationId)
            .OrderBy(m => m.OrganisationName).Select(m => (m.OrganisationId, m.OrganisationName)).ToList();
        Owners = await OwnerOptions.LoadAsync(db, councils, cancellationToken);
        Target = LinkTo is { } qi && await QiEvaluationLocks.FindAsync(db, access, qi, cancellationToken) is { UserWrites: true } target && councils.Contains(target.OrganisationId) ? target : null;
        return Councils.Count > 0;
    }
}

/// <summary>The users of the given councils who may own evidence (everyone but viewers), by name.</summary>
internal static class OwnerOptions
{
    public static async Task<IReadOnlyList<OwnerOption>> LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> councils, CancellationToken cancellationToken) =>
        (await db.Memberships.Where(m => councils.Contains(m.OrganisationId) && m.Role != OrganisationRole.Viewer)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, m.OrganisationId })
            .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x.Id, x.DisplayName, CouncilId = o.Id, Council = o.Name })
            .Distinct().ToListAsync(cancellationToken))
        .OrderBy(o => o.DisplayName, StringComparer.CurrentCulture).Select(o => new OwnerOption(o.Id, o.DisplayName, o.CouncilId, o.Council)).ToList();
}
