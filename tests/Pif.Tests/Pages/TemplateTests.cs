using System.Net;
using Pif.Testing;

namespace Pif.Tests.Pages;

public sealed class TemplateTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Theory]
    [InlineData("/sign-in", false)]
    [InlineData("/accessibility", false)]
    [InlineData("/privacy", false)]
    [InlineData("/", true)]
    [InlineData("/organisations", true)]
    public async Task Get_Page_RendersTheDesignSystemTemplate(string path, bool signedIn)
    {
        var client = factory.CreateClient();
        if (signedIn)
        {
            await client.SignInAsync("viewer.fife@pif.example");
        }

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        var skip = page.QuerySelector(".ds_skip-links a");
        Assert.Equal("#main-content", skip?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main-content"));
        Assert.Equal("Pif", page.QuerySelector("header.ds_site-header .ds_site-branding__title").Text());
        Assert.Contains("Beta", page.QuerySelector(".ds_phase-banner .ds_tag").Text(), StringComparison.Ordinal);
        var footerLinks = page.QuerySelectorAll("footer.ds_site-footer a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/accessibility", footerLinks);
        Assert.Contains("/privacy", footerLinks);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.EndsWith("– Pif", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AnyPage_HasNoInlineScriptOrStyle()
    {
        var client = factory.CreateClient();

        await client.SignInAsync("lead.fife@pif.example");
        var page = await Html.ParseAsync(await client.GetAsync("/", TestContext.Current.CancellationToken));

        Assert.All(page.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), "Every script must come from a file."));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task Get_Stylesheet_ServesTheVendoredDesignSystem()
    {
        var client = factory.CreateClient();

        var css = await client.GetAsync("/lib/sgds/css/design-system.min.css", TestContext.Current.CancellationToken);
        var script = await client.GetAsync("/lib/sgds/scripts/design-system.js", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
