using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Pif.Web.Data;

namespace Pif.Web.Infrastructure.Caching;

/// <summary>
/// Page data kept in memory while the data under it stays as it is: each entry is filed under the stamp of
/// <see cref="DataVersion"/> it was read at, and the stamp is read from the database once a request (the session
/// check reads it with the session, so a signed-in request costs no query more), so a change saved on any node is
/// seen on every node at its next request. Only reads answering GET and HEAD requests are kept: a form post, a job or
/// a command always reads afresh, and what they show is never older than what they wrote or found.
/// What is kept must either be the same for everyone who may see it (apply access afterwards, per request) or be kept
/// for one reader (the key names the user: who someone is, their memberships and assignments, are data the stamp
/// covers); it must depend on nothing else that moves (a date goes in the key), must not be changed by its callers,
/// and must not be read from the entity types <see cref="DataChanges.IsQuiet"/> names.
/// </summary>
public sealed class DataCache(AppDbContext db, DataCacheStore store, IHttpContextAccessor http)
{
    private static readonly Func<AppDbContext, CancellationToken, Task<Guid>> ReadStamp =
        EF.CompileAsyncQuery((AppDbContext context, CancellationToken _) =>
            context.Set<DataVersion>().Where(v => v.Id == DataVersion.TheOne).Select(v => v.Stamp).First());

    private Guid stamp;

    private int stampsWhenRead = -1;

    /// <summary>The value kept under <paramref name="key"/> at the data's current stamp, else <paramref name="load"/>'s.</summary>
    /// <param name="key">A value-equal key naming what is kept and everything it was read for (a tuple whose first item is the type that reads it).</param>
    public async Task<T> GetAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (http.HttpContext?.Request.Method is not { } method || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            return await load(cancellationToken);
        }

        var filed = (await StampAsync(cancellationToken), key);
        if (store.Entries.TryGetValue(filed, out Kept? kept) && kept is not null)
        {
            return (T)kept.Value!;
        }

        var value = await load(cancellationToken);
        store.Entries.Set(filed, new Kept(value), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = DataCacheStore.Unused });
        return value;
    }

    /// <summary>The stamp as another query of this request read it: the session check reads it with the session.</summary>
    public void Knows(Guid current)
    {
        stamp = current;
        stampsWhenRead = db.Stamps;
        store.Saw(current);
    }

    /// <summary>The stamp, read once a request, and again after this request saved a change.</summary>
    private async Task<Guid> StampAsync(CancellationToken cancellationToken)
    {
        if (stampsWhenRead != db.Stamps)
        {
            stampsWhenRead = db.Stamps;
            stamp = await ReadStamp(db, cancellationToken);
            store.Saw(stamp);
        }

        return stamp;
    }

    /// <summary>A kept value, which may be null.</summary>
    private sealed record Kept(object? Value);
}

/// <summary>The node's kept page data, emptied when the data's stamp moves on so old entries do not hold memory.</summary>
public sealed class DataCacheStore : IDisposable
{
    /// <summary>How long an entry no request asks for is kept.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly Lock gate = new();

    private Guid latest;

    /// <summary>At most this many entries (an indicator for a council, a self-evaluation's overview): the least used go first.</summary>
    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = 4000 });

    internal void Saw(Guid stamp)
    {
        lock (gate)
        {
            if (stamp != latest)
            {
                latest = stamp;
                Entries.Clear();
            }
        }
    }

    public void Dispose() => Entries.Dispose();
}
