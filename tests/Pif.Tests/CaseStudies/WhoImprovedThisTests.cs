using System.Text;
using Pif.Testing;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.PerformanceIndicators;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.CaseStudies;

/// <summary>
/// "Who improved this, and how": the family group's most improved councils over five years, with their case studies.
/// A host of its own, so its figures change no other test's indicator pages.
/// </summary>
public sealed class WhoImprovedThisTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const string Header = ",Code,LocalAuthority,Year,LA_IndicatorReal,LA_Numerator_real,LA_Den_Real,Scotland_Indicator_Real,Scotland_Num_Real,Scotland_Den_Real,FG_Avg_Indicator_Real,FG_Avg_Num_Real,FG_Avg_Den_Real,FamilyGroup\n";

    [Fact]
    public async Task Indicator_NamesTheFamilyGroupsMostImprovedCouncils_WithTheirCaseStudies()
    {
        // SW01 is a cost: lower is better. Fife improved most of all, but is in another family group.
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue), "catalogue.csv");
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Header
            + "0,SW01,Glasgow City,2017-18,20,,,22,,,21,,,Most Deprived\n1,SW01,Glasgow City,2022-23,18,,,22,,,21,,,Most Deprived\n"
            + "2,SW01,Dundee City,2017-18,25,,,22,,,21,,,Most Deprived\n3,SW01,Dundee City,2022-23,21,,,22,,,21,,,Most Deprived\n"
            + "4,SW01,Inverclyde,2017-18,20,,,22,,,21,,,Most Deprived\n5,SW01,Inverclyde,2022-23,23,,,22,,,21,,,Most Deprived\n"
            + "6,SW01,Fife,2017-18,30,,,22,,,21,,,3\n7,SW01,Fife,2022-23,10,,,22,,,21,,,3\n"), "costs.csv");
        var dundee = await Security.SecuritySteps.OrganisationIdAsync(factory, "Dundee City");
        var study = await CaseStudySteps.PublishedAsync(factory, CaseStudySteps.Input("Shared home care rotas with Dundee") with { Councils = [dundee], Indicators = "SW01" });
        var lead = await AsAsync(factory, Lead);

        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW01", TestContext.Current.CancellationToken));

        Assert.Contains("(lower is better) from 2017-18 to 2022-23", page.QuerySelector("#who-improved-heading + p").Text(), StringComparison.Ordinal);
        var improvers = page.QuerySelectorAll("#who-improved-heading + p + ol > li").Select(li => li.Text()).ToList();
        Assert.Equal(2, improvers.Count);
        Assert.StartsWith("Dundee City: from ", improvers[0], StringComparison.Ordinal);
        Assert.EndsWith("Case study: Shared home care rotas with Dundee", improvers[0], StringComparison.Ordinal);
        Assert.StartsWith("Glasgow City: from ", improvers[1], StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/case-studies/{study}" && a.Text() == "Shared home care rotas with Dundee");
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "b a")]
    [InlineData(Polarity.LowerIsBetter, "c")]
    [InlineData(Polarity.Neither, "")]
    public void MostImproved_AppliesThePolarity_AndKeepsOnlyThoseThatGotBetter(Polarity polarity, string expected)
    {
        var a = new Guid("00000000-0000-0000-0000-00000000000a");
        var b = new Guid("00000000-0000-0000-0000-00000000000b");
        var c = new Guid("00000000-0000-0000-0000-00000000000c");
        var d = new Guid("00000000-0000-0000-0000-00000000000d");
        var names = new Dictionary<Guid, string> { [a] = "a", [b] = "b", [c] = "c", [d] = "d" };

        var most = WhoImprovedThis.Most([new(a, 10, 12), new(b, 10, 15), new(c, 10, 7), new(d, 10, 10)], polarity);

        Assert.Equal(expected, string.Join(' ', most.Select(m => names[m.CouncilId])));
    }
}
