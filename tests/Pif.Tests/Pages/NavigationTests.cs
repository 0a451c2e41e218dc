using Pif.Testing;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.Pages;

/// <summary>The site navigation, breadcrumbs, and the way from one quality indicator to the next.</summary>
public sealed class NavigationTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static List<string> Sections(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("nav[aria-label='Sections'] a").Select(a => a.Text()).ToList();

    [Fact]
    public async Task Navigation_OffersTheSectionsEachRoleUses()
    {
        var lead = await Html.ParseAsync(await (await AsAsync(factory, Lead)).GetAsync("/", TestContext.Current.CancellationToken));
        var national = await Html.ParseAsync(await (await AsAsync(factory, "national.admin@pif.example")).GetAsync("/", TestContext.Current.CancellationToken));
        var signedOut = await Html.ParseAsync(await factory.CreateClient().GetAsync("/sign-in", TestContext.Current.CancellationToken));

        Assert.Equal(["Home", "Self-evaluations", "Evidence", "Improvement plans", "Performance indicators", "Outcomes", "Case studies", "Frameworks", "Guide", "Organisations"], Sections(lead));
        Assert.Equal(["Home", "Performance indicators", "Outcomes", "Case studies", "Frameworks", "Guide", "Organisations", "Users", "Link inspectors", "Audit log", "Service health"], Sections(national));
        Assert.Empty(Sections(signedOut));
        Assert.Equal(Sections(lead), lead.QuerySelectorAll("nav#mobile-navigation-menu a").Select(a => a.Text()));

        // The menu's label opens the menu through its checkbox without JavaScript; HTML forbids aria-controls on a label
        // tied to a control (the Nu HTML Checker's error on every page), so it names the menu for the script in data-controls.
        var label = lead.QuerySelector("label.js-toggle-menu")!;
        Assert.Equal("menu", label.GetAttribute("for"));
        Assert.False(label.HasAttribute("aria-controls"));
        Assert.NotNull(lead.GetElementById(label.GetAttribute("data-controls")!));
    }

    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/self-evaluations", "Self-evaluations")]
    [InlineData("/self-evaluations/start", "Self-evaluations")]
    [InlineData("/evidence/add", "Evidence")]
    [InlineData("/improvement-plans", "Improvement plans")]
    [InlineData("/performance-indicators", "Performance indicators")]
    [InlineData("/frameworks/PIF/versions/1", "Frameworks")]
    [InlineData("/guide/validation", "Guide")]
    [InlineData("/account/change-password", null)]
    public async Task Navigation_MarksTheSectionThePageIsIn(string path, string? section)
    {
        var page = await Html.ParseAsync(await (await AsAsync(factory, Lead)).GetAsync(path, TestContext.Current.CancellationToken));

        var current = page.QuerySelectorAll("nav[aria-label='Sections'] a[aria-current='page']").Select(a => a.Text()).ToList();

        Assert.Equal(section is null ? [] : [section], current);
    }

    [Theory]
    [InlineData("/self-evaluations/start", "Home Self-evaluations")]
    [InlineData("/evidence/add", "Home Evidence library")]
    [InlineData("/account/change-password", "Home Your account")]
    [InlineData("/frameworks/PIF/versions/1", "Home Frameworks and guides Versions")]
    [InlineData("/guide/common-pitfalls", "Home Guide to supported self-evaluation")]
    public async Task PagesBelowTheTopLevel_HaveBreadcrumbsFromHome(string path, string trail)
    {
        var page = await Html.ParseAsync(await (await AsAsync(factory, Lead)).GetAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal(trail, page.QuerySelector("nav.ds_breadcrumbs").Text());
    }

    [Fact]
    public async Task QiPage_LinksToThePreviousAndNextQualityIndicatorsInFrameworkOrder()
    {
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "1.1", "2.1", "9.2");
        var lead = await AsAsync(factory, Lead);

        var first = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["1.1"]}", TestContext.Current.CancellationToken));
        var middle = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["2.1"]}", TestContext.Current.CancellationToken));
        var last = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["9.2"]}", TestContext.Current.CancellationToken));

        static List<(string?, string)> Links(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".ds_sequential-nav a").Select(a => (a.GetAttribute("href"), a.Text()[..a.Text().IndexOf(':', StringComparison.Ordinal)])).ToList();
        Assert.Equal([($"/self-evaluations/{id}/qis/{qis["2.1"]}", "Next quality indicator")], Links(first));
        Assert.Equal([($"/self-evaluations/{id}/qis/{qis["1.1"]}", "Previous quality indicator"), ($"/self-evaluations/{id}/qis/{qis["9.2"]}", "Next quality indicator")], Links(middle));
        Assert.Equal([($"/self-evaluations/{id}/qis/{qis["2.1"]}", "Previous quality indicator")], Links(last));
        Assert.StartsWith("Next quality indicator: 2.1 ", first.QuerySelector(".ds_sequential-nav a").Text(), StringComparison.Ordinal);
    }
}
