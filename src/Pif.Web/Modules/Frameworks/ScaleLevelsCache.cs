using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Pif.Web.Data;

namespace Pif.Web.Modules.Frameworks;

/// <summary>One level of an evaluation scale as the pages show it.</summary>
public sealed record ScaleLevelView(int Value, string Label, string Meaning);

/// <summary>
/// A scale's levels, highest first, kept in memory after the first read: a scale's levels never change
/// once it is held (a framework file that words a held scale differently is refused), and every
/// overview, QI page and grade profile shows them.
/// </summary>
public sealed class ScaleLevelsCache(AppDbContext db, IMemoryCache cache)
{
    public async Task<IReadOnlyList<ScaleLevelView>> GetAsync(Guid scaleId, CancellationToken cancellationToken)
    {
        var key = (typeof(ScaleLevelsCache), scaleId);
        if (cache.TryGetValue(key, out IReadOnlyList<ScaleLevelView>? cached) && cached is not null)
        {
            return cached;
        }

        var levels = await db.ScaleLevels.Where(l => l.ScaleId == scaleId).OrderByDescending(l => l.Value)
            .Select(l => new ScaleLevelView(l.Value, l.Label, l.Meaning)).ToListAsync(cancellationToken);
        if (levels.Count > 0)
        {
            cache.Set(key, (IReadOnlyList<ScaleLevelView>)levels, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), Size = 1 });
        }

        return levels;
    }
}
