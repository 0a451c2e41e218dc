using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Organisations;

namespace Pif.Tests.Modules;

public sealed class OrganisationNameTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Theory]
    [InlineData("Argyll & Bute", "argyll and bute")]
    [InlineData("ARGYLL AND  BUTE", "argyll and bute")]
    [InlineData("  Perth&Kinross ", "perth and kinross")]
    [InlineData("Na h-Eileanan Siar", "na h-eileanan siar")]
    public void Normalise_NameVariants_FoldToOneForm(string name, string expected)
    {
        Assert.Equal(expected, OrganisationNames.Normalise(name));
    }

    // Every variant of DOMAIN.md section 9.3 that real files use finds its council.
    [Theory]
    [InlineData("Argyll & Bute", "S12000035")]
    [InlineData("Edinburgh City", "S12000036")]
    [InlineData("Edinburgh", "S12000036")]
    [InlineData("city of edinburgh", "S12000036")]
    [InlineData("Dumfries & Galloway", "S12000006")]
    [InlineData("Glasgow", "S12000049")]
    [InlineData("Eilean Siar", "S12000013")]
    [InlineData("Comhairle nan Eilean Siar", "S12000013")]
    [InlineData("Western Isles", "S12000013")]
    [InlineData("Orkney", "S12000023")]
    [InlineData("Perth & Kinross", "S12000048")]
    [InlineData("Shetland", "S12000027")]
    [InlineData("Care Inspectorate", "CI")]
    public async Task Alias_PublishedVariant_FindsItsOrganisation(string name, string code)
    {
        var normalised = OrganisationNames.Normalise(name);

        var found = await factory.QueryAsync(db => db.OrganisationAliases
            .Where(a => a.NormalisedName == normalised)
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id, (_, o) => o.Code)
            .SingleAsync());

        Assert.Equal(code, found);
    }

    [Theory]
    [InlineData("Scotland")]
    [InlineData("outside Scotland")]
    public async Task Alias_RowsThatAreNotCouncils_FindNothing(string name)
    {
        var normalised = OrganisationNames.Normalise(name);

        Assert.False(await factory.QueryAsync(db => db.OrganisationAliases.AnyAsync(a => a.NormalisedName == normalised)));
    }

    [Fact]
    public async Task Councils_HaveTheirFormerCodes()
    {
        var former = await factory.QueryAsync(db => db.Organisations
            .Where(o => o.FormerCode != null)
            .OrderBy(o => o.Code)
            .Select(o => o.Code + "<" + o.FormerCode)
            .ToListAsync());

        Assert.Equal(["S12000047<S12000015", "S12000048<S12000024", "S12000049<S12000046", "S12000050<S12000044"], former);
    }
}

public sealed class LgbfCouncilNameTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Alias_EveryCouncilNameInTheRealLgbfFile_FindsExactlyOneCouncil()
    {
        var path = SharedData.Find("lgbf_scotland_real_long.csv");
        if (path is null)
        {
            Assert.Skip("../shared/data/lgbf_scotland_real_long.csv is not here; CI always has it.");
        }

        var names = (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length > 2 && cells[2].Length > 0)
            .Select(cells => cells[2])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var aliases = await factory.QueryAsync(db => db.OrganisationAliases
            .Join(db.Organisations.Where(o => o.Kind == OrganisationKind.Council), a => a.OrganisationId, o => o.Id, (a, o) => new { a.NormalisedName, o.Code })
            .ToDictionaryAsync(a => a.NormalisedName, a => a.Code));

        var matched = names.ToDictionary(n => n, n => aliases.GetValueOrDefault(OrganisationNames.Normalise(n)));

        Assert.Empty(matched.Where(m => m.Value is null).Select(m => m.Key));
        Assert.Equal(32, matched.Values.Distinct().Count());
    }
}
