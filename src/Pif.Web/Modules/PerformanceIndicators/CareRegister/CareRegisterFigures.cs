using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Modules.PerformanceIndicators.CareRegister;

/// <summary>
/// A council area's care services from the register Pif holds: how many of the active, graded ones are graded good
/// (4) or better on every key question, by kind of service and by who provides them, against Scotland's, and
/// beside LGBF's published SW07 for the council.
/// </summary>
public sealed record CareRegisterFigures(Guid CouncilId, string Council, DateTime? RegisterImportedAt, DateOnly? LatestGrading,
    IReadOnlyList<CareRegisterFigures.Line> ByService, IReadOnlyList<CareRegisterFigures.Line> BySector, IReadOnlyList<CareRegisterFigures.Line> ByClientGroup,
    IReadOnlyList<CareRegisterFigures.Line> ScotlandByClientGroup, CareRegisterFigures.Published? Sw07)
{
    /// <summary>The code of LGBF's published share, folded as the catalogue folds codes.</summary>
    public static readonly string Sw07Code = IndicatorCodes.Normalise("SW07");

    /// <summary>Active services of one kind: how many, how many graded, and how many of those good or better.</summary>
    public sealed record Line(string Label, int Services, int Graded, int GoodOrBetter)
    {
        public double? Share => Graded == 0 ? null : (double)GoodOrBetter / Graded;
    }

    /// <summary>LGBF's latest SW07 for the council, and Scotland's for the same period.</summary>
    public sealed record Published(string Code, string Period, double Value, double? Scotland);

    public Line Total => new("All services", ByClientGroup.Sum(l => l.Services), ByClientGroup.Sum(l => l.Graded), ByClientGroup.Sum(l => l.GoodOrBetter));

    public Line ScotlandTotal => new("All services", ScotlandByClientGroup.Sum(l => l.Services), ScotlandByClientGroup.Sum(l => l.Graded), ScotlandByClientGroup.Sum(l => l.GoodOrBetter));

    /// <summary>A title for the figures kept as evidence.</summary>
    public string EvidenceTitle(DateOnly asAt) =>
        $"Care services graded good or better in {Council}: Care Inspectorate register, {asAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The figures as text, so the evidence keeps them as they were when it was added, whatever later registers say.</summary>
    public string EvidenceSummary()
    {
        static string Share(Line l) => l.Share is { } s ? $"{(s * 100).ToString("0.0", CultureInfo.InvariantCulture)}% ({l.GoodOrBetter.ToString("N0", CultureInfo.InvariantCulture)} of {l.Graded.ToString("N0", CultureInfo.InvariantCulture)} graded services)" : "no graded services";
        string Scotland(Line l) => ScotlandByClientGroup.FirstOrDefault(s => s.Label == l.Label) is { } scotland ? Share(scotland) : "none";
        var lines = ByClientGroup.Select(l => $"Services for {l.Label.ToLowerInvariant()} graded good (4) or better on every key question: {Share(l)}; Scotland: {Scotland(l)}.").ToList();
        lines.Add($"All services: {Share(Total)}; Scotland: {Share(ScotlandTotal)}.");
        if (Sw07 is { } sw07)
        {
            lines.Add($"LGBF's published {sw07.Code} for {sw07.Period}: {(sw07.Value * 100).ToString("0.0", CultureInfo.InvariantCulture)}%{(sw07.Scotland is { } s ? $" (Scotland {(s * 100).ToString("0.0", CultureInfo.InvariantCulture)}%)" : "")}.");
        }

        return string.Join("\n", lines);
    }

    public static async Task<CareRegisterFigures?> LoadAsync(AppDbContext db, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var council = await db.Organisations.Where(o => o.Id == councilId && o.Kind == OrganisationKind.Council).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
        if (council is null)
        {
            return null;
        }

        var active = db.RegisteredServices.Where(s => s.Current && s.Active);
        var mine = active.Where(s => s.OrganisationId == councilId);
        var byService = await mine.GroupBy(s => s.CareService)
            .Select(g => new Line(g.Key, g.Count(), g.Count(s => s.MinGrade != null), g.Count(s => s.MinGrade >= 4))).ToListAsync(cancellationToken);
        var bySector = await mine.GroupBy(s => s.Sector)
            .Select(g => new Line(g.Key, g.Count(), g.Count(s => s.MinGrade != null), g.Count(s => s.MinGrade >= 4))).ToListAsync(cancellationToken);
        var byClient = await mine.GroupBy(s => s.ClientGroup ?? "Not stated")
            .Select(g => new Line(g.Key, g.Count(), g.Count(s => s.MinGrade != null), g.Count(s => s.MinGrade >= 4))).ToListAsync(cancellationToken);
        var scotland = await active.GroupBy(s => s.ClientGroup ?? "Not stated")
            .Select(g => new Line(g.Key, g.Count(), g.Count(s => s.MinGrade != null), g.Count(s => s.MinGrade >= 4))).ToListAsync(cancellationToken);
        var latestGrading = await mine.MaxAsync(s => s.GradedOn, cancellationToken);
        var importedAt = await db.IndicatorImports.Where(i => i.Layout == Importing.ImportLayout.CareInspectorateRegister && i.State == Importing.ImportState.Committed)
            .MaxAsync(i => i.CommittedAt, cancellationToken);
        return new CareRegisterFigures(councilId, council, importedAt, latestGrading,
            [.. byService.OrderByDescending(l => l.Services).ThenBy(l => l.Label, StringComparer.Ordinal)],
            [.. bySector.OrderByDescending(l => l.Services).ThenBy(l => l.Label, StringComparer.Ordinal)],
            [.. byClient.OrderBy(l => l.Label, StringComparer.Ordinal)], [.. scotland.OrderBy(l => l.Label, StringComparer.Ordinal)],
            await Sw07Async(db, councilId, cancellationToken));
    }

    private static async Task<Published?> Sw07Async(AppDbContext db, Guid councilId, CancellationToken cancellationToken)
    {
        var indicator = await db.PerformanceIndicators.Where(i => i.OwnerOrganisationId == null && i.NormalisedCode == Sw07Code).Select(i => new { i.Id, i.Code }).SingleOrDefaultAsync(cancellationToken);
        if (indicator is null)
        {
            return null;
        }

        var latest = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Council && v.OrganisationId == councilId && v.Value != null)
            .OrderByDescending(v => v.FromYear).ThenByDescending(v => v.ToYear).Select(v => new { v.Period, Value = v.Value!.Value }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        var scotland = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.Current && v.Area == ValueArea.Scotland && v.Period == latest.Period)
            .Select(v => v.Value).FirstOrDefaultAsync(cancellationToken);
        return new Published(indicator.Code, latest.Period, latest.Value, scotland);
    }
}
