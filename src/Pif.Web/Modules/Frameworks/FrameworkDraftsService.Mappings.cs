using Microsoft.EntityFrameworkCore;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Web.Modules.Frameworks;

/// <summary>Mappings from a QI of a draft to QIs of other frameworks (or of this one), by code.</summary>
public sealed partial class FrameworkDraftsService
{
    public async Task<ServiceResult> AddMappingAsync(UserAccess actor, Guid qiId, MappingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var qi = await db.QualityIndicators.SingleOrDefaultAsync(q => q.Id == qiId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, qi?.VersionId, cancellationToken);
        if (version is null)
        {
            return refusal!;
        }

        if (await MappingProblemAsync(version, qi!, null, input, cancellationToken) is { } problem)
        {
            return problem;
        }

        var mapping = new FrameworkMapping
        {
            VersionId = version.Id,
            FromQualityIndicatorId = qiId,
            ToFrameworkCode = input.ToFrameworkCode,
            ToQiCode = input.ToQiCode,
            Relation = input.Relation,
            Position = await db.FrameworkMappings.CountAsync(m => m.VersionId == version.Id, cancellationToken),
        };
        db.FrameworkMappings.Add(mapping);
        return await SaveAsync(actor, "framework.mapping-added", version, null, new { qi = qi!.Code, input }, mapping.Id, cancellationToken);
    }

    public async Task<ServiceResult> UpdateMappingAsync(UserAccess actor, Guid mappingId, Guid stamp, MappingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (mapping, qi, version, refusal) = await MappingAsync(actor, mappingId, cancellationToken);
        if (mapping is null)
        {
            return refusal!;
        }

        if (mapping.ConcurrencyStamp != stamp)
        {
            return ServiceResult.Stale;
        }

        if (await MappingProblemAsync(version!, qi!, mappingId, input, cancellationToken) is { } problem)
        {
            return problem;
        }

        var before = new { mapping.ToFrameworkCode, mapping.ToQiCode, relation = mapping.Relation.ToString() };
        (mapping.ToFrameworkCode, mapping.ToQiCode, mapping.Relation) = (input.ToFrameworkCode, input.ToQiCode, input.Relation);
        mapping.ConcurrencyStamp = Guid.NewGuid();
        return await SaveAsync(actor, "framework.mapping-changed", version!, new { qi = qi!.Code, before }, new { qi = qi.Code, input }, mappingId, cancellationToken);
    }

    public async Task<ServiceResult> RemoveMappingAsync(UserAccess actor, Guid mappingId, CancellationToken cancellationToken)
    {
        var (mapping, qi, version, refusal) = await MappingAsync(actor, mappingId, cancellationToken);
        if (mapping is null)
        {
            return refusal!;
        }

        db.FrameworkMappings.Remove(mapping);
        await RenumberAsync(db.FrameworkMappings.Where(m => m.VersionId == version!.Id && m.Id != mappingId), cancellationToken);
        return await SaveAsync(actor, "framework.mapping-removed", version!,
            new { qi = qi!.Code, mapping.ToFrameworkCode, mapping.ToQiCode, relation = mapping.Relation.ToString() }, null, null, cancellationToken);
    }

    /// <summary>Moves a mapping up or down among the mappings of its QI.</summary>
    public async Task<ServiceResult> MoveMappingAsync(UserAccess actor, Guid mappingId, bool up, CancellationToken cancellationToken)
    {
        var (mapping, qi, version, refusal) = await MappingAsync(actor, mappingId, cancellationToken);
        if (mapping is null)
        {
            return refusal!;
        }

        var all = (await db.FrameworkMappings.Where(m => m.VersionId == version!.Id).ToListAsync(cancellationToken)).OrderBy(m => m.Position).ToList();
        var own = all.Where(m => m.FromQualityIndicatorId == qi!.Id).ToList();
        var index = own.IndexOf(mapping);
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < own.Count)
        {
            (mapping.Position, own[other].Position) = (own[other].Position, mapping.Position);
        }

        return await SaveAsync(actor, "framework.mapping-moved", version!, null, new { qi = qi!.Code, moved = mappingId, direction = up ? "up" : "down" }, mappingId, cancellationToken);
    }

    private async Task<ServiceResult?> MappingProblemAsync(FrameworkVersion version, QualityIndicator qi, Guid? mappingId, MappingInput input, CancellationToken cancellationToken)
    {
        if (!FrameworkLimits.IsFrameworkCode(input.ToFrameworkCode))
        {
            return ServiceResult.Invalid("ToFrameworkCode", "Choose a framework or guide from the list");
        }

        if (Code("ToQiCode", input.ToQiCode) is { } invalid)
        {
            return invalid;
        }

        var own = input.ToFrameworkCode == version.Framework.Code;
        var known = own || await db.Frameworks.AnyAsync(f => f.Code == input.ToFrameworkCode, cancellationToken);
        if (!known)
        {
            return ServiceResult.Invalid("ToFrameworkCode", $"Pif has no framework {input.ToFrameworkCode}: choose one from the list");
        }

        var exists = own
            ? await db.QualityIndicators.AnyAsync(q => q.VersionId == version.Id && q.Code == input.ToQiCode, cancellationToken)
            : await db.QualityIndicators.AnyAsync(q => q.Code == input.ToQiCode && db.FrameworkVersions.Any(v => v.Id == q.VersionId && v.Framework.Code == input.ToFrameworkCode), cancellationToken);
        if (!exists)
        {
            return ServiceResult.Invalid("ToQiCode", $"{input.ToFrameworkCode} has no QI {input.ToQiCode}: enter the code of one of its QIs, such as 9.2");
        }

        if (own && input.ToQiCode == qi.Code)
        {
            return ServiceResult.Invalid("ToQiCode", "A QI cannot be mapped to itself: choose another QI");
        }

        return await db.FrameworkMappings.AnyAsync(m => m.FromQualityIndicatorId == qi.Id && m.Id != mappingId && m.ToFrameworkCode == input.ToFrameworkCode && m.ToQiCode == input.ToQiCode, cancellationToken)
            ? ServiceResult.Invalid("ToQiCode", $"{qi.Code} is already mapped to {input.ToFrameworkCode} {input.ToQiCode}")
            : null;
    }

    private async Task<(FrameworkMapping? Mapping, QualityIndicator? Qi, FrameworkVersion? Version, ServiceResult? Refusal)> MappingAsync(UserAccess actor, Guid mappingId, CancellationToken cancellationToken)
    {
        var mapping = await db.FrameworkMappings.SingleOrDefaultAsync(m => m.Id == mappingId, cancellationToken);
        var qi = mapping is null ? null : await db.QualityIndicators.SingleAsync(q => q.Id == mapping.FromQualityIndicatorId, cancellationToken);
        var (version, refusal) = await DraftAsync(actor, qi?.VersionId, cancellationToken);
        return version is null ? (null, null, null, refusal) : (mapping, qi, version, null);
    }
}

public sealed record MappingInput(string ToFrameworkCode, string ToQiCode, MappingRelation Relation);
