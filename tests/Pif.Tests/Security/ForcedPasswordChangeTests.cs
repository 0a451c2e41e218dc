using System.Net;
using Pif.Testing;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 7: someone who must change their password can use nothing until they do, the API included.</summary>
public sealed class ForcedPasswordChangeTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/self-evaluations")]
    [InlineData("/api/v1/evidence")]
    public async Task Api_WithTheCookieOfSomeoneWhoMustChangeTheirPassword_Answers403(string path)
    {
        var client = await NewUserAsync($"forced.{Guid.NewGuid():N}@glasgow.example");

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        await Api.ApiKeyTests.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("change your password", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Pages_SendThemToChangeItFirst_AndAfterwardsEverythingWorks()
    {
        var client = await NewUserAsync($"forced.{Guid.NewGuid():N}@glasgow.example");

        var before = await LandsOnAsync(client, "/evidence");
        var changed = await client.PostFormAsync("/account/change-password", ("Input.CurrentPassword", _oneTime), ("Input.NewPassword", "a brand new password 2026"), ("Input.ConfirmPassword", "a brand new password 2026"));
        var api = await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal("/account/change-password", before);
        Assert.Equal("/account/two-step-verification", changed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    private string _oneTime = "";

    /// <summary>An organisation administrator adds a contributor; the new person signs in with the one-time password.</summary>
    private async Task<HttpClient> NewUserAsync(string email)
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");
        var added = await Html.ParseAsync(await admin.PostFormAsync("/users/add", ("Input.DisplayName", "Forced Change"), ("Input.Email", email), ("Input.Roles", "Contributor")));
        _oneTime = added.QuerySelector("#one-time-password").Text();
        var client = factory.CreateClient();
        await client.SignInAsync(email, _oneTime);
        return client;
    }
}
