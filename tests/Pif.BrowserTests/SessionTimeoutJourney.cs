using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.BrowserTests;

/// <summary>
/// A session that ends while someone writes: the page warns before it ends and lets them stay signed
/// in; a post after the end leads to sign-in, which says why, and then the text comes back in the form.
/// Each journey has a person of its own, since it ends their sessions.
/// </summary>
public sealed partial class SessionTimeoutJourney(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APostAfterTheSessionEnded_GetsItsTextBack_AfterSigningIn(bool javaScript)
    {
        var email = await browser.CreateUserAsync("writer");
        var path = await QiAssignedToAsync(email);
        await using var context = await browser.NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email);
        await page.GotoAsync(path);
        const string typed = "We wrote this over a long afternoon 🙂\nand on a second line.";
        await page.GetByLabel("How are we doing?").FillAsync(typed);

        await IdleAsync(email, TimeSpan.FromMinutes(31));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your contribution" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SignInPage());
        await Assertions.Expect(page.Locator("main [role='status']")).ToContainTextAsync("What you were writing has been kept");
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(PifWebFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + @"\?kept="));
        await Assertions.Expect(page.Locator("main [role='status']")).ToContainTextAsync("What you typed has been put back.");
        await Assertions.Expect(page.GetByLabel("How are we doing?")).ToHaveValueAsync(typed);
        await page.AssertNoViolationsAsync(browser, javaScript);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save your contribution" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ds_notification-panel__title")).ToHaveTextAsync("Your contribution has been saved");
        await Assertions.Expect(page.GetByLabel("How are we doing?")).ToHaveValueAsync(typed);
    }

    [Fact]
    public async Task BeforeTheSessionEnds_ThePageWarns_AndStayingSignedInKeepsItOpen()
    {
        var email = await browser.CreateUserAsync("warned");
        await using var context = await browser.NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await page.SignInAsync(email);
        await page.Clock.InstallAsync();
        await page.GotoAsync("/account");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        // 26 minutes idle on the server; the page's own clock moves to its warning time.
        await IdleAsync(email, TimeSpan.FromMinutes(26));
        await page.Clock.FastForwardAsync("25:01");

        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("You will be signed out soon");
        await Assertions.Expect(dialog).ToContainTextAsync("You will be signed out in 4 minutes.");
        await page.AssertNoViolationsAsync(browser, javaScript: true);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        Assert.True(await LastSeenAsync(email) > DateTime.UtcNow.AddMinutes(-1));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));

        // Left alone until the end, the page says so, and keeps what is on it.
        await IdleAsync(email, TimeSpan.FromMinutes(31));
        await page.Clock.FastForwardAsync("25:01");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Heading)).ToHaveTextAsync("You have been signed out");
        await Assertions.Expect(dialog).ToContainTextAsync("What you typed on this page is still here.");
        await page.AssertNoViolationsAsync(browser, javaScript: true);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account$"));
    }

    /// <summary>Makes the person a contributor of Fife with a QI of a new self-evaluation assigned; returns the QI page's address.</summary>
    private async Task<string> QiAssignedToAsync(string email)
    {
        await browser.Factory.QueryAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var fife = await db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync();
            db.Memberships.Add(new Membership { UserId = user, OrganisationId = fife, Role = OrganisationRole.Contributor });
            return await db.SaveChangesAsync();
        });
        var id = await TestData.StartSelfEvaluationAsync(browser.Factory, "lead.fife@pif.example", $"Time-out {Guid.NewGuid():N}");
        await TestData.ScopeAssignAndBeginAsync(browser.Factory, "lead.fife@pif.example", id, ["2.1"], [email]);
        var qi = await browser.Factory.QueryAsync(db => db.QiEvaluations.Where(q => q.SelfEvaluationId == id).Select(q => q.Id).SingleAsync());
        return $"/self-evaluations/{id}/qis/{qi}";
    }

    private Task<int> IdleAsync(string email, TimeSpan idle)
    {
        var since = DateTime.UtcNow - idle;
        return browser.Factory.QueryAsync(db => db.UserSessions.Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == email))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, since)));
    }

    private Task<DateTime> LastSeenAsync(string email) =>
        browser.Factory.QueryAsync(db => db.UserSessions.Where(s => s.EndedAt == null && db.Users.Any(u => u.Id == s.UserId && u.Email == email)).Select(s => s.LastSeenAt).SingleAsync());

    [GeneratedRegex(@"/sign-in\?ReturnUrl=.*reason=timeout")]
    private static partial Regex SignInPage();
}
