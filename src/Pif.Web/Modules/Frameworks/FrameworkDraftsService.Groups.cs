using Microsoft.EntityFrameworkCore;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Frameworks;

/// <summary>The groups of a draft: high-level questions and key areas, or whatever the framework calls them.</summary>
public sealed partial class FrameworkDraftsService
{
    public async Task<ServiceResult> AddGroupAsync(UserAccess actor, Guid versionId, GroupInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (version, refusal) = await DraftAsync(actor, versionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (await GroupProblemAsync(version, null, input, cancellationToken) is { } problem)
        {
            return problem;
        }

        var position = await db.FrameworkGroups.Where(g => g.VersionId == versionId && g.ParentId == input.ParentId).CountAsync(cancellationToken);
        var group = new FrameworkGroup { VersionId = versionId, ParentId = input.ParentId, Code = input.Code, Title = input.Title, Position = position };
        db.FrameworkGroups.Add(group);
        return await SaveAsync(actor, "framework.group-added", version, null, input, group.Id, cancellationToken);
    }

    public async Task<ServiceResult> UpdateGroupAsync(UserAccess actor, Guid groupId, Guid stamp, GroupInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var group = await db.FrameworkGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, group?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (group!.ConcurrencyStamp != stamp)
        {
            return ServiceResult.Stale;
        }

        if (await GroupProblemAsync(version, group, input with { ParentId = group.ParentId }, cancellationToken) is { } problem)
        {
            return problem;
        }

        var before = new { group.Code, group.Title };
        group.Code = input.Code;
        group.Title = input.Title;
        group.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(actor, "framework.group-changed", version, before, new { input.Code, input.Title }, group.Id, cancellationToken);
    }

    public async Task<ServiceResult> RemoveGroupAsync(UserAccess actor, Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.FrameworkGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, group?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (await db.FrameworkGroups.AnyAsync(g => g.ParentId == groupId, cancellationToken) || await db.QualityIndicators.AnyAsync(q => q.GroupId == groupId, cancellationToken))
        {
            return ServiceResult.Invalid("Groups", $"{group!.Code} {group.Title} still holds groups or QIs: move or remove them first");
        }

        db.FrameworkGroups.Remove(group!);
        await RenumberAsync(db.FrameworkGroups.Where(g => g.VersionId == version.Id && g.ParentId == group!.ParentId && g.Id != groupId), cancellationToken);
        return await SaveAsync(actor, "framework.group-removed", version, new { group!.Code, group.Title }, null, null, cancellationToken);
    }

    public async Task<ServiceResult> MoveGroupAsync(UserAccess actor, Guid groupId, bool up, CancellationToken cancellationToken)
    {
        var group = await db.FrameworkGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, group?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        var siblings = await db.FrameworkGroups.Where(g => g.VersionId == version.Id && g.ParentId == group!.ParentId).OrderBy(g => g.Position).ToListAsync(cancellationToken);
        Move(siblings, group!, up);
        return await SaveAsync(actor, "framework.group-moved", version, null, new { group!.Code, direction = up ? "up" : "down" }, group.Id, cancellationToken);
    }

    private async Task<ServiceResult?> GroupProblemAsync(FrameworkVersion version, FrameworkGroup? group, GroupInput input, CancellationToken cancellationToken)
    {
        if ((Code("Code", input.Code) ?? TextProblem(("Title", input.Title, FrameworkLimits.TitleMaxLength, true))) is { } invalid)
        {
            return invalid;
        }

        var level = input.ParentId is null ? 1 : 2;
        if (input.ParentId is { } parentId && (version.SubGroupLabel is null || !await db.FrameworkGroups.AnyAsync(g => g.Id == parentId && g.VersionId == version.Id && g.ParentId == null, cancellationToken)))
        {
            return ServiceResult.Invalid("ParentId", $"Choose the {version.TopGroupLabel.ToLowerInvariant()} this group belongs to");
        }

        var clash = await db.FrameworkGroups.AnyAsync(g => g.VersionId == version.Id && g.Id != (group == null ? Guid.Empty : group.Id)
            && (level == 1 ? g.ParentId == null : g.ParentId != null) && g.Code == input.Code, cancellationToken);
        return clash ? ServiceResult.Invalid("Code", $"Another {(level == 1 ? version.TopGroupLabel : version.SubGroupLabel)!.ToLowerInvariant()} has the code {input.Code}: give each its own code") : null;
    }
}
