using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.NationalOutcomes;

/// <summary>The national outcome sets every installation needs (the 2007 set and the 2011 set), loaded when their code is missing.</summary>
internal static class OutcomeSetSeed
{
    public static readonly IReadOnlyList<string> Files = ["npf-2007", "npf-2011"];

    public static byte[] Read(string file)
    {
        using var stream = typeof(OutcomeSetSeed).Assembly.GetManifestResourceStream($"Pif.Web.NationalOutcomes.{file}.json")
            ?? throw new InvalidOperationException($"The outcome set file {file}.json is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static async Task SeedAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        foreach (var file in Files)
        {
            var (document, problems) = OutcomeSetFile.Read(Read(file));
            if (document is null)
            {
                throw new InvalidOperationException($"The outcome set file {file}.json is not valid: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"))}");
            }

            if (!await db.OutcomeSets.AnyAsync(s => s.Code == document.Code, cancellationToken))
            {
                db.OutcomeSets.Add(OutcomeSets.From(document, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
