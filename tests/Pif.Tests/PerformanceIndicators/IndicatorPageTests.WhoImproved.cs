using Pif.Testing;
using Pif.Tests.CaseStudies;
using Pif.Web.Modules.CaseStudies;
using Pif.Web.Modules.PerformanceIndicators;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>"Who improved this, and how": the family group's most improved councils over five years, with their case studies.</summary>
public sealed partial class IndicatorPageTests
{
    [Fact]
    public async Task Indicator_NamesTheFamilyGroupsMostImprovedCouncils_WithTheirCaseStudies()
    {
        await ImportFiguresAsync();
        var dundee = await Security.SecuritySteps.OrganisationIdAsync(factory, "Dundee City");
        var study = await CaseStudySteps.PublishedAsync(factory, CaseStudySteps.Input("Shared inspections with Dundee") with { Councils = [dundee], Indicators = "SW07" });
        var lead = await AsAsync(factory, Lead);

        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07", TestContext.Current.CancellationToken));

        var section = page.QuerySelector("#who-improved-heading")!.ParentElement!;
        Assert.Contains("from 2017-18 to 2022-23", section.Text(), StringComparison.Ordinal);
        Assert.Equal(["Glasgow City: from 78.0% to 82.0%", "Dundee City: from 80.0% to 81.0% Case study: Shared inspections with Dundee"],
            page.QuerySelectorAll("#who-improved-heading + p + ol > li").Select(li => li.Text()));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/case-studies/{study}" && a.Text() == "Shared inspections with Dundee");
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
