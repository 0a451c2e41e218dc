using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.Caching;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Modules.PerformanceIndicators;

/// <summary>The councils by name, as the indicator pages offer them to choose from: the same for everyone.</summary>
public static class CouncilNames
{
    public static Task<IReadOnlyList<(Guid Id, string Name)>> AllAsync(DataCache cache, AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.GetAsync(typeof(CouncilNames), async ct =>
            (IReadOnlyList<(Guid Id, string Name)>)(await db.Organisations.Where(o => o.Kind == OrganisationKind.Council).OrderBy(o => o.Name)
                    .Select(o => new { o.Id, o.Name }).ToListAsync(ct))
                .Select(o => (o.Id, o.Name)).ToList(), cancellationToken);
    }
}
