using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Accounts;

public sealed class PasswordRulesTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public void CommonPasswords_BundledListHasAtLeastAThousand()
    {
        Assert.True(PasswordRules.CommonPasswordCount >= 1000, $"Only {PasswordRules.CommonPasswordCount} common passwords are bundled.");
        Assert.True(PasswordRules.IsCommon("password"));
        Assert.True(PasswordRules.IsCommon("PASSWORD"));
        Assert.False(PasswordRules.IsCommon("lochs and glens in the rain"));
    }

    [Theory]
    [InlineData("short pass", "Passwords must be at least 12 characters.")]
    [InlineData("qwerty123456", "Choose a password that is harder to guess: this one is among the most common passwords")]
    public async Task Create_WithAWeakPassword_IsRefusedWithAReason(string password, string reason)
    {
        var result = await CreateAsync(password);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.Errors.Select(e => e.Description));
    }

    [Fact]
    public async Task Create_WithA129CharacterPassword_IsRefused()
    {
        var result = await CreateAsync(new string('k', 129));

        Assert.Contains("Enter a password of 128 characters or fewer", result.Errors.Select(e => e.Description));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("ÀéîõüÀéîõüÀé")]
    public async Task Create_WithALongUncommonPassword_NeedsNoDigitsOrSymbols(string password)
    {
        var result = await CreateAsync(password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<IdentityResult> CreateAsync(string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PifUser>>();
        var email = $"new.{Guid.NewGuid():N}@pif.example";
        return await users.CreateAsync(new PifUser { UserName = email, Email = email, DisplayName = "New user" }, password);
    }
}
