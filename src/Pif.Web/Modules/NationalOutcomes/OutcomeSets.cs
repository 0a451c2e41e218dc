using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.NationalOutcomes;

/// <summary>The national outcome sets: read by everyone signed in; a national administrator loads a later set from a file.</summary>
public sealed class OutcomeSets(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string FileField = "File";

    /// <summary>Every set with its outcomes, newest first.</summary>
    public static async Task<List<OutcomeSet>> AllAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. (await db.OutcomeSets.AsNoTracking().Include(s => s.Outcomes).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.Year).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => { s.Outcomes.Sort((a, b) => a.Number.CompareTo(b.Number)); return s; })];
    }

    /// <summary>Loads a set from its file; refused with every problem by its path, or when its code is taken.</summary>
    public async Task<ServiceResult> ImportAsync(UserAccess actor, ReadOnlyMemory<byte> file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!NationalOutcomePermissions.LoadsSets(actor))
        {
            return ServiceResult.Forbidden;
        }

        var (document, problems) = OutcomeSetFile.Read(file.Span);
        if (document is null)
        {
            return ServiceResult.Invalid([.. problems.Select(p => new FieldProblem(FileField, $"{p.Field}: {p.Message}"))]);
        }

        if (await db.OutcomeSets.AnyAsync(s => s.Code == document.Code, cancellationToken))
        {
            return ServiceResult.Invalid(FileField, $"$.code: There is already a set {document.Code}: a set never changes once loaded, so give a new version a new code");
        }

        var set = From(document, clock.GetUtcNow().UtcDateTime);
        db.OutcomeSets.Add(set);
        audit.Record(actor, "outcome-set.loaded", "outcome-set", set.Id, null, null, new { set.Code, set.Title, Outcomes = set.Outcomes.Count });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(set.Id);
    }

    internal static OutcomeSet From(OutcomeSetFile.Document document, DateTime now)
    {
        var set = new OutcomeSet { Code = document.Code, Title = document.Title, Year = document.Year, Source = document.Source, LoadedAt = now };
        set.Outcomes.AddRange(document.Outcomes.Select(o => new NationalOutcome { SetId = set.Id, Number = o.Number, Title = o.Title, Statement = o.Statement }));
        return set;
    }
}
