using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Link-inspector assignments. A council has one current link inspector: assigning another ends
/// the current assignment. Ended assignments are kept, since access depends on who was assigned when.
/// </summary>
public sealed class AssignmentsService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>False when someone else changed the council's assignment at the same moment.</summary>
    public async Task<bool> AssignAsync(UserAccess actor, Guid inspectorId, Guid councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var council = await db.Organisations.SingleAsync(o => o.Id == councilId && o.Kind == OrganisationKind.Council, cancellationToken);
        var inspector = await db.Users.Where(u => u.Id == inspectorId && u.Memberships.Any(m => m.Role == OrganisationRole.LinkInspector))
            .Select(u => new { u.Id, u.Email }).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.LinkInspectorAssignments.Where(a => a.CouncilId == councilId && a.Until == null).ToListAsync(cancellationToken);
        if (current.Any(a => a.InspectorId == inspectorId))
        {
            return true;
        }

        foreach (var ended in current)
        {
            ended.Until = now;
            audit.Record(Actor(actor), "assignment.ended", "assignment", ended.Id, councilId,
                before: new { inspectorId = ended.InspectorId, until = (DateTime?)null }, after: new { inspectorId = ended.InspectorId, until = now });
        }

        var assignment = new LinkInspectorAssignment { InspectorId = inspector.Id, CouncilId = councilId, From = now };
        db.LinkInspectorAssignments.Add(assignment);
        audit.Record(Actor(actor), "assignment.added", "assignment", assignment.Id, councilId,
            after: new { inspector = inspector.Email, council = council.Name, from = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task<bool> EndAsync(UserAccess actor, Guid assignmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var assignment = await db.LinkInspectorAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.Until == null, cancellationToken);
        if (assignment is null)
        {
            return false;
        }

        assignment.Until = clock.GetUtcNow().UtcDateTime;
        audit.Record(Actor(actor), "assignment.ended", "assignment", assignment.Id, assignment.CouncilId,
            before: new { until = (DateTime?)null }, after: new { until = assignment.Until });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static AuditActor Actor(UserAccess actor) => new(actor.UserId, actor.Email);
}
