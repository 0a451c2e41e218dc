using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks.Documents;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Frameworks;

/// <summary>
/// The life of framework versions: import, start a draft from the latest published version,
/// publish, retire, delete a draft. Only national administrators; every change is audited.
/// </summary>
public sealed class FrameworkVersionsService(AppDbContext db, AuditLog audit, TimeProvider clock, IOptions<FrameworksOptions> options, PifMetrics metrics)
{
    public int MaxImportBytes => options.Value.MaxImportBytes;

    /// <summary>Reads and checks a file without saving anything: what it holds, and every problem with its path.</summary>
    public async Task<ImportPreview> PreviewImportAsync(ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxImportBytes)
        {
            return new ImportPreview(null, [new("$", $"The file is {Sizes.Describe(file.Length)}: import a file of {Sizes.Describe(MaxImportBytes)} or less")], 0);
        }

        var (document, problems) = FrameworkReader.Read(file);
        if (document is null)
        {
            return new ImportPreview(null, problems, 0);
        }

        var all = problems.Concat(FrameworkRules.Check(document, await FrameworkQueries.CatalogueAsync(db, cancellationToken))).ToList();
        var versions = await db.FrameworkVersions.Where(v => v.Framework.Code == document.Code)
            .Select(v => new { v.Number, v.Status }).ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Status == FrameworkStatus.Draft) is { } draft)
        {
            all.Add(new("$.code", $"{document.Code} already has a draft, version {draft.Number}. Publish or delete that draft before importing another"));
        }

        return new ImportPreview(document, all, versions.Count == 0 ? 1 : versions.Max(v => v.Number) + 1);
    }

    /// <summary>Saves the file as a new draft version (version 1 of a new framework), or saves nothing if anything is wrong.</summary>
    public async Task<ServiceResult> ImportAsync(UserAccess actor, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var result = await ImportTimedAsync(actor, file, cancellationToken);
        metrics.ImportDuration.Record(clock.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("import", "framework"), new KeyValuePair<string, object?>("outcome", result.Outcome.ToString()));
        return result;
    }

    private async Task<ServiceResult> ImportTimedAsync(UserAccess actor, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!FrameworkPermissions.CanEdit(actor))
        {
            return ServiceResult.Forbidden;
        }

        var preview = await PreviewImportAsync(file, cancellationToken);
        if (preview.Document is not { } document || preview.Problems.Count > 0)
        {
            return FrameworkWording.Invalid(preview.Problems);
        }

        var framework = await db.Frameworks.SingleOrDefaultAsync(f => f.Code == document.Code, cancellationToken);
        if (framework is null)
        {
            framework = new Framework { Code = document.Code, CreatedAt = Now };
            db.Frameworks.Add(framework);
        }

        // A scale Pif holds, or a new one the file defines, created with the draft.
        var scale = await db.EvaluationScales.SingleOrDefaultAsync(s => s.Code == document.Scale.Code, cancellationToken) ?? NewScale(document.Scale);
        var version = FrameworkDocuments.ToVersion(document, framework, preview.Number, FrameworkStatus.Draft, scale, Now);
        db.FrameworkVersions.Add(version);
        Record(actor, "framework.imported", version, document.Code, new { version = version.Number, qualityIndicators = version.QualityIndicators.Count });
        return await SaveDraftAsync(version, document.Code, cancellationToken);
    }

    private EvaluationScale NewScale(ScaleDocument document)
    {
        var scale = new EvaluationScale { Code = document.Code, Name = document.Name, Kind = document.Kind };
        scale.Levels.AddRange(document.Levels.Select(l => new ScaleLevel { ScaleId = scale.Id, Value = l.Value, Label = l.Label, Meaning = l.Meaning }));
        db.EvaluationScales.Add(scale);
        return scale;
    }

    /// <summary>Starts the next version as a draft, copied from the latest published version.</summary>
    public async Task<ServiceResult> StartDraftAsync(UserAccess actor, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!FrameworkPermissions.CanEdit(actor))
        {
            return ServiceResult.Forbidden;
        }

        var versions = await db.FrameworkVersions.Where(v => v.Framework.Code == code)
            .Select(v => new { v.Id, v.Number, v.Status }).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return ServiceResult.NotFound;
        }

        if (versions.FirstOrDefault(v => v.Status == FrameworkStatus.Draft) is { } draft)
        {
            return ServiceResult.Invalid("$", $"{code} already has a draft, version {draft.Number}: edit that one");
        }

        if (versions.Where(v => v.Status == FrameworkStatus.Published).MaxBy(v => v.Number) is not { } latest)
        {
            return ServiceResult.Invalid("$", $"{code} has no published version to start a draft from");
        }

        var source = (await FrameworkDocuments.LoadAsync(db, latest.Id, cancellationToken))!;
        var framework = await db.Frameworks.SingleAsync(f => f.Code == code, cancellationToken);
        var version = FrameworkDocuments.ToVersion(FrameworkDocuments.ToDocument(source), framework, versions.Max(v => v.Number) + 1, FrameworkStatus.Draft, source.Scale, Now);
        db.FrameworkVersions.Add(version);
        Record(actor, "framework.draft-started", version, code, new { version = version.Number, from = latest.Number });
        return await SaveDraftAsync(version, code, cancellationToken);
    }

    /// <summary>
    /// Publishes a draft that meets every rule of the import; earlier published versions stay published.
    /// The status changes first, in the transaction that checks the rules, so no edit can slip in
    /// between the check and the publication (edits wait for, then see, the new status).
    /// </summary>
    public async Task<ServiceResult> PublishAsync(UserAccess actor, Guid versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!FrameworkPermissions.CanEdit(actor))
        {
            return ServiceResult.Forbidden;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.FrameworkVersions.Where(v => v.Id == versionId && v.Status == FrameworkStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, FrameworkStatus.Published).SetProperty(v => v.PublishedAt, Now).SetProperty(v => v.ConcurrencyStamp, Guid.NewGuid()), cancellationToken) == 0)
        {
            var status = await db.FrameworkVersions.Where(v => v.Id == versionId).Select(v => new { v.Number, v.Status }).SingleOrDefaultAsync(cancellationToken);
            return status is null ? ServiceResult.NotFound : FrameworkWording.Locked(status.Number, status.Status);
        }

        var loaded = (await FrameworkDocuments.LoadAsync(db, versionId, cancellationToken))!;
        var problems = FrameworkRules.Check(FrameworkDocuments.ToDocument(loaded), await FrameworkQueries.CatalogueAsync(db, cancellationToken));
        if (problems.Count > 0)
        {
            // Disposing the transaction uncommitted undoes the status change.
            return FrameworkWording.Invalid(problems);
        }

        Record(actor, "framework.published", loaded, loaded.Framework.Code, new { version = loaded.Number });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done(versionId);
    }

    /// <summary>Retires a published version: still readable, and evaluations pinned to it keep it, but new ones cannot choose it.</summary>
    public async Task<ServiceResult> RetireAsync(UserAccess actor, Guid versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!FrameworkPermissions.CanEdit(actor))
        {
            return ServiceResult.Forbidden;
        }

        var version = await db.FrameworkVersions.Include(v => v.Framework).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return ServiceResult.NotFound;
        }

        if (version.Status != FrameworkStatus.Published)
        {
            return ServiceResult.Invalid("$", $"Only a published version can be retired; version {version.Number} is {FrameworkWording.Status(version.Status)}");
        }

        version.Status = FrameworkStatus.Retired;
        version.RetiredAt = Now;
        version.ConcurrencyStamp = Guid.NewGuid();
        Record(actor, "framework.retired", version, version.Framework.Code, new { version = version.Number });
        return await SaveAsync(version.Id, cancellationToken);
    }

    /// <summary>Deletes a draft and all it holds; a framework left with no version goes too.</summary>
    public async Task<ServiceResult> DeleteDraftAsync(UserAccess actor, Guid versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!FrameworkPermissions.CanEdit(actor))
        {
            return ServiceResult.Forbidden;
        }

        var version = await db.FrameworkVersions.Include(v => v.Framework).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return ServiceResult.NotFound;
        }

        if (version.Status != FrameworkStatus.Draft)
        {
            return FrameworkWording.Locked(version.Number, version.Status);
        }

        var qualityIndicators = await db.QualityIndicators.CountAsync(q => q.VersionId == versionId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Mappings and illustrations point at QIs and themes with restricting keys: remove them first.
        await db.FrameworkMappings.Where(m => m.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        await db.QiIllustrations.Where(i => db.QualityIndicators.Any(q => q.Id == i.QualityIndicatorId && q.VersionId == versionId)).ExecuteDeleteAsync(cancellationToken);
        await db.QualityIndicators.Where(q => q.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        await db.FrameworkGroups.Where(g => g.VersionId == versionId && g.ParentId != null).ExecuteDeleteAsync(cancellationToken);
        await db.FrameworkGroups.Where(g => g.VersionId == versionId).ExecuteDeleteAsync(cancellationToken);
        db.FrameworkVersions.Remove(version);

        // A scale the draft brought with it goes with it, unless Pif ships it or another version uses it.
        var scale = await db.EvaluationScales.Include(s => s.Levels).SingleAsync(s => s.Id == version.ScaleId, cancellationToken);
        if (!ScaleSeed.All.Any(s => s.Code == scale.Code) && !await db.FrameworkVersions.AnyAsync(v => v.ScaleId == scale.Id && v.Id != versionId, cancellationToken))
        {
            db.EvaluationScales.Remove(scale);
        }

        var last = !await db.FrameworkVersions.AnyAsync(v => v.FrameworkId == version.FrameworkId && v.Id != versionId, cancellationToken);
        if (last)
        {
            db.Frameworks.Remove(version.Framework);
        }

        Record(actor, "framework.draft-deleted", version, version.Framework.Code, new { version = version.Number, version.Title, qualityIndicators });
        // The version's concurrency stamp makes this stale if it was published meanwhile; the deletes above then roll back.
        return await db.SaveOrStaleAsync(last ? null : version.FrameworkId, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Record(UserAccess actor, string action, FrameworkVersion version, string code, object? after) =>
        audit.Record(actor, action, "framework", version.Id, null, null, after is null ? new { code, version = version.Number } : new { code, details = after });

    private async Task<ServiceResult> SaveDraftAsync(FrameworkVersion version, string code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult.Done(version.Id);
        }
        catch (DbUpdateException)
        {
            // Someone else made a draft of this framework at the same moment; the unique index kept only theirs.
            db.ChangeTracker.Clear();
            if (!await HasDraftAsync(code, version.Id, cancellationToken))
            {
                throw;
            }

            return ServiceResult.Invalid("$.code", $"{code} already has a draft: publish or delete it before making another");
        }
    }

    private Task<bool> HasDraftAsync(string code, Guid except, CancellationToken cancellationToken) =>
        db.FrameworkVersions.AsNoTracking().AnyAsync(v => v.Framework.Code == code && v.Status == FrameworkStatus.Draft && v.Id != except, cancellationToken);

    private async Task<ServiceResult> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
        return await db.SaveOrStaleAsync(id, cancellationToken);
    }
}

/// <summary>What an import would do: the document read, every problem, and the version number it would get.</summary>
public sealed record ImportPreview(FrameworkDocument? Document, IReadOnlyList<FrameworkProblem> Problems, int Number);
