using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks.Documents;

namespace Pif.Web.Modules.Frameworks;

/// <summary>Reads shared by the framework pages and API.</summary>
public static class FrameworkQueries
{
    /// <summary>The scales and every framework's QI codes (in any version), which the rules check a file against.</summary>
    public static async Task<FrameworkCatalogue> CatalogueAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var scales = await db.EvaluationScales.AsNoTracking().Include(s => s.Levels).ToListAsync(cancellationToken);
        var codes = await db.QualityIndicators.Join(db.FrameworkVersions, q => q.VersionId, v => v.Id, (q, v) => new { Framework = v.Framework.Code, q.Code })
            .Distinct().ToListAsync(cancellationToken);
        return new FrameworkCatalogue(
            scales.ToDictionary(s => s.Code, FrameworkDocuments.ToDocument, StringComparer.Ordinal),
            codes.GroupBy(c => c.Framework, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(c => c.Code).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal));
    }
}
