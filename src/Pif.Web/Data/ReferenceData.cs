using Pif.Web.Modules.Frameworks;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Organisations;

namespace Pif.Web.Data;

/// <summary>Reference data that every environment needs, seeded idempotently after migrations.</summary>
internal static class ReferenceData
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await OrganisationSeed.SeedAsync(db, cancellationToken);
        await ScaleSeed.SeedAsync(db, cancellationToken);
        await FrameworkSeed.SeedAsync(db, TimeProvider.System, cancellationToken);
        await OutcomeSetSeed.SeedAsync(db, TimeProvider.System, cancellationToken);
    }
}
