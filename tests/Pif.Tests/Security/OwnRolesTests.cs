using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 3: nobody changes their own memberships or roles; another administrator must.</summary>
public sealed class OwnRolesTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Join_NationalAdministratorGivingThemselvesACouncilRole_IsRefused_AndNothingChanges()
    {
        var national = factory.CreateClient();
        await national.SignInAsync("national.admin@pif.example");
        var self = await UserIdAsync(factory, "national.admin@pif.example");
        var glasgow = await OrganisationIdAsync(factory, "Glasgow City");

        var response = await national.PostFormAsync($"/users/{self}?handler=Join", ("organisationId", glasgow.ToString()), ("role", "EvaluationLead"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Memberships.AnyAsync(m => m.UserId == self && m.OrganisationId == glasgow)));
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync("/self-evaluations/" + Guid.Empty, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Roles_AnAdministratorChangingTheirOwnRoles_IsRefused()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("admin.fife@pif.example");
        var self = await UserIdAsync(factory, "admin.fife@pif.example");
        var fife = await OrganisationIdAsync(factory, "Fife");

        var page = await Html.ParseAsync(await admin.GetAsync($"/users/{self}", TestContext.Current.CancellationToken));
        var roles = await admin.PostFormAsync($"/users/{self}?handler=Roles", ("organisationId", fife.ToString()), ("roles", "OrganisationAdministrator"), ("roles", "EvaluationLead"));

        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Roles']"));
        Assert.Contains("You cannot change your own roles", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Memberships.AnyAsync(m => m.UserId == self && m.Role == Pif.Web.Modules.Organisations.Accounts.OrganisationRole.EvaluationLead)));
    }
}
