using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Accounts;

public sealed class LockoutAndRateLimitTests
{
    [Fact]
    public async Task Post_FiveWrongPasswords_LocksTheAccountFor15Minutes_AnsweringAsForAnyWrongPassword()
    {
        await using var factory = new PifWebFactory();
        var client = factory.CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await Html.ParseAsync(await client.PostFormAsync("/sign-in", ("Input.Email", "lead.fife@pif.example"), ("Input.Password", $"wrong password {attempt}")));
            Assert.Equal("Enter a correct e-mail address and password", wrong.QuerySelector("#Input_Email-error").Text());
        }

        var fifth = await Html.ParseAsync(await client.PostFormAsync("/sign-in", ("Input.Email", "lead.fife@pif.example"), ("Input.Password", "wrong password 5")));
        var rightButLocked = await Html.ParseAsync(await client.PostFormAsync("/sign-in", ("Input.Email", "lead.fife@pif.example"), ("Input.Password", PifWebFactory.DemoPassword)));

        // A locked account answers as an unknown one does, so nobody learns which addresses exist (the page says how locking works).
        Assert.Equal("Enter a correct e-mail address and password", fifth.QuerySelector("#Input_Email-error").Text());
        Assert.Equal("Enter a correct e-mail address and password", rightButLocked.QuerySelector("#Input_Email-error").Text());
        Assert.Null(rightButLocked.QuerySelector("a[href='/account']"));
        var lockedUntil = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "lead.fife@pif.example").Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "sign-in.locked-out" && a.ActorName == "lead.fife@pif.example")));
    }

    [Fact]
    public async Task Post_EleventhSignInWithinAMinute_IsRefusedWith429()
    {
        await using var factory = new PifWebFactory().With("Security:SignInAttemptsPerMinute", "10");
        var client = factory.CreateClient();
        var token = await client.GetFormTokenAsync("/sign-in");
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 1; attempt <= 11; attempt++)
        {
            var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(
                [new("Input.Email", $"nobody{attempt}@pif.example"), new("Input.Password", "not a password"), new("__RequestVerificationToken", token)]),
                TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (attempt == 11)
            {
                Assert.Equal("Too many requests", (await Html.ParseAsync(response)).QuerySelector("h1").Text());
                Assert.Equal("60", response.Headers.RetryAfter?.ToString());
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }
}
