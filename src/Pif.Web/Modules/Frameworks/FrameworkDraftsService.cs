using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks.Documents;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.Frameworks;

/// <summary>
/// Edits the content of a draft: its details, groups and QIs here, the parts of a QI in the
/// other half of this class. Every method refuses a version that is not a draft, so a published
/// version never changes whatever calls it. Problems name the form field to fix.
/// </summary>
public sealed partial class FrameworkDraftsService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<ServiceResult> UpdateDetailsAsync(UserAccess actor, Guid versionId, Guid stamp, DetailsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (TextProblem(("Title", input.Title, FrameworkLimits.TitleMaxLength, true), ("Description", input.Description, FrameworkLimits.DescriptionMaxLength, false),
            ("Publisher", input.Publisher, FrameworkLimits.PublisherMaxLength, false), ("TopGroupLabel", input.TopGroupLabel, FrameworkLimits.GroupLabelMaxLength, true),
            ("SubGroupLabel", input.SubGroupLabel, FrameworkLimits.GroupLabelMaxLength, false)) is { } invalid)
        {
            return invalid;
        }

        var (version, refusal) = await DraftAsync(actor, versionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (version.ConcurrencyStamp != stamp)
        {
            return ServiceResult.Stale;
        }

        var scale = await db.EvaluationScales.Include(s => s.Levels).SingleOrDefaultAsync(s => s.Code == input.ScaleCode, cancellationToken);
        if (scale is null)
        {
            return ServiceResult.Invalid("ScaleCode", "Choose a scale");
        }

        var levels = scale.Levels.Select(l => l.Value).ToList();
        var stray = await db.QiIllustrations.Where(i => !levels.Contains(i.Level) && db.QualityIndicators.Any(q => q.Id == i.QualityIndicatorId && q.VersionId == versionId))
            .Select(i => i.Level).Distinct().ToListAsync(cancellationToken);
        if (stray.Count > 0)
        {
            return ServiceResult.Invalid("ScaleCode", $"The {scale.Name} has no level {string.Join(" or ", stray.Order())}, and some illustrations are at that level: change or remove them first");
        }

        if ((input.SubGroupLabel is null) != (version.SubGroupLabel is null) && await db.FrameworkGroups.AnyAsync(g => g.VersionId == versionId, cancellationToken))
        {
            return ServiceResult.Invalid("SubGroupLabel", version.SubGroupLabel is null
                ? "The groups are one level deep, so there is no second-level label to give: remove the groups first to change how many levels there are"
                : "The groups are two levels deep, so the second-level label is needed: remove the groups first to change how many levels there are");
        }

        var before = new { version.Title, version.Description, version.Publisher, kind = version.Kind.ToString(), scale = version.ScaleId, version.TopGroupLabel, version.SubGroupLabel };
        version.Title = input.Title;
        version.Description = input.Description;
        version.Publisher = input.Publisher;
        version.Kind = input.Kind;
        version.ScaleId = scale.Id;
        version.TopGroupLabel = input.TopGroupLabel;
        version.SubGroupLabel = input.SubGroupLabel;
        version.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(actor, "framework.details-changed", version, before, input, version.Id, cancellationToken);
    }

    public async Task<ServiceResult> AddQiAsync(UserAccess actor, Guid versionId, QiInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (version, refusal) = await DraftAsync(actor, versionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (await QiProblemAsync(version, null, input, cancellationToken) is { } problem)
        {
            return problem;
        }

        var position = await db.QualityIndicators.CountAsync(q => q.GroupId == input.GroupId, cancellationToken);
        var qi = new QualityIndicator
        {
            VersionId = versionId,
            GroupId = input.GroupId,
            Code = input.Code,
            Title = input.Title,
            Summary = input.Summary,
            IsOverallJudgement = input.IsOverallJudgement,
            Position = position,
        };
        db.QualityIndicators.Add(qi);
        return await SaveAsync(actor, "framework.qi-added", version, null, input, qi.Id, cancellationToken);
    }

    public async Task<ServiceResult> UpdateQiAsync(UserAccess actor, Guid qiId, Guid stamp, QiInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var qi = await db.QualityIndicators.SingleOrDefaultAsync(q => q.Id == qiId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, qi?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (qi!.ConcurrencyStamp != stamp)
        {
            return ServiceResult.Stale;
        }

        if (await QiProblemAsync(version, qi, input, cancellationToken) is { } problem)
        {
            return problem;
        }

        var before = new { qi.Code, qi.Title, qi.Summary, qi.IsOverallJudgement, qi.GroupId };

        // Mappings within this framework point at QI codes: they follow a renamed QI.
        foreach (var mapping in await OwnMappingsToAsync(version, qi.Code, cancellationToken))
        {
            mapping.ToQiCode = input.Code;
        }

        if (qi.GroupId != input.GroupId)
        {
            qi.Position = await db.QualityIndicators.CountAsync(q => q.GroupId == input.GroupId, cancellationToken);
        }

        qi.Code = input.Code;
        qi.Title = input.Title;
        qi.Summary = input.Summary;
        qi.IsOverallJudgement = input.IsOverallJudgement;
        qi.GroupId = input.GroupId;
        qi.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(actor, "framework.qi-changed", version, before, input, qi.Id, cancellationToken);
    }

    public async Task<ServiceResult> RemoveQiAsync(UserAccess actor, Guid qiId, CancellationToken cancellationToken)
    {
        var qi = await db.QualityIndicators.SingleOrDefaultAsync(q => q.Id == qiId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, qi?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        db.QualityIndicators.Remove(qi!);
        db.FrameworkMappings.RemoveRange(await OwnMappingsToAsync(version, qi!.Code, cancellationToken));
        await RenumberAsync(db.QualityIndicators.Where(q => q.GroupId == qi.GroupId && q.Id != qiId), cancellationToken);

        // Illustrations point at themes with a restricting key, so they go first, inside the save's transaction.
        return await SaveAsync(actor, "framework.qi-removed", version, new { qi.Code, qi.Title, qi.Summary }, null, null, cancellationToken,
            () => db.QiIllustrations.Where(i => i.QualityIndicatorId == qiId).ExecuteDeleteAsync(cancellationToken));
    }

    public async Task<ServiceResult> MoveQiAsync(UserAccess actor, Guid qiId, bool up, CancellationToken cancellationToken)
    {
        var qi = await db.QualityIndicators.SingleOrDefaultAsync(q => q.Id == qiId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, qi?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        var siblings = await db.QualityIndicators.Where(q => q.GroupId == qi!.GroupId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        Move(siblings, qi!, up);
        return await SaveAsync(actor, "framework.qi-moved", version, null, new { qi!.Code, direction = up ? "up" : "down" }, qi.Id, cancellationToken);
    }

    private async Task<ServiceResult?> QiProblemAsync(FrameworkVersion version, QualityIndicator? qi, QiInput input, CancellationToken cancellationToken)
    {
        if ((Code("Code", input.Code) ?? TextProblem(("Title", input.Title, FrameworkLimits.TitleMaxLength, true), ("Summary", input.Summary, FrameworkLimits.SummaryMaxLength, true))) is { } invalid)
        {
            return invalid;
        }

        var id = qi?.Id ?? Guid.Empty;
        var group = await db.FrameworkGroups.Where(g => g.Id == input.GroupId && g.VersionId == version.Id)
            .Select(g => new { g.ParentId, HasChildren = db.FrameworkGroups.Any(c => c.ParentId == g.Id) }).SingleOrDefaultAsync(cancellationToken);
        var lowest = version.SubGroupLabel is null ? group?.ParentId is null : group?.ParentId is not null;
        if (group is null || !lowest || group.HasChildren)
        {
            return ServiceResult.Invalid("GroupId", $"Choose the {(version.SubGroupLabel ?? version.TopGroupLabel).ToLowerInvariant()} this QI belongs to");
        }

        if (await db.QualityIndicators.AnyAsync(q => q.VersionId == version.Id && q.Id != id && q.Code == input.Code, cancellationToken))
        {
            return ServiceResult.Invalid("Code", $"Another QI has the code {input.Code}: give each QI its own code");
        }

        if (input.IsOverallJudgement && await db.QualityIndicators.Where(q => q.VersionId == version.Id && q.Id != id && q.IsOverallJudgement).Select(q => q.Code).FirstOrDefaultAsync(cancellationToken) is { } overall)
        {
            return ServiceResult.Invalid("IsOverallJudgement", $"{overall} is already the overall judgement, and there can be only one: change {overall} first");
        }

        return null;
    }

    /// <summary>Finds a draft the actor may edit, or says why not: not found, forbidden, or not a draft.</summary>
    private async Task<(FrameworkVersion? Version, ServiceResult? Refusal)> DraftAsync(UserAccess actor, Guid? versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!FrameworkPermissions.CanEdit(actor))
        {
            return (null, ServiceResult.Forbidden);
        }

        var version = versionId is null ? null : await db.FrameworkVersions.Include(v => v.Framework).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (version is null)
        {
            return (null, ServiceResult.NotFound);
        }

        return version.Status == FrameworkStatus.Draft ? (version, null) : (null, FrameworkWording.Locked(version.Number, version.Status));
    }

    private static void Move<T>(List<T> siblings, T item, bool up)
        where T : IPositioned
    {
        var index = siblings.IndexOf(item);
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < siblings.Count)
        {
            (siblings[index], siblings[other]) = (siblings[other], siblings[index]);
        }

        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i;
        }
    }

    private static async Task RenumberAsync<T>(IQueryable<T> remaining, CancellationToken cancellationToken)
        where T : class, IPositioned
    {
        var items = (await remaining.ToListAsync(cancellationToken)).OrderBy(i => i.Position).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Position = i;
        }
    }

    /// <summary>The first text that is missing or too long, as a problem on its field: the service holds the limits whatever calls it.</summary>
    private static ServiceResult? TextProblem(params (string Field, string? Value, int Max, bool Required)[] texts)
    {
        foreach (var (field, value, max, required) in texts)
        {
            if (required && string.IsNullOrWhiteSpace(value))
            {
                return ServiceResult.Invalid(field, "Enter some text");
            }

            if (Texts.Exceeds(value, max))
            {
                return ServiceResult.Invalid(field, $"This text has {Texts.Count(value):N0} characters: shorten it to {max:N0} or fewer");
            }
        }

        return null;
    }

    private static ServiceResult? Code(string field, string? code) =>
        FrameworkLimits.IsCode(code) ? null : ServiceResult.Invalid(field, $"Enter a code of {FrameworkLimits.CodeHint}");

    private Task<List<FrameworkMapping>> OwnMappingsToAsync(FrameworkVersion version, string qiCode, CancellationToken cancellationToken) =>
        db.FrameworkMappings.Where(m => m.VersionId == version.Id && m.ToFrameworkCode == version.Framework.Code && m.ToQiCode == qiCode).ToListAsync(cancellationToken);

    /// <summary>
    /// Saves the change with its audit row in one transaction that first marks the version's content
    /// changed, but only while it is still a draft: a publish that got there first wins, and the
    /// change is refused rather than written into a published version. A lost race is Stale.
    /// </summary>
    private async Task<ServiceResult> SaveAsync(UserAccess actor, string action, FrameworkVersion version, object? before, object? after, Guid? id, CancellationToken cancellationToken, Func<Task<int>>? bulk = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.FrameworkVersions.Where(v => v.Id == version.Id && v.Status == FrameworkStatus.Draft)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ContentChangedAt, now), cancellationToken) == 0)
        {
            db.ChangeTracker.Clear();
            var status = await db.FrameworkVersions.Where(v => v.Id == version.Id).Select(v => (FrameworkStatus?)v.Status).SingleOrDefaultAsync(cancellationToken);
            return status is { } current ? FrameworkWording.Locked(version.Number, current) : ServiceResult.NotFound;
        }

        if (bulk is not null)
        {
            await bulk();
        }

        audit.Record(actor, action, "framework", version.Id, null,
            before is null ? null : new { code = version.Framework.Code, version = version.Number, before },
            after is null ? null : new { code = version.Framework.Code, version = version.Number, after });
        return await db.SaveOrStaleAsync(id, cancellationToken);
    }
}

public sealed record DetailsInput(string Title, string? Description, string? Publisher, FrameworkKind Kind, string ScaleCode, string TopGroupLabel, string? SubGroupLabel);

public sealed record GroupInput(string Code, string Title, Guid? ParentId);

public sealed record QiInput(string Code, string Title, string Summary, bool IsOverallJudgement, Guid GroupId);
