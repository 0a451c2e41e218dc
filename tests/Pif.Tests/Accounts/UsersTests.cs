using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;

namespace Pif.Tests.Accounts;

public sealed class UsersTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Get_Users_AsOrganisationAdministrator_ListsOnlyTheirCouncil()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("admin.glasgow@pif.example");

        var page = await Html.ParseAsync(await client.GetAsync("/users", TestContext.Current.CancellationToken));

        var emails = page.QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.Text()).ToList();
        Assert.Contains("viewer.glasgow@pif.example", emails);
        Assert.DoesNotContain(emails, e => e.EndsWith("fife@pif.example", StringComparison.Ordinal));
        Assert.DoesNotContain("inspector@pif.example", emails);
        Assert.Null(page.QuerySelector("select#Organisation"));
    }

    [Fact]
    public async Task Get_Users_AsNationalAdministrator_FiltersByOrganisation()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("national.admin@pif.example");
        var fife = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync());

        var all = await Html.ParseAsync(await client.GetAsync("/users", TestContext.Current.CancellationToken));
        var filtered = await Html.ParseAsync(await client.GetAsync($"/users?Organisation={fife}", TestContext.Current.CancellationToken));

        Assert.Contains(all.QuerySelectorAll("tbody td"), c => c.Text() == "viewer.glasgow@pif.example");
        var fifeEmails = filtered.QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.Text()).ToList();
        Assert.Equal(5, fifeEmails.Count);
        Assert.All(fifeEmails, e => Assert.EndsWith("fife@pif.example", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Users_WithWordsOfANameOrAnAddress_FindsOnlyThoseUsers()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("national.admin@pif.example");

        var byAddress = await Html.ParseAsync(await client.GetAsync("/users?Q=VIEWER.glasgow", TestContext.Current.CancellationToken));
        var none = await Html.ParseAsync(await client.GetAsync("/users?Q=glasgow+fife%40", TestContext.Current.CancellationToken));

        Assert.Equal(["viewer.glasgow@pif.example"], byAddress.QuerySelectorAll("tbody td:nth-child(2)").Select(c => c.Text()));
        Assert.Null(none.QuerySelector("table"));
        Assert.Contains("No user's name or e-mail address has these words", none.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/users")]
    [InlineData("/users/add")]
    public async Task Get_UsersPages_WithoutPermission_Returns403(string path)
    {
        var client = factory.CreateClient();
        await client.SignInAsync("lead.glasgow@pif.example");

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You cannot do this", (await Html.ParseAsync(response)).QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Get_UserOfAnotherCouncil_Returns404EvenWithoutPermission()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");
        var viewer = factory.CreateClient();
        await viewer.SignInAsync("viewer.glasgow@pif.example");
        var fifeUser = await UserIdAsync("lead.fife@pif.example");
        var glasgowUser = await UserIdAsync("lead.glasgow@pif.example");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/users/{fifeUser}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/users/{fifeUser}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/users/{glasgowUser}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/users/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Post_AddUser_ShowsAOneTimePasswordOnceAndTheUserMustChangeIt()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.glasgow@pif.example");

        var added = await admin.PostFormAsync("/users/add",
            ("Input.DisplayName", "Ailsa Brown"), ("Input.Email", "ailsa.brown@glasgow.example"), ("Input.Roles", "Contributor"), ("Input.Roles", "Viewer"));
        var page = await Html.ParseAsync(added);
        var password = page.QuerySelector("#one-time-password").Text();
        var again = await Html.ParseAsync(await admin.GetAsync(added.RequestMessage!.RequestUri, TestContext.Current.CancellationToken));

        Assert.Matches("^[a-z0-9]{4}(-[a-z0-9]{4}){3}$", password);
        Assert.Null(again.QuerySelector("#one-time-password"));
        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "user.added" && a.After!.Contains("ailsa.brown@glasgow.example")));
        Assert.Contains("Contributor", audit.After, StringComparison.Ordinal);
        Assert.Equal("admin.glasgow@pif.example", audit.ActorName);

        var newcomer = factory.CreateClient();
        await newcomer.SignInAsync("ailsa.brown@glasgow.example", password);
        var forced = await newcomer.GetAsync("/organisations", TestContext.Current.CancellationToken);
        Assert.Equal("/account/change-password", forced.RequestMessage?.RequestUri?.AbsolutePath);

        var changed = await newcomer.PostFormAsync("/account/change-password",
            ("Input.CurrentPassword", password), ("Input.NewPassword", "heather on the hills at dusk"), ("Input.ConfirmPassword", "heather on the hills at dusk"));
        var offered = await Html.ParseAsync(changed);
        Assert.Equal("Your password has been changed", offered.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal("/account/two-step-verification", changed.RequestMessage?.RequestUri?.AbsolutePath);
        var home = await Html.ParseAsync(await newcomer.GetAsync(offered.QuerySelector("#skip-two-step")!.GetAttribute("href"), TestContext.Current.CancellationToken));
        Assert.Equal(["Glasgow City Contributor, Viewer"], home.QuerySelectorAll(".ds_summary-list__item").Select(i => i.Text()));
        Assert.Equal("/organisations", (await newcomer.GetAsync("/organisations", TestContext.Current.CancellationToken)).RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task Post_AddUser_WithBadInput_SaysWhatToFixAndSavesNothing()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("national.admin@pif.example");
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());
        var before = await factory.QueryAsync(db => db.Users.CountAsync());

        var empty = await Html.ParseAsync(await admin.PostFormAsync("/users/add", ("Input.DisplayName", ""), ("Input.Email", ""), ("Input.OrganisationId", "")));
        var wrongRole = await Html.ParseAsync(await admin.PostFormAsync("/users/add",
            ("Input.DisplayName", "Sam Inspector"), ("Input.Email", "not-an-address"), ("Input.OrganisationId", glasgow.ToString()), ("Input.Roles", "LinkInspector")));
        var taken = await Html.ParseAsync(await admin.PostFormAsync("/users/add",
            ("Input.DisplayName", "Someone"), ("Input.Email", "VIEWER.fife@pif.example"), ("Input.OrganisationId", glasgow.ToString()), ("Input.Roles", "Viewer")));

        Assert.Equal(
            ["Enter the person's full name", "Enter the person's work e-mail address", "Choose the organisation the person works for", "Choose at least one role"],
            empty.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("Enter an e-mail address in the right format, like name@council.gov.uk", wrongRole.QuerySelector("#Input_Email-error").Text());
        Assert.StartsWith("Choose roles that the organisation can grant", wrongRole.QuerySelector("#Input_Roles-error").Text(), StringComparison.Ordinal);
        Assert.StartsWith("This e-mail address already has an account", taken.QuerySelector("#Input_Email-error").Text(), StringComparison.Ordinal);
        Assert.Equal("Sam Inspector", wrongRole.QuerySelector("#Input_DisplayName")?.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Post_Roles_ChangesThemAndAuditsBeforeAndAfter()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.fife@pif.example");
        var target = await UserIdAsync("contributor2.fife@pif.example");
        var fife = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync());

        var response = await admin.PostFormAsync($"/users/{target}?handler=Roles", ("organisationId", fife.ToString()), ("roles", "EvaluationLead"), ("roles", "Contributor"));

        Assert.Equal("Demo contributor 2, Fife's roles have been saved", (await Html.ParseAsync(response)).QuerySelector(".ds_notification-panel__title").Text());
        var audit = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "membership.changed" && a.EntityId == target));
        Assert.Equal("{\"roles\":[\"Contributor\"]}", audit.Before);
        Assert.Equal("{\"roles\":[\"EvaluationLead\",\"Contributor\"]}", audit.After);
        Assert.Equal(fife, audit.OrganisationId);
    }

    [Fact]
    public async Task Post_ResetPassword_ReplacesTheOldPasswordWithAOneTimeOne()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.fife@pif.example");
        var target = await UserIdAsync("contributor1.fife@pif.example");

        var page = await Html.ParseAsync(await admin.PostFormAsync($"/users/{target}?handler=ResetPassword"));
        var password = page.QuerySelector("#one-time-password").Text();

        var old = factory.CreateClient();
        await Assert.ThrowsAsync<InvalidOperationException>(() => old.SignInAsync("contributor1.fife@pif.example"));
        var fresh = factory.CreateClient();
        await fresh.SignInAsync("contributor1.fife@pif.example", password);
        Assert.Equal("/account/change-password", (await fresh.GetAsync("/", TestContext.Current.CancellationToken)).RequestMessage?.RequestUri?.AbsolutePath);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "password.reset" && a.EntityId == target)));
    }

    [Fact]
    public async Task Post_ResetPassword_EndsThePersonsOtherSessions()
    {
        await using var strict = new PifWebFactory
        {
            ExtraServices = services => services.Configure<Microsoft.AspNetCore.Identity.SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero),
        };
        var person = strict.CreateClient();
        await person.SignInAsync("viewer.fife@pif.example");
        var admin = strict.CreateClient();
        await admin.SignInAsync("admin.fife@pif.example");
        var target = await strict.QueryAsync(db => db.Users.Where(u => u.Email == "viewer.fife@pif.example").Select(u => u.Id).SingleAsync());

        var before = await person.GetAsync("/organisations", TestContext.Current.CancellationToken);
        await admin.PostFormAsync($"/users/{target}?handler=ResetPassword");
        var after = await person.GetAsync("/organisations", TestContext.Current.CancellationToken);

        Assert.Equal("/organisations", before.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Equal("/sign-in", after.RequestMessage?.RequestUri?.AbsolutePath);
    }

    private Task<Guid> UserIdAsync(string email) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
