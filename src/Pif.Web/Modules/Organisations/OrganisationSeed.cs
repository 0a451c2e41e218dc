using Microsoft.EntityFrameworkCore;
using Pif.Web.Data;

namespace Pif.Web.Modules.Organisations;

/// <summary>
/// The 32 councils and the Care Inspectorate. Seeding only adds organisations that are missing,
/// so it is safe on every start and never undoes a change an administrator made in the product.
/// </summary>
internal static class OrganisationSeed
{
    public const string CareInspectorateCode = "CI";

    internal sealed record SeedOrganisation(
        string Code, string Name, OrganisationKind Kind, string? FormerCode = null, params string[] Variants);

    public static readonly IReadOnlyList<SeedOrganisation> All =
    [
        new(CareInspectorateCode, "Care Inspectorate", OrganisationKind.Inspectorate),
        Council("S12000033", "Aberdeen City"),
        Council("S12000034", "Aberdeenshire"),
        Council("S12000041", "Angus"),
        Council("S12000035", "Argyll and Bute", null, "Argyll & Bute"),
        Council("S12000036", "City of Edinburgh", null, "Edinburgh City", "Edinburgh"),
        Council("S12000005", "Clackmannanshire"),
        Council("S12000006", "Dumfries and Galloway", null, "Dumfries & Galloway"),
        Council("S12000042", "Dundee City"),
        Council("S12000008", "East Ayrshire"),
        Council("S12000045", "East Dunbartonshire"),
        Council("S12000010", "East Lothian"),
        Council("S12000011", "East Renfrewshire"),
        Council("S12000014", "Falkirk"),
        Council("S12000047", "Fife", "S12000015"),
        Council("S12000049", "Glasgow City", "S12000046", "Glasgow"),
        Council("S12000017", "Highland"),
        Council("S12000018", "Inverclyde"),
        Council("S12000019", "Midlothian"),
        Council("S12000020", "Moray"),
        Council("S12000013", "Na h-Eileanan Siar", null, "Eilean Siar", "Comhairle nan Eilean Siar", "Western Isles"),
        Council("S12000021", "North Ayrshire"),
        Council("S12000050", "North Lanarkshire", "S12000044"),
        Council("S12000023", "Orkney Islands", null, "Orkney"),
        Council("S12000048", "Perth and Kinross", "S12000024", "Perth & Kinross"),
        Council("S12000038", "Renfrewshire"),
        Council("S12000026", "Scottish Borders"),
        Council("S12000027", "Shetland Islands", null, "Shetland"),
        Council("S12000028", "South Ayrshire"),
        Council("S12000029", "South Lanarkshire"),
        Council("S12000030", "Stirling"),
        Council("S12000039", "West Dunbartonshire"),
        Council("S12000040", "West Lothian"),
    ];

    private static SeedOrganisation Council(string code, string name, string? formerCode = null, params string[] variants) =>
        new(code, name, OrganisationKind.Council, formerCode, variants);

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var codes = (await db.Organisations.Select(o => new { o.Code, o.FormerCode }).ToListAsync(cancellationToken))
            .SelectMany(o => new[] { o.Code, o.FormerCode }).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var knownAliases = (await db.OrganisationAliases.Select(a => a.NormalisedName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        // An organisation an administrator has since re-coded is found by either code; one that
        // exists is left exactly as the administrator keeps it, names included.
        foreach (var seed in All.Where(s => !codes.Contains(s.Code) && (s.FormerCode is null || !codes.Contains(s.FormerCode))))
        {
            var organisation = new Organisation { Code = seed.Code, Name = seed.Name, FormerCode = seed.FormerCode, Kind = seed.Kind };
            foreach (var name in seed.Variants.Prepend(seed.Name))
            {
                var normalised = OrganisationNames.Normalise(name);
                if (knownAliases.Add(normalised))
                {
                    organisation.Aliases.Add(new OrganisationAlias { Name = name, NormalisedName = normalised });
                }
            }

            db.Organisations.Add(organisation);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
