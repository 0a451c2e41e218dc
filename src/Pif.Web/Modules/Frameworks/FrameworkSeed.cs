using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;
using Pif.Web.Modules.Frameworks.Documents;

namespace Pif.Web.Modules.Frameworks;

/// <summary>
/// The default content: the Performance Improvement Framework and its three good-practice guides,
/// kept as JSON files in the exchange format and loaded as published version 1 when their code is
/// missing. Editing in the product makes new versions and never touches these files.
/// </summary>
internal static class FrameworkSeed
{
    /// <summary>In load order: the guides map into the main framework, so it comes first.</summary>
    public static readonly IReadOnlyList<string> Files = ["pif", "guide-commissioning", "guide-performance-management", "guide-leadership"];

    public static byte[] Read(string file)
    {
        using var stream = typeof(FrameworkSeed).Assembly.GetManifestResourceStream($"Pif.Web.Frameworks.{file}.json")
            ?? throw new InvalidOperationException($"The default framework file {file}.json is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        foreach (var file in Files)
        {
            var (document, problems) = FrameworkReader.Read(Read(file));
            if (document is null || problems.Count > 0)
            {
                throw new InvalidOperationException($"The default framework file {file}.json is not valid: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
            }

            if (await db.Frameworks.AnyAsync(f => f.Code == document.Code, cancellationToken))
            {
                continue;
            }

            var catalogue = await FrameworkQueries.CatalogueAsync(db, cancellationToken);
            problems = FrameworkRules.Check(document, catalogue);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The default framework file {file}.json breaks the framework rules: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var framework = new Framework { Code = document.Code, CreatedAt = now };
            var scale = await db.EvaluationScales.SingleAsync(s => s.Code == document.Scale.Code, cancellationToken);
            db.Frameworks.Add(framework);
            db.FrameworkVersions.Add(FrameworkDocuments.ToVersion(document, framework, 1, FrameworkStatus.Published, scale, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
