using System.Text.Json;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Organisations.Audit;

/// <summary>
/// Writes audit rows. Every module calls it beside its own change, before the one
/// SaveChanges (or inside the one transaction), so the row and the change land together.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Record(AuditActor actor, string action, string entityType, Guid? entityId, Guid? organisationId, object? before = null, object? after = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            ActorName = Truncate(actor.Name, AuditEntry.ActorNameMaxLength),
            OrganisationId = organisationId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Records what a signed-in user did.</summary>
    public void Record(UserAccess actor, string action, string entityType, Guid? entityId, Guid? organisationId, object? before = null, object? after = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Record(new AuditActor(actor.UserId, actor.Email), action, entityType, entityId, organisationId, before, after);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Who acted: a signed-in user, or an anonymous attempt named by what was typed.</summary>
public sealed record AuditActor(Guid? UserId, string Name);
