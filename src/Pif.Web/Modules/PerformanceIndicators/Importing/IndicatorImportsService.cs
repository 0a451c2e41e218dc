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
    /// user imports for more than one. A file whose layout Pif does not know is kept, when <paramref name="keepUnknown"/>
    /// says so, for the user to say what its columns hold (<see cref="MapColumnsAsync"/>); a layout someone has
    /// described before is read as they said.
    /// </summary>
    public async Task<ServiceResult> UploadAsync(UserAccess actor, string? fileName, byte[] content, CancellationToken cancellationToken, Guid? councilId = null, bool keepUnknown = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        var councils = PerformanceIndicatorPermissions.LocalImportCouncils(actor);
        if (!PerformanceIndicatorPermissions.ImportsNational(actor) && councils.Count == 0)
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

        var (mappingFor, mapped) = await RememberedAsync(cancellationToken);
        var (file, refusal) = ImportFile.Read(content, mappingFor);
        var name = Path.GetFileName(fileName ?? "");
        var import = new IndicatorImport
        {
            FileName = string.IsNullOrWhiteSpace(name) ? "upload.csv" : name.Length > IndicatorImport.FileNameMaxLength ? name[..IndicatorImport.FileNameMaxLength] : name,
            Layout = file?.Layout ?? ImportLayout.Unknown,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedById = actor.UserId,
            Content = content,
        };
        if (file is null)
        {
            if (!keepUnknown || ImportFile.UnknownHeader(content) is null)
            {
                return ServiceResult.Invalid(FileField, refusal!);
            }

            // Kept as the user's own council's, so the user alone (with that council's importers) finds it again.
            import.OrganisationId = councilId ?? (PerformanceIndicatorPermissions.ImportsNational(actor) || councils.Count != 1 ? null : councils[0]);
            import.Notes = JsonSerializer.Serialize(new[] { refusal }, Json);
        }
        else
        {
            var (council, problem) = Whose(actor, file.Layout, councilId);
            if (problem is not null)
            {
                return problem;
            }

            import.OrganisationId = council;
            var plan = await ImportPlan.MakeAsync(db, file, import.Id, forCommit: false, cancellationToken, council);
            Record(import, plan, mapped());
        }

        db.IndicatorImports.Add(import);
        audit.Record(actor, "indicator-import.uploaded", "indicator-import", import.Id, import.OrganisationId, null, new { import.FileName, layout = import.Layout.ToString(), import.Rows, import.Skipped });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(import.Id);
    }

    /// <summary>
    /// Says what each column of a kept file of an unknown layout holds (by its position; null for a column not to
    /// import), remembers it for the next file laid out the same way, and previews the file as read that way.
    /// </summary>
    public async Task<ServiceResult> MapColumnsAsync(UserAccess actor, Guid importId, IReadOnlyList<ImportColumn?> columns, Guid? councilId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(columns);
        var import = await PerformanceIndicatorAccess.Imports(db, actor).SingleOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (import is null)
        {
            return ServiceResult.NotFound;
        }

        if (import.Layout != ImportLayout.Unknown || import.State != ImportState.Previewed)
        {
            return ServiceResult.Locked("Pif reads this file already: upload it again to read it another way");
        }

        var header = ImportFile.UnknownHeader(import.Content) ?? [];
        var problems = new List<FieldProblem>();
        foreach (var twice in columns.Select((c, i) => (c, i)).Where(x => x.c is not null).GroupBy(x => x.c!.Value).Where(g => g.Count() > 1))
        {
            problems.AddRange(twice.Skip(1).Select(x => new FieldProblem($"Columns[{x.i}]",
                $"“{header.ElementAtOrDefault(x.i)}” and “{header.ElementAtOrDefault(twice.First().i)}” both hold {ImportColumns.Describe(twice.Key).ToLowerInvariant()}: choose it for one column")));
        }

        // Pif remembers a column by its heading, so a column without one, or with another's, cannot be told apart.
        for (var i = 0; i < Math.Min(columns.Count, header.Count); i++)
        {
            if (columns[i] is null)
            {
                continue;
            }

            if (header[i].Length == 0)
            {
                problems.Add(new($"Columns[{i}]", "This column has no heading, so Pif cannot tell it apart in the next file: give it a heading and upload the file again, or leave it not imported"));
            }
            else if (header.Count(h => h == header[i]) > 1)
            {
                problems.Add(new($"Columns[{i}]", $"Two columns are headed “{header[i]}”, so Pif cannot tell them apart: give them different headings and upload the file again, or leave them not imported"));
            }
        }

        var missing = new[] { ImportColumn.Code, ImportColumn.Period, ImportColumn.Value }.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            var named = missing.Select(c => ImportColumns.Describe(c).ToLowerInvariant()).ToList();
            var list = named.Count == 1 ? named[0] : string.Join(", ", named[..^1]) + " and " + named[^1];
            problems.Add(new("Columns", $"Say which column holds {list}: every file needs a code, a period and a value"));
        }

        if (problems.Count > 0)
        {
            return ServiceResult.Invalid(problems);
        }

        var mapping = header.Select((h, i) => (h, c: columns.ElementAtOrDefault(i))).Where(x => x.c is not null && x.h.Length > 0)
            .GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().c!.Value, StringComparer.Ordinal);
        var (file, refusal) = ImportFile.Read(import.Content, _ => mapping);
        if (file is null)
        {
            return ServiceResult.Invalid("Columns", refusal!);
        }

        var (council, problem) = Whose(actor, file.Layout, councilId ?? import.OrganisationId);
        if (problem is not null)
        {
            return problem;
        }

        var signature = ImportColumnMapping.SignatureOf(header);
        var remembered = await db.ImportColumnMappings.SingleOrDefaultAsync(m => m.Signature == signature, cancellationToken);
        if (remembered is null)
        {
            remembered = new ImportColumnMapping { Signature = signature, Columns = "{}" };
            db.ImportColumnMappings.Add(remembered);
        }

        remembered.Columns = JsonSerializer.Serialize(mapping.ToDictionary(m => m.Key, m => m.Value.ToString()), Json);
        remembered.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        remembered.UpdatedById = actor.UserId;
        import.Layout = file.Layout;
        import.OrganisationId = council;
        import.ConcurrencyStamp = Guid.NewGuid();
        var plan = await ImportPlan.MakeAsync(db, file, import.Id, forCommit: false, cancellationToken, council);
        Record(import, plan, Described(mapping));
        audit.Record(actor, "indicator-import.columns-mapped", "indicator-import", import.Id, council, null,
            new { import.FileName, layout = import.Layout.ToString(), columns = mapping.ToDictionary(m => m.Key, m => m.Value.ToString()) });
        await db.SaveChangesAsync(cancellationToken);
        return ServiceResult.Done(import.Id);
    }

    /// <summary>The council a file's figures are for (a council's own indicators), or null for a national file; or why the user may not import it.</summary>
    private static (Guid? Council, ServiceResult? Problem) Whose(UserAccess actor, ImportLayout layout, Guid? councilId)
    {
        var councils = PerformanceIndicatorPermissions.LocalImportCouncils(actor);
        if (layout != ImportLayout.LocalIndicators)
        {
            return PerformanceIndicatorPermissions.ImportsNational(actor) ? (null, null)
                : (null, ServiceResult.Invalid(FileField, $"This is a national file ({IndicatorWording.Layout(layout)}): national administrators import those. "
                    + "Your council's own indicators go in a file with the columns Code, Title, Period and Value"));
        }

        if (councils.Count == 0)
        {
            return (null, ServiceResult.Invalid(FileField, "This is a file of a council's own indicators (it has no council column): "
                + "the council's administrators and evaluation leads import those. A national file names each row's council"));
        }

        if (councilId is { } chosen && councils.Contains(chosen))
        {
            return (chosen, null);
        }

        return councils.Count == 1 ? (councils[0], null) : (null, ServiceResult.Invalid(CouncilField, "Choose the council whose own indicators these are"));
    }

    /// <summary>
    /// The column mappings people have given, by layout, for reading a file; and after a read, the words for the one
    /// used, if one was.
    /// </summary>
    private async Task<(Func<IReadOnlyList<string>, IReadOnlyDictionary<string, ImportColumn>?> MappingFor, Func<string?> Used)> RememberedAsync(CancellationToken cancellationToken)
    {
        var remembered = await db.ImportColumnMappings.AsNoTracking().ToDictionaryAsync(m => m.Signature, m => m.Columns, StringComparer.Ordinal, cancellationToken);
        Dictionary<string, ImportColumn>? used = null;
        return (header =>
        {
            if (!remembered.TryGetValue(ImportColumnMapping.SignatureOf(header), out var json))
            {
                return null;
            }

            used = (JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [])
                .Where(c => Enum.TryParse<ImportColumn>(c.Value, out _)).ToDictionary(c => c.Key, c => Enum.Parse<ImportColumn>(c.Value), StringComparer.Ordinal);
            return used;
        }, () => used is null ? null : Described(used));
    }

    private static string Described(IReadOnlyDictionary<string, ImportColumn> mapping) =>
        "Pif read the columns as you said they hold: " + string.Join("; ", mapping.Select(m => $"{m.Key}, {ImportColumns.Describe(m.Value).ToLowerInvariant()}"))
        + ". It remembers this for the next file with the same columns.";

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

        if (import.Layout == ImportLayout.Unknown)
        {
            return ServiceResult.Invalid("Columns", "Say what each column of the file holds first");
        }

        var (mappingFor, mapped) = await RememberedAsync(cancellationToken);
        var (file, refusal) = ImportFile.Read(import.Content, mappingFor);
        if (file is null || file.Layout != import.Layout)
        {
            // Someone has said since that this layout's columns hold something else.
            return ServiceResult.Invalid(FileField, refusal ?? "The file's columns are now read another way: upload it again to see what it would do");
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
        Record(import, plan, mapped());
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

    private static void Record(IndicatorImport import, ImportPlan plan, string? mapped = null)
    {
        if (mapped is not null)
        {
            plan.Notes.Insert(0, mapped);
        }

        import.Rows = plan.Rows;
        import.Added = plan.Added;
        import.Revised = plan.Revised;
        import.Unchanged = plan.Unchanged;
        import.Skipped = plan.Skipped;
        import.Problems = JsonSerializer.Serialize(plan.Problems, Json);
        import.Notes = JsonSerializer.Serialize(plan.Notes, Json);
    }
}
