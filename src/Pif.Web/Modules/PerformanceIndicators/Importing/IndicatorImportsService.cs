using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pif.Web.Data;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.Organisations.Accounts;
using Pif.Web.Modules.Organisations.Audit;

namespace Pif.Web.Modules.PerformanceIndicators.Importing;

public sealed class IndicatorImportOptions
{
    /// <summary>The largest file taken (LGBF's long file is 3.5 MB).</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>
/// Imports of indicator files: an upload is kept and previewed (what it would add, revise and skip, with every
/// row's problem) and saves no figure; a commit works the changes out again against what is saved then and applies
/// them in one transaction, or none of them.
/// </summary>
public sealed class IndicatorImportsService(AppDbContext db, AuditLog audit, TimeProvider clock, IOptions<IndicatorImportOptions> options)
{
    public const string FileField = "File";

    public const string CouncilField = "Council";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>An import's problems, from the JSON it keeps them in.</summary>
    public static IReadOnlyList<ImportProblem> ProblemsOf(string problems) => JsonSerializer.Deserialize<List<ImportProblem>>(problems, Json) ?? [];

    /// <summary>An import's notes, from the JSON it keeps them in.</summary>
    public static IReadOnlyList<string> NotesOf(string notes) => JsonSerializer.Deserialize<List<string>>(notes, Json) ?? [];

    /// <summary>
    /// Keeps the file and previews it; a file that cannot be read at all is refused with the reason, and nothing is
    /// kept. A file of a council's own indicators is the council's: <paramref name="councilId"/> names it where the
    /// user imports for more than one.
    /// </summary>
    public async Task<ServiceResult> UploadAsync(UserAccess actor, string? fileName, byte[] content, CancellationToken cancellationToken, Guid? councilId = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        var councils = PerformanceIndicatorPermissions.LocalImportCouncils(actor);
        var national = PerformanceIndicatorPermissions.ImportsNational(actor);
        if (!national && councils.Count == 0)
        {
            return ServiceResult.Forbidden;
        }

        if (councilId is { } chosen && !councils.Contains(chosen))
        {
            return ServiceResult.Invalid(CouncilField, "Choose one of the councils whose own indicators you import");
        }

        if (content.Length > MaxBytes)
        {
            return ServiceResult.Invalid(FileField, $"The file is {Sizes.Describe(content.Length)}: choose a file of {Sizes.Describe(MaxBytes)} or less");
        }

        var (file, refusal) = ImportFile.Read(content);
        if (file is null)
        {
            return ServiceResult.Invalid(FileField, refusal!);
        }

        Guid? council = null;
        if (file.Layout == ImportLayout.LocalIndicators)
        {
            if (councils.Count == 0)
            {
                return ServiceResult.Invalid(FileField, "This is a file of a council's own indicators (it has no council column): "
                    + "the council's administrators and evaluation leads import those. A national file names each row's council");
            }

            if (councilId is null && councils.Count > 1)
            {
                return ServiceResult.Invalid(CouncilField, "Choose the council whose own indicators these are");
            }

            council = councilId ?? councils[0];
        }
        else if (!national)
        {
            return ServiceResult.Invalid(FileField, $"This is a national file ({IndicatorWording.Layout(file.Layout)}): national administrators import those. "
                + "Your council's own indicators go in a file with the columns Code, Title, Period and Value");
        }

        var name = Path.GetFileName(fileName ?? "");
        var import = new IndicatorImport
        {
            FileName = string.IsNullOrWhiteSpace(name) ? "upload.csv" : name.Length > IndicatorImport.FileNameMaxLength ? name[..IndicatorImport.FileNameMaxLength] : name,
            Layout = file.Layout,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
            Content = content,
            OrganisationId = council,
        };
        var plan = await ImportPlan.MakeAsync(db, file, import.Id, forCommit: false, cancellationToken, council);
        Record(import, plan);
        db.IndicatorImports.Add(import);
        audit.Record(actor, "indicator-import.uploaded", "indicator-import", import.Id, council, null, new { import.FileName, layout = import.Layout.ToString(), import.Rows, import.Skipped });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(import.Id);
    }

    /// <summary>Applies a previewed import, all of it or none; the summary then says what it did.</summary>
    public async Task<ServiceResult> CommitAsync(UserAccess actor, Guid importId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var import = await PerformanceIndicatorAccess.Imports(db, actor).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return ServiceResult.NotFound;
        }

        if (import.State == ImportState.Committed)
        {
            return ServiceResult.Locked("This file has been imported already: upload it again to import it again");
        }

        var (file, refusal) = ImportFile.Read(import.Content);
        if (file is null)
        {
            return ServiceResult.Invalid(FileField, refusal!);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Taking the import first makes a second commit of it wait, then find it committed.
        var taken = await db.IndicatorImports.Where(i => i.Id == importId && i.State == ImportState.Previewed)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, ImportState.Committed), cancellationToken);
        if (taken == 0)
        {
            return ServiceResult.Locked("This file has been imported already: upload it again to import it again");
        }

        var plan = await ImportPlan.MakeAsync(db, file, import.Id, forCommit: true, cancellationToken, import.OrganisationId);
        await plan.ApplyAsync(db, cancellationToken);
        Record(import, plan);
        import.State = ImportState.Committed;
        import.CommittedAt = clock.GetUtcNow().UtcDateTime;
        import.CommittedById = actor.UserId;
        import.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "indicator-import.committed", "indicator-import", import.Id, import.OrganisationId, null,
            new { import.FileName, import.Added, import.Revised, import.Unchanged, import.Skipped });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ServiceResult.Done(import.Id) with { Count = import.Added + import.Revised };
    }

    private static void Record(IndicatorImport import, ImportPlan plan)
    {
        import.Rows = plan.Rows;
        import.Added = plan.Added;
        import.Revised = plan.Revised;
        import.Unchanged = plan.Unchanged;
        import.Skipped = plan.Skipped;
        import.Problems = JsonSerializer.Serialize(plan.Problems, Json);
        import.Notes = JsonSerializer.Serialize(plan.Notes, Json);
    }
}
