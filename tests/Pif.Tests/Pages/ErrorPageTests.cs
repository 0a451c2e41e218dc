using System.Net;
using Pif.Testing;

namespace Pif.Tests.Pages;

public sealed class ErrorPageTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Get_UnknownAddressWhenSignedIn_Returns404WithFriendlyPage()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("viewer.glasgow@pif.example");

        var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
        Assert.NotNull(page.QuerySelector("footer.ds_site-footer"));
    }

    [Fact]
    public async Task Get_ExceptionInARequest_Returns500WithFriendlyPageAndNoDetails()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/privacy");
        request.Headers.Add(PifWebFactory.ThrowHeader, "yes");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1").Text());
        Assert.DoesNotContain("Thrown on purpose", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownAddressWhenSignedOut_AsksToSignInWithoutSayingWhetherItExists()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Post_ToAnAddressThatTakesNoPost_GetsAFriendlyPage()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("viewer.glasgow@pif.example");

        var response = await client.PostAsync("/no-such-page", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is 404 or 405, $"Got {(int)response.StatusCode}");
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("footer.ds_site-footer"));
    }

    [Theory]
    [InlineData(403, "You cannot do this")]
    [InlineData(404, "Page not found")]
    [InlineData(500, "Sorry, there is a problem with the service")]
    public async Task Get_ErrorPageDirectly_AnswersWithItsOwnStatus(int status, string heading)
    {
        var client = factory.CreateClient();

        var response = await client.GetAsync($"/error/{status}", TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(heading, (await Html.ParseAsync(response)).QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Get_ErrorPage_IsNeverCached()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("viewer.glasgow@pif.example");

        var response = await client.GetAsync("/no-such-page", TestContext.Current.CancellationToken);

        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
