using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.Security;

/// <summary>
/// A session ends after 30 minutes without activity (and at most 12 hours after signing in). Sign-in
/// says why, and a form posted after the end is kept for that person for an hour and put back once they
/// have signed in again, so nothing typed is lost.
/// </summary>
public sealed class SessionTimeoutTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IdleSession_TimesOut_AndSignInSaysWhy()
    {
        var client = await AsAsync(factory, "viewer.fife@pif.example");
        await IdleForAsync("viewer.fife@pif.example", TimeSpan.FromMinutes(31));

        var response = await client.GetAsync("/self-evaluations", Cancel);
        var page = await Html.ParseAsync(response);

        Assert.Equal("/sign-in?ReturnUrl=%2Fself-evaluations&reason=timeout", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Equal("You were signed out because you had not used Pif for 30 minutes. Sign in again to carry on.", page.QuerySelector("main [role='status']").Text());
        Assert.True(await factory.QueryAsync(db => db.UserSessions.AnyAsync(s => s.EndReason == "timed-out" && db.Users.Any(u => u.Id == s.UserId && u.Email == "viewer.fife@pif.example"))));
        Assert.Equal("/sign-in", await SecuritySteps.LandsOnAsync(client, "/"));
    }

    [Fact]
    public async Task SessionPastItsLifetime_Ends_HoweverActive()
    {
        var client = await AsAsync(factory, "viewer.glasgow@pif.example");
        await factory.QueryAsync(db => db.UserSessions.Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == "viewer.glasgow@pif.example"))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.StartedAt, s => s.StartedAt.AddHours(-13)).SetProperty(s => s.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Cancel));

        var response = await client.GetAsync("/", Cancel);

        Assert.Equal("/sign-in?ReturnUrl=%2F&reason=lifetime", response.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.StartsWith("You were signed out because you had been signed in for 12 hours", (await Html.ParseAsync(response)).QuerySelector("main [role='status']").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_MovesTheIdleTimeoutOn()
    {
        var client = await AsAsync(factory, "contributor1.fife@pif.example");
        await IdleForAsync("contributor1.fife@pif.example", TimeSpan.FromMinutes(25));

        var response = await client.GetAsync("/self-evaluations", Cancel);

        Assert.Equal("/self-evaluations", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.True(await LastSeenAsync("contributor1.fife@pif.example") > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task AskingWhatIsLeft_DoesNotCount_StayingSignedIn_Does()
    {
        var client = await AsAsync(factory, "contributor2.fife@pif.example");
        var token = await client.GetFormTokenAsync("/account");
        await IdleForAsync("contributor2.fife@pif.example", TimeSpan.FromMinutes(26));
        var idleSince = await LastSeenAsync("contributor2.fife@pif.example");

        var asked = await ReadLeftAsync(await client.SendAsync(Scripted(HttpMethod.Get), Cancel));
        var afterAsking = await LastSeenAsync("contributor2.fife@pif.example");
        var stay = Scripted(HttpMethod.Post);
        stay.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var stayed = await ReadLeftAsync(await client.SendAsync(stay, Cancel));

        Assert.True(asked.SignedIn);
        Assert.InRange(asked.SecondsLeft, 200, 240);
        Assert.False(asked.EndsAtLifetime);
        Assert.Equal(idleSince, afterAsking);
        Assert.InRange(stayed.SecondsLeft, 1790, 1800);
        Assert.True(await LastSeenAsync("contributor2.fife@pif.example") > DateTime.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task AskingWhatIsLeftOrStaying_AfterTheEnd_SaysSignedOut()
    {
        var client = await AsAsync(factory, "admin.fife@pif.example");
        var token = await client.GetFormTokenAsync("/account");
        await IdleForAsync("admin.fife@pif.example", TimeSpan.FromMinutes(40));

        var asked = await ReadLeftAsync(await client.SendAsync(Scripted(HttpMethod.Get), Cancel));
        var stay = Scripted(HttpMethod.Post);
        stay.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var stayed = await ReadLeftAsync(await client.SendAsync(stay, Cancel));
        var page = await client.GetAsync("/session", Cancel);

        Assert.False(asked.SignedIn);
        Assert.False(stayed.SignedIn);
        Assert.Equal("/sign-in", page.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task StayingSignedIn_WithoutTheFormToken_IsRefused()
    {
        var client = await AsAsync(factory, "inspector@pif.example");

        var response = await client.SendAsync(Scripted(HttpMethod.Post), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignedInPages_CarryTheWarning_WithTheTimeLeft_AndSignInDoesNot()
    {
        var client = await AsAsync(factory, "lead.fife@pif.example");

        var home = await Html.ParseAsync(await client.GetAsync("/", Cancel));
        var signIn = await Html.ParseAsync(await factory.CreateClient().GetAsync("/sign-in", Cancel));

        var dialog = home.QuerySelector("dialog#session-timeout");
        Assert.NotNull(dialog);
        Assert.InRange(int.Parse(dialog.GetAttribute("data-seconds-left")!, System.Globalization.CultureInfo.InvariantCulture), 1790, 1800);
        Assert.Equal("300", dialog.GetAttribute("data-warn-seconds"));
        Assert.Equal("Stay signed in", dialog.QuerySelector("form[action='/session'] button").Text());
        Assert.Null(signIn.QuerySelector("dialog#session-timeout"));
    }

    [Fact]
    public async Task PostAfterTimeout_IsKeptEncrypted_AndPutBackAfterSigningIn_ForThatPersonOnly()
    {
        var id = await StartAsync(factory, "Kept after time-out");
        var qis = await PrepareAsync(factory, id, "2.1");
        var path = $"/self-evaluations/{id}/qis/{qis["2.1"]}";
        var one = await AsAsync(factory, Contributor1);
        var token = await one.GetFormTokenAsync(path);
        await IdleForAsync(Contributor1, TimeSpan.FromMinutes(31));
        const string typed = "Written over an hour 🙂\nSecond line";

        var posted = await one.PostAsync(path, new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("Form.HowAreWeDoing", typed), new("Form.WhatNext", "Plan"), new("Form.Grade", "4"), new("Form.Stamp", ""),
        ]), Cancel);
        var signInPage = await Html.ParseAsync(posted);
        var returnUrl = signInPage.QuerySelector("input[name='ReturnUrl']")!.GetAttribute("value")!;
        var kept = await factory.QueryAsync(db => db.KeptForms.SingleAsync(Cancel));
        await one.PostFormAsync("/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl), ("Input.Email", Contributor1), ("Input.Password", PifWebFactory.DemoPassword), ("ReturnUrl", returnUrl));
        var back = await one.GetAsync(returnUrl, Cancel);
        var backPage = await Html.ParseAsync(back);
        var other = await Html.ParseAsync(await (await AsAsync(factory, Contributor2)).GetAsync(returnUrl, Cancel));

        Assert.Equal("/sign-in", posted.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(
            "You were signed out because you had not used Pif for 30 minutes. What you were writing has been kept: sign in again and it will be put back in the form for you to check and save.",
            signInPage.QuerySelector("main [role='status']").Text());
        Assert.Equal($"{path}?kept={kept.Id}", returnUrl);
        Assert.DoesNotContain("Written over an hour", kept.Protected, StringComparison.Ordinal);
        Assert.Null(await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["2.1"]).Select(r => r.HowAreWeDoing).SingleOrDefaultAsync(Cancel)));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(typed, backPage.QuerySelector("#Form_HowAreWeDoing")!.TextContent.TrimStart('\n'));
        Assert.Equal("Plan", backPage.QuerySelector("#Form_WhatNext")!.TextContent.TrimStart('\n'));
        Assert.StartsWith("What you typed has been put back.", backPage.QuerySelector("main [role='status']").Text(), StringComparison.Ordinal);
        Assert.Equal("", other.QuerySelector("#Form_HowAreWeDoing")!.TextContent.Trim());
        Assert.Null(other.QuerySelector("main [role='status']"));
    }

    [Fact]
    public async Task KeptForm_AfterAnHour_IsNotPutBack()
    {
        var client = await AsAsync(factory, "contributor1.glasgow@pif.example");
        var token = await client.GetFormTokenAsync("/account/api-keys");
        await IdleForAsync("contributor1.glasgow@pif.example", TimeSpan.FromMinutes(31));
        var posted = await client.PostAsync("/account/api-keys?handler=Create", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Name", "Kept key name")]), Cancel);
        var returnUrl = (await Html.ParseAsync(posted)).QuerySelector("input[name='ReturnUrl']")!.GetAttribute("value")!;
        await client.SignInAsync("contributor1.glasgow@pif.example");
        var within = await Html.ParseAsync(await client.GetAsync(returnUrl, Cancel));
        await factory.QueryAsync(db => db.KeptForms.ExecuteUpdateAsync(u => u.SetProperty(f => f.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Cancel));

        var later = await Html.ParseAsync(await client.GetAsync(returnUrl, Cancel));

        Assert.StartsWith("/account/api-keys?kept=", returnUrl, StringComparison.Ordinal);
        Assert.NotNull(within.QuerySelector("main [role='status']"));
        Assert.Equal("Kept key name", within.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Null(later.QuerySelector("main [role='status']"));
        Assert.Equal("", later.QuerySelector("#Input_Name")!.GetAttribute("value"));
    }

    private static HttpRequestMessage Scripted(HttpMethod method)
    {
        var request = new HttpRequestMessage(method, "/session");
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return request;
    }

    private static async Task<Left> ReadLeftAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Left>(JsonSerializerOptions.Web, Cancel))!;
    }

    private Task<int> IdleForAsync(string email, TimeSpan idle)
    {
        var since = DateTime.UtcNow - idle;
        return factory.QueryAsync(db => db.UserSessions.Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == email))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, since), Cancel));
    }

    private Task<DateTime> LastSeenAsync(string email) =>
        factory.QueryAsync(db => db.UserSessions.Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == email)).Select(s => s.LastSeenAt).SingleAsync(Cancel));

    private sealed record Left(bool SignedIn, int SecondsLeft, bool EndsAtLifetime);
}
