using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;
using Pif.Web.Modules.SelfEvaluations;

namespace Pif.Web.Modules.Evidence;

/// <summary>
/// A council's evidence library: add, change and delete items, and their files. Every file is
/// checked (size, type from the bytes) before anything is written, and an item with its files is
/// saved in one transaction, so a refused upload leaves nothing behind.
/// </summary>
public sealed class EvidenceService(AppDbContext db, FileStore files, AuditLog audit, TimeProvider clock, IOptions<EvidenceOptions> options)
{
    public async Task<ServiceResult> CreateAsync(UserAccess actor, EvidenceInput input, IReadOnlyList<Upload> uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (input.OrganisationId is not { } council || !EvidencePermissions.CanAdd(actor, council))
        {
            return ServiceResult.Invalid("OrganisationId", "Choose the council the evidence belongs to");
        }

        var (fileProblems, types) = CheckFiles(uploads);
        var problems = (await CheckAsync(input, council, cancellationToken)).Concat(fileProblems).ToList();
        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new EvidenceItem { OrganisationId = council, Title = "", OwnerId = input.OwnerId!.Value, AddedAt = now, AddedById = actor.UserId };
        Apply(item, input, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.EvidenceItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        var stored = await StoreAsync(actor, item, uploads, types, now, cancellationToken);
        audit.Record(actor, "evidence.added", "evidence", item.Id, item.OrganisationId, null, new { item.Title, kind = item.Kind.ToString(), item.EffectiveFrom, item.EffectiveTo, item.OwnerId, item.Link, files = stored });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done(item.Id);
    }

    /// <summary>Changes an item's details; a second save from the same starting point is refused, nothing overwritten.</summary>
    public async Task<ServiceResult> UpdateAsync(UserAccess actor, Guid id, Guid? stamp, EvidenceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (item, refusal) = await ChangesAsync(actor, id, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        if (stamp != item.ConcurrencyStamp)
        {
            return ServiceResult.Stale;
        }

        var problems = await CheckAsync(input, item.OrganisationId, cancellationToken);
        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        // What family it is in and what period it describes are part of the judgements it supports.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if ((input.Kind != item.Kind || input.EffectiveFrom != item.EffectiveFrom || input.EffectiveTo != item.EffectiveTo)
            && await LockedAsync(item, "be given another kind or period", cancellationToken) is { } locked)
        {
            return locked;
        }

        var before = new { item.Title, kind = item.Kind.ToString(), item.Summary, item.Source, item.EffectiveFrom, item.EffectiveTo, item.OwnerId, item.ReviewDate, item.Link };
        Apply(item, input, clock.GetUtcNow().UtcDateTime);
        audit.Record(actor, "evidence.changed", "evidence", item.Id, item.OrganisationId, before, new { item.Title, kind = item.Kind.ToString(), item.Summary, item.Source, item.EffectiveFrom, item.EffectiveTo, item.OwnerId, item.ReviewDate, item.Link });
        return await db.SaveOrStaleAsync(item.Id, cancellationToken);
    }

    public async Task<ServiceResult> AddFilesAsync(UserAccess actor, Guid id, IReadOnlyList<Upload> uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        var (item, refusal) = await ChangesAsync(actor, id, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        var (problems, types) = uploads.Count == 0 ? ([new FieldProblem("Files", "Choose a file to upload")], []) : CheckFiles(uploads);
        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await HoldAsync(item, now, cancellationToken))
        {
            return ServiceResult.NotFound;
        }

        var stored = await StoreAsync(actor, item, uploads, types, now, cancellationToken);
        item.UpdatedAt = now;
        audit.Record(actor, "evidence.files-added", "evidence", item.Id, item.OrganisationId, null, new { files = stored });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done(item.Id) with { Count = stored.Count };
    }

    public async Task<ServiceResult> RemoveFileAsync(UserAccess actor, Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var (item, refusal) = await ChangesAsync(actor, id, cancellationToken);
        var file = item is null ? null : await db.EvidenceFiles.SingleOrDefaultAsync(f => f.Id == fileId && f.EvidenceItemId == id, cancellationToken);
        if (item is null || file is null)
        {
            return refusal ?? ServiceResult.NotFound;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await LockedAsync(item, "have its files removed", cancellationToken) is { } locked)
        {
            return locked;
        }

        await db.FileChunks.Where(c => c.FileId == fileId).ExecuteDeleteAsync(cancellationToken);
        db.EvidenceFiles.Remove(file);
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "evidence.file-removed", "evidence", item.Id, item.OrganisationId, new { file.FileName, file.Length }, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done(item.Id);
    }

    public async Task<ServiceResult> DeleteAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        var (item, refusal) = await ChangesAsync(actor, id, cancellationToken);
        if (item is null)
        {
            return refusal!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await HoldAsync(item, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return ServiceResult.NotFound;
        }

        if (await LockedAsync(item, "be deleted", cancellationToken) is { } locked)
        {
            return locked;
        }

        // The links go with the item: each QI evaluation's history says so.
        foreach (var qi in await db.EvidenceLinks.Where(l => l.EvidenceItemId == id).Select(l => l.QiEvaluationId).ToListAsync(cancellationToken))
        {
            audit.Record(actor, "evidence.unlinked", "qi-evaluation", qi, item.OrganisationId, new { evidence = item.Title, deleted = true }, null);
        }

        var fileIds = await db.EvidenceFiles.Where(f => f.EvidenceItemId == id).Select(f => f.Id).ToListAsync(cancellationToken);
        await db.FileChunks.Where(c => fileIds.Contains(c.FileId)).ExecuteDeleteAsync(cancellationToken);
        db.EvidenceItems.Remove(item);
        audit.Record(actor, "evidence.deleted", "evidence", item.Id, item.OrganisationId, new { item.Title, kind = item.Kind.ToString(), files = fileIds.Count }, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done();
    }

    private async Task<(EvidenceItem? Item, ServiceResult? Refusal)> ChangesAsync(UserAccess actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var item = await EvidenceAccess.Visible(db, actor).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (item is null)
        {
            return (null, ServiceResult.NotFound);
        }

        return await EvidencePermissions.CanChangeAsync(db, actor, item, cancellationToken) ? (item, null) : (null, ServiceResult.Forbidden);
    }

    /// <summary>
    /// Inside the caller's transaction, writes the item's row first, so an upload and a delete of the same
    /// item take turns: false when a delete got there first and the item is gone.
    /// </summary>
    private async Task<bool> HoldAsync(EvidenceItem item, DateTime now, CancellationToken cancellationToken) =>
        await db.EvidenceItems.Where(e => e.Id == item.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.UpdatedAt, now), cancellationToken) == 1;

    /// <summary>
    /// Inside the caller's transaction, holds the row of every self-evaluation the item supports, so none is
    /// submitted meanwhile; a refusal naming those already past In progress, if any.
    /// </summary>
    private async Task<ServiceResult?> LockedAsync(EvidenceItem item, string change, CancellationToken cancellationToken)
    {
        var supported = await db.EvidenceLinks.Where(l => l.EvidenceItemId == item.Id)
            .Join(db.QiEvaluations, l => l.QiEvaluationId, q => q.Id, (_, q) => q.SelfEvaluationId)
            .Join(db.SelfEvaluations, s => s, s => s.Id, (_, s) => new { s.Id, s.Title }).Distinct().ToListAsync(cancellationToken);
        var locking = new List<string>();
        foreach (var evaluation in supported)
        {
            if (!await QiEvaluationLocks.HoldOpenAsync(db, evaluation.Id, clock, cancellationToken))
            {
                locking.Add(evaluation.Title);
            }
        }

        return locking.Count == 0 ? null
            : ServiceResult.Invalid("Item", $"This evidence supports {string.Join(" and ", locking)}, which {(locking.Count == 1 ? "has" : "have")} been submitted, so it cannot {change} now");
    }

    private async Task<List<FieldProblem>> CheckAsync(EvidenceInput input, Guid council, CancellationToken cancellationToken)
    {
        var problems = EvidenceRules.Check(input);
        if (input.OwnerId is { } owner && !await CouncilMembers.WhoOwnWork(db, council).AnyAsync(u => u.Id == owner, cancellationToken))
        {
            problems.Add(new("OwnerId", "Choose an owner from the council's users"));
        }

        return problems;
    }

    /// <summary>Every file's size and type, and the total, before anything is written; the types found, in order.</summary>
    private (List<FieldProblem> Problems, List<string> Types) CheckFiles(IReadOnlyList<Upload> uploads)
    {
        var limits = options.Value;
        var problems = new List<FieldProblem>();
        var types = new List<string>();
        foreach (var upload in uploads)
        {
            if (upload.Content.Length > limits.MaxFileBytes)
            {
                problems.Add(new("Files", $"{upload.FileName} is {Sizes.Describe(upload.Content.Length)}: the largest file Pif takes is {Sizes.Describe(limits.MaxFileBytes)}"));
            }
            else if (FileTypes.Detect(upload.Content, upload.FileName) is var (type, problem) && problem is not null)
            {
                problems.Add(new("Files", problem));
            }
            else
            {
                types.Add(type!);
            }
        }

        var total = uploads.Sum(u => u.Content.Length);
        if (total > limits.MaxRequestBytes)
        {
            problems.Add(new("Files", $"The files come to {Sizes.Describe(total)}: upload at most {Sizes.Describe(limits.MaxRequestBytes)} at once, and the rest afterwards"));
        }

        return (problems, types);
    }

    private async Task<List<string>> StoreAsync(UserAccess actor, EvidenceItem item, IReadOnlyList<Upload> uploads, List<string> types, DateTime now, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var (upload, type) in uploads.Zip(types))
        {
            var file = new EvidenceFile
            {
                EvidenceItemId = item.Id,
                FileName = FileNames.Sanitise(upload.FileName),
                ContentType = type,
                UploadedAt = now,
                UploadedById = actor.UserId,
            };
            db.EvidenceFiles.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            (file.Length, file.Chunks) = await files.WriteAsync(file.Id, upload.Content, cancellationToken);
            names.Add(file.FileName);
        }

        return names;
    }

    private static void Apply(EvidenceItem item, EvidenceInput input, DateTime now)
    {
        item.Title = input.Title!.Trim();
        item.Kind = input.Kind!.Value;
        item.Summary = Texts.Clean(input.Summary);
        item.Source = Texts.Clean(input.Source);
        item.EffectiveFrom = input.EffectiveFrom!.Value;
        item.EffectiveTo = input.EffectiveTo!.Value;
        item.OwnerId = input.OwnerId!.Value;
        item.ReviewDate = input.ReviewDate;
        item.Link = ExternalLinks.Clean(input.Link);
        item.UpdatedAt = now;
        item.ConcurrencyStamp = Guid.NewGuid();
    }
}

/// <summary>An evidence item's details as entered; the rules say what each needs.</summary>
public sealed record EvidenceInput(
    Guid? OrganisationId, string? Title, EvidenceKind? Kind, string? Summary, string? Source, DateOnly? EffectiveFrom, DateOnly? EffectiveTo, Guid? OwnerId, DateOnly? ReviewDate, string? Link);

/// <summary>An uploaded file: the name it came with, and its bytes as a seekable stream.</summary>
public sealed record Upload(string FileName, Stream Content);
