using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>
/// Every figure a council has had for an indicator in the periods a later import revised: the one that stands and
/// each it replaced, with the file it came from. Periods never revised are left out.
/// </summary>
public static class IndicatorRevisions
{
    public sealed record Revision(string Period, int FromYear, int ToYear, double? Value, bool Current, string FileName, DateTime? ImportedAt);

    public static async Task<IReadOnlyList<Revision>> LoadAsync(AppDbContext db, Guid indicatorId, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var values = db.IndicatorValues.Where(v => v.IndicatorId == indicatorId && v.Area == ValueArea.Council && v.OrganisationId == councilId);
        return await values
            .Where(v => values.Any(o => !o.Current && o.Period == v.Period))
            .Join(db.IndicatorImports, v => v.ImportId, i => i.Id, (v, i) => new { v.Period, v.FromYear, v.ToYear, v.Value, v.Current, i.FileName, i.CommittedAt })
            .OrderByDescending(r => r.FromYear).ThenByDescending(r => r.ToYear).ThenByDescending(r => r.CommittedAt)
            .Select(r => new Revision(r.Period, r.FromYear, r.ToYear, r.Value, r.Current, r.FileName, r.CommittedAt))
            .ToListAsync(cancellationToken);
    }
}
