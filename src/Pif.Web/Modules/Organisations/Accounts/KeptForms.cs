using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure.OnceOnly;

namespace Pif.Web.Modules.Organisations.Accounts;

/// <summary>
/// Keeps what someone posted after their session timed out, encrypted for that user, for an hour,
/// so that signing in again puts it back into the form instead of losing it.
/// </summary>
public sealed class KeptForms(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>The query parameter that names a kept form in the address the person returns to.</summary>
    public const string QueryKey = "kept";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>A larger post (an upload, mostly) is not read to keep its text.</summary>
    public const long MaximumPostSize = 2 * 1024 * 1024;

    private static readonly HashSet<string> NotKept = new(StringComparer.OrdinalIgnoreCase) { "__RequestVerificationToken", OnceTokenTagHelper.FieldName };

    /// <summary>Keeps the request's form for the user; null when there is nothing typed to keep, or the post is too large to read.</summary>
    public async Task<Guid?> KeepAsync(Guid userId, string path, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType || request.ContentLength is not (> 0 and <= MaximumPostSize) || path.Length > KeptForm.PathMaxLength)
        {
            return null;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var fields = form.Where(f => !NotKept.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal);
        if (!fields.Values.Any(values => values.Any(v => !string.IsNullOrWhiteSpace(v))))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.KeptForms.Where(f => f.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var kept = new KeptForm
        {
            UserId = userId,
            Path = path,
            Protected = Protector(userId).Protect(JsonSerializer.Serialize(fields)),
            HadFiles = form.Files.Count > 0,
            ExpiresAt = now + Lifetime,
        };
        db.KeptForms.Add(kept);
        await db.SaveChangesAsync(cancellationToken);
        return kept.Id;
    }

    /// <summary>The fields kept for this user at this address, within the hour; null for anyone else, anywhere else, or later.</summary>
    public async Task<KeptFields?> ReadAsync(Guid id, Guid userId, string path, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = await db.KeptForms.AsNoTracking()
            .Where(f => f.Id == id && f.UserId == userId && f.Path == path && f.ExpiresAt > now)
            .Select(f => new { f.Protected, f.HadFiles })
            .SingleOrDefaultAsync(cancellationToken);
        if (kept is null)
        {
            return null;
        }

        var fields = JsonSerializer.Deserialize<Dictionary<string, string[]>>(Protector(userId).Unprotect(kept.Protected)) ?? [];
        return new KeptFields(fields, kept.HadFiles);
    }

    private IDataProtector Protector(Guid userId) => protection.CreateProtector("Pif.KeptForms", userId.ToString());
}

/// <summary>A kept form's fields by name, and whether files were left out.</summary>
public sealed record KeptFields(IReadOnlyDictionary<string, string[]> Fields, bool HadFiles);
