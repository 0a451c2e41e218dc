using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Organisations.ApiKeys;

public sealed class ApiKeysService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string KeyPrefix = "pif_";

    /// <summary>Makes a key for the user in one of their organisations; returns the secret, to show once.</summary>
    public async Task<string> CreateAsync(UserAccess actor, Guid organisationId, string name, bool readOnly, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Memberships.All(m => m.OrganisationId != organisationId))
        {
            throw new InvalidOperationException("A key can only act for an organisation the user belongs to.");
        }

        var secret = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new ApiKey
        {
            UserId = actor.UserId,
            OrganisationId = organisationId,
            Name = name.Trim(),
            Prefix = secret[..ApiKey.PrefixLength],
            Hash = HashOf(secret),
            ReadOnly = readOnly,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiKeys.Add(key);
        audit.Record(actor, "api-key.created", "api-key", key.Id, organisationId,
            after: new { key.Name, key.Prefix, key.ReadOnly, key.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>Revokes one of the user's own keys. False when they have no such key.</summary>
    public async Task<bool> RevokeAsync(UserAccess actor, Guid keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == actor.UserId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            Revoke(new AuditActor(actor.UserId, actor.Email), key, "revoked by its owner");
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Revokes a key of someone else's, for an administrator who manages users in the key's organisation
    /// (a national administrator: anyone's). False when the actor may not see the key.
    /// </summary>
    public async Task<bool> RevokeForUserAsync(UserAccess actor, Guid userId, Guid keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.UserId == userId, cancellationToken);
        if (key is null || !actor.Allows(OrganisationsPermissions.ManageUsers, key.OrganisationId))
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            Revoke(new AuditActor(actor.UserId, actor.Email), key, "revoked by an administrator");
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Marks every unrevoked key of the user (in one organisation, or in all) revoked and audits each,
    /// in the caller's unit of work: the caller saves, with the change that is the reason.
    /// </summary>
    public async Task RevokeAllAsync(AuditActor actor, Guid userId, Guid? organisationId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var keys = await db.ApiKeys.Where(k => k.UserId == userId && k.RevokedAt == null && (organisationId == null || k.OrganisationId == organisationId))
            .ToListAsync(cancellationToken);
        foreach (var key in keys)
        {
            Revoke(actor, key, reason);
        }
    }

    private void Revoke(AuditActor actor, ApiKey key, string reason)
    {
        key.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "api-key.revoked", "api-key", key.Id, key.OrganisationId,
            before: new { revokedAt = (DateTime?)null }, after: new { key.RevokedAt, key.Name, key.Prefix, owner = key.UserId, reason });
    }

    /// <summary>Stores a key whose secret comes from configuration (the Development demo key), once.</summary>
    internal async Task EnsureAsync(Guid userId, Guid organisationId, string name, string secret, CancellationToken cancellationToken)
    {
        var hash = HashOf(secret);
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.ApiKeys.Add(new ApiKey
        {
            UserId = userId,
            OrganisationId = organisationId,
            Name = name,
            Prefix = secret[..ApiKey.PrefixLength],
            Hash = hash,
            ReadOnly = false,
            CreatedAt = now,
            ExpiresAt = now.AddYears(10),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
