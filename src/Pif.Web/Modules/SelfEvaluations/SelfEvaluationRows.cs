using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.SelfEvaluations;

/// <summary>
/// Serialises every write to a self-evaluation with its state changes: each write first marks the
/// row written, inside its transaction and only in a state that allows the write. On PostgreSQL
/// that takes the row lock (a state change waits, then sees the write); on SQLite the write
/// transaction already holds the database.
/// </summary>
internal static class SelfEvaluationRows
{
    public static async Task<bool> TakeAsync(AppDbContext db, Guid id, IReadOnlyList<SelfEvaluationState> states, TimeProvider clock, CancellationToken cancellationToken)
    {
        var first = states[0];
        var second = states[^1];
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.SelfEvaluations.Where(s => s.Id == id && (s.State == first || s.State == second))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastWrittenAt, now), cancellationToken) > 0;
    }
}
