using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Security;

/// <summary>
/// Findings 4 and 5: a current password asked again counts its failures with sign-in's, locks out
/// alike and is rate-limited; a locked account and an unknown address get the same answer after the same work.
/// </summary>
public sealed class PasswordCheckTests
{
    [Theory]
    [InlineData("/account/change-password", "Input.CurrentPassword")]
    [InlineData("/account/two-step-verification?handler=Disable", "Password")]
    public async Task WrongCurrentPassword_CountsAndLocksOutAfterFive(string path, string field)
    {
        await using var factory = new PifWebFactory();
        var client = factory.CreateClient();
        await client.SignInAsync("lead.fife@pif.example");
        var form = path.StartsWith("/account/change-password", StringComparison.Ordinal)
            ? new[] { (field, "wrong"), ("Input.NewPassword", "a new long password 2026"), ("Input.ConfirmPassword", "a new long password 2026") }
            : new[] { (field, "wrong") };

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await client.PostFormAsync(path, form);
        }

        var failures = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "lead.fife@pif.example").Select(u => u.AccessFailedCount).SingleAsync());
        var fifth = await client.PostFormAsync(path, form);
        var lockedUntil = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "lead.fife@pif.example").Select(u => u.LockoutEnd).SingleAsync());

        Assert.Equal(4, failures);
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal("/sign-in", fifth.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "password.check-failed" && a.ActorName == "lead.fife@pif.example")));
    }

    [Fact]
    public async Task ChangePassword_ManyTriesFromOneAddress_AreRateLimitedWithSignIn()
    {
        await using var factory = new PifWebFactory().With("Security:SignInAttemptsPerMinute", "3");
        var client = factory.CreateClient();
        await client.SignInAsync("viewer.fife@pif.example");
        var token = await client.GetFormTokenAsync("/account/change-password");
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var response = await client.PostAsync("/account/change-password", new FormUrlEncodedContent(
                [new("Input.CurrentPassword", $"wrong {attempt}"), new("Input.NewPassword", "a new long password 2026"), new("Input.ConfirmPassword", "a new long password 2026"), new("__RequestVerificationToken", token)]),
                TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignIn_LockedAccountAndUnknownAddress_GetTheSameMessageAfterTheSameWork()
    {
        var hasher = new CountingHasher();
        await using var factory = new PifWebFactory { ExtraServices = s => s.AddSingleton<IPasswordHasher<PifUser>>(hasher) };
        var client = factory.CreateClient();
        await factory.QueryAsync(db => db.Users.Where(u => u.Email == "contributor1.fife@pif.example")
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddMinutes(10))));
        var token = await client.GetFormTokenAsync("/sign-in");

        var lockedBefore = hasher.Verifications;
        var locked = await Html.ParseAsync(await client.PostAsync("/sign-in", Form("contributor1.fife@pif.example", token), TestContext.Current.CancellationToken));
        var lockedWork = hasher.Verifications - lockedBefore;
        var unknownBefore = hasher.Verifications;
        var unknown = await Html.ParseAsync(await client.PostAsync("/sign-in", Form("nobody.at.all@pif.example", token), TestContext.Current.CancellationToken));
        var unknownWork = hasher.Verifications - unknownBefore;

        Assert.Equal(unknown.QuerySelector("#Input_Email-error").Text(), locked.QuerySelector("#Input_Email-error").Text());
        Assert.Equal("Enter a correct e-mail address and password", locked.QuerySelector("#Input_Email-error").Text());
        Assert.Equal(1, unknownWork);
        Assert.Equal(unknownWork, lockedWork);
    }

    private static FormUrlEncodedContent Form(string email, string token) =>
        new([new("Input.Email", email), new("Input.Password", PifWebFactory.DemoPassword), new("__RequestVerificationToken", token)]);

    private sealed class CountingHasher : IPasswordHasher<PifUser>
    {
        private readonly PasswordHasher<PifUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(PifUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PifUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
