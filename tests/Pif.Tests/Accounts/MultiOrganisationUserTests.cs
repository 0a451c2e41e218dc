using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Organisations.Accounts;

namespace Pif.Tests.Accounts;

/// <summary>Multi-organisation users, and the protections around passwords and sign-in.</summary>
public sealed class MultiOrganisationUserTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Post_Join_NationalAdministratorGivesARoleInAnotherCouncil_AndCouncilAdminCannotResetTheirPassword()
    {
        var national = factory.CreateClient();
        await national.SignInAsync("national.admin@pif.example");
        var user = await IdAsync("viewer.fife@pif.example");
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());

        var joined = await Html.ParseAsync(await national.PostFormAsync($"/users/{user}?handler=Join", ("organisationId", glasgow.ToString()), ("role", "Viewer")));
        var glasgowAdmin = factory.CreateClient();
        await glasgowAdmin.SignInAsync("admin.glasgow@pif.example");
        var details = await Html.ParseAsync(await glasgowAdmin.GetAsync($"/users/{user}", TestContext.Current.CancellationToken));
        var reset = await glasgowAdmin.PostFormAsync($"/users/{user}?handler=ResetPassword");

        Assert.Equal("Demo viewer, Fife now has a role in Glasgow City", joined.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(["Roles in Glasgow City"], details.QuerySelectorAll("legend").Select(l => l.Text()));
        Assert.DoesNotContain(details.QuerySelectorAll("button"), b => b.Text() == "Set a new one-time password");
        Assert.Equal(HttpStatusCode.Forbidden, reset.StatusCode);
    }

    [Fact]
    public async Task Post_Join_WithARoleTheOrganisationCannotGrant_SaysSo()
    {
        var national = factory.CreateClient();
        await national.SignInAsync("national.admin@pif.example");
        var user = await IdAsync("lead.fife@pif.example");
        var stirling = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Stirling").Select(o => o.Id).SingleAsync());

        var page = await Html.ParseAsync(await national.PostFormAsync($"/users/{user}?handler=Join", ("organisationId", stirling.ToString()), ("role", "LinkInspector")));

        Assert.Equal("Choose a role that Stirling can grant", page.QuerySelector("#role-error").Text());
        Assert.False(await factory.QueryAsync(db => db.Memberships.AnyAsync(m => m.UserId == user && m.OrganisationId == stirling)));
    }

    [Fact]
    public async Task Post_RemovingEveryRole_SaysThePersonHasLeft()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.fife@pif.example");
        var user = await IdAsync("contributor2.fife@pif.example");
        var fife = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync());

        var page = await Html.ParseAsync(await admin.PostFormAsync($"/users/{user}?handler=Roles", ("organisationId", fife.ToString())));

        Assert.Equal("Demo contributor 2, Fife no longer has a role in Fife", page.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal("Users", page.QuerySelector("h1").Text());
    }

    [Fact]
    public async Task Post_ChangePassword_ToTheSamePassword_IsRefused()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("lead.glasgow@pif.example");

        var page = await Html.ParseAsync(await client.PostFormAsync("/account/change-password",
            ("Input.CurrentPassword", PifWebFactory.DemoPassword), ("Input.NewPassword", PifWebFactory.DemoPassword), ("Input.ConfirmPassword", PifWebFactory.DemoPassword)));

        Assert.Equal("Choose a new password that is different from your current one", page.QuerySelector("#Input_NewPassword-error").Text());
    }

    [Fact]
    public async Task Post_TwoStepWithAnEmptyCode_SaysWhatToEnter()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("contributor1.glasgow@pif.example");

        var page = await Html.ParseAsync(await client.PostFormAsync("/account/two-step-verification?handler=Enable", ("Code", "")));

        Assert.Equal("Enter the 6-digit code from your authenticator app", page.QuerySelector("#Code-error").Text());
    }

    [Fact]
    public async Task Assignments_TwoCurrentForOneCouncil_AreRefusedByTheDatabase()
    {
        var inspector = await IdAsync("inspector@pif.example");
        var glasgow = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());

        var error = await Record.ExceptionAsync(() => factory.QueryAsync(db =>
        {
            db.LinkInspectorAssignments.Add(new LinkInspectorAssignment { InspectorId = inspector, CouncilId = glasgow, From = DateTime.UtcNow });
            return db.SaveChangesAsync();
        }));

        Assert.IsType<DbUpdateException>(error);
    }

    private Task<Guid> IdAsync(string email) => factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
