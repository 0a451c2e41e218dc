using Pif.Testing;

namespace Pif.Tests.Pages;

public sealed class FooterPageTests
{
    [Theory]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    public async Task Get_FooterPage_NamesTheConfiguredOperatorAndContact(string path)
    {
        await using var factory = new PifWebFactory()
            .With("Service:OperatorName", "Example Council Digital")
            .With("Service:ContactEmail", "help@council.example");
        var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));

        var text = page.Body.Text();
        Assert.Contains("Example Council Digital", text, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "mailto:help@council.example");
    }

    [Fact]
    public async Task Get_FooterPage_WithoutConfiguration_UsesTheDefaults()
    {
        await using var factory = new PifWebFactory();
        var client = factory.CreateClient();

        var page = await Html.ParseAsync(await client.GetAsync("/privacy", TestContext.Current.CancellationToken));

        Assert.Contains("Pif is run by the Pif service team.", page.Body.Text(), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "mailto:support@pif.example");
    }
}
