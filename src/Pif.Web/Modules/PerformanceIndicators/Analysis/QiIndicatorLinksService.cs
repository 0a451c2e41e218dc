using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.PerformanceIndicators.Analysis;

/// <summary>
/// Links national performance indicators to the quality indicators they speak to, and unlinks them: national
/// administrators keep the links, as they keep the frameworks and the catalogue.
/// </summary>
public sealed class QiIndicatorLinksService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string QiField = "Qi";

    /// <summary>A QI as the form offers it: its framework's code and its own, such as PIF|2.1.</summary>
    public static string Key(string frameworkCode, string qiCode) => $"{frameworkCode}|{qiCode}";

    /// <summary>The QIs of every framework's latest published version, to link an indicator to: key, and label.</summary>
    public static async Task<IReadOnlyList<(string Key, string Label)>> OfferedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await db.FrameworkVersions.Where(v => v.Status == FrameworkStatus.Published)
            .Select(v => new { v.Id, v.Number, v.FrameworkId, Code = v.Framework.Code }).ToListAsync(cancellationToken);
        var latest = versions.GroupBy(v => v.FrameworkId).Select(g => g.MaxBy(v => v.Number)!).ToList();
        var ids = latest.Select(v => v.Id).ToList();
        var qis = await db.QualityIndicators.Where(q => ids.Contains(q.VersionId) && !q.IsOverallJudgement)
            .Select(q => new { q.VersionId, q.Code, q.Title, q.Position }).ToListAsync(cancellationToken);
        return latest.OrderBy(v => v.Code, StringComparer.Ordinal)
            .SelectMany(v => qis.Where(q => q.VersionId == v.Id).OrderBy(q => q.Position).Select(q => (Key(v.Code, q.Code), $"{v.Code} {q.Code}: {q.Title}")))
            .ToList();
    }

    public async Task<ServiceResult> AddAsync(UserAccess actor, string code, string? qi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, actor, code, cancellationToken);
        if (indicator is null || indicator.OwnerOrganisationId is not null)
        {
            return ServiceResult.NotFound;
        }

        if (!PerformanceIndicatorPermissions.ImportsNational(actor))
        {
            return ServiceResult.Forbidden;
        }

        var offered = await OfferedAsync(db, cancellationToken);
        if (qi is null || !offered.Any(o => o.Key == qi))
        {
            return ServiceResult.Invalid(QiField, "Choose the quality indicator this indicator speaks to");
        }

        var parts = qi.Split('|');
        if (await db.QiIndicatorLinks.AnyAsync(l => l.IndicatorId == indicator.Id && l.FrameworkCode == parts[0] && l.QiCode == parts[1], cancellationToken))
        {
            return ServiceResult.Invalid(QiField, $"{indicator.Code} is linked to {parts[0]} {parts[1]} already");
        }

        var link = new QiIndicatorLink { FrameworkCode = parts[0], QiCode = parts[1], IndicatorId = indicator.Id, CreatedById = actor.UserId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.QiIndicatorLinks.Add(link);
        audit.Record(actor, "indicator-qi.linked", "performance-indicator", indicator.Id, null, null, new { indicator.Code, Framework = link.FrameworkCode, Qi = link.QiCode });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ServiceResult.Done(link.Id);
        }
        catch (DbUpdateException)
        {
            // Someone else made the same link at the same moment (the unique index).
            db.ChangeTracker.Clear();
            return ServiceResult.Invalid(QiField, $"{indicator.Code} is linked to {parts[0]} {parts[1]} already");
        }
    }

    public async Task<ServiceResult> RemoveAsync(UserAccess actor, string code, Guid linkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var indicator = await PerformanceIndicatorAccess.FindAsync(db, actor, code, cancellationToken);
        if (indicator is null)
        {
            return ServiceResult.NotFound;
        }

        if (!PerformanceIndicatorPermissions.ImportsNational(actor))
        {
            return ServiceResult.Forbidden;
        }

        var link = await db.QiIndicatorLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.IndicatorId == indicator.Id, cancellationToken);
        if (link is null)
        {
            // Already unlinked, by this user elsewhere or by a colleague: what they asked for is so.
            return ServiceResult.Done();
        }

        db.QiIndicatorLinks.Remove(link);
        audit.Record(actor, "indicator-qi.unlinked", "performance-indicator", indicator.Id, null, new { indicator.Code, Framework = link.FrameworkCode, Qi = link.QiCode }, null);
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done();
    }
}
