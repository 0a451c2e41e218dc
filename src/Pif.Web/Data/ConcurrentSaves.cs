using Microsoft.EntityFrameworkCore;
using Pif.Web.Infrastructure;

namespace Pif.Web.Data;

/// <summary>The one way a service saves a change that someone else may have saved over first.</summary>
public static class ConcurrentSaves
{
    /// <summary>
    /// Saves, commits the transaction in hand (if any), and answers Done with <paramref name="id"/>; when a
    /// concurrency stamp shows someone else saved first, nothing is saved (the transaction rolls back when
    /// disposed), nothing stays tracked, and the answer is Stale.
    /// </summary>
    public static async Task<ServiceResult> SaveOrStaleAsync(this AppDbContext db, Guid? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (db.Database.CurrentTransaction is { } transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return ServiceResult.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ServiceResult.Stale;
        }
    }
}
