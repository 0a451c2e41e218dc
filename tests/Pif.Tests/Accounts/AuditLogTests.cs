using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Accounts;

public sealed class AuditLogTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Get_Audit_AsNationalAdministrator_ShowsAccountRowsAndFiltersByWho()
    {
        var someone = factory.CreateClient();
        await someone.SignInAsync("viewer.fife@pif.example");
        var admin = factory.CreateClient();
        await admin.SignInAsync("national.admin@pif.example");

        var all = await Html.ParseAsync(await admin.GetAsync("/audit", TestContext.Current.CancellationToken));
        var filtered = await Html.ParseAsync(await admin.GetAsync("/audit?Who=VIEWER.FIFE", TestContext.Current.CancellationToken));

        Assert.Contains(all.QuerySelectorAll("tbody tr"), r => r.Text().Contains("viewer.fife@pif.example Signed in", StringComparison.Ordinal));
        Assert.NotEmpty(filtered.QuerySelectorAll("tbody tr"));
        Assert.All(filtered.QuerySelectorAll("tbody tr td:nth-child(2)"), c => Assert.Equal("viewer.fife@pif.example", c.Text()));
    }

    [Fact]
    public async Task Get_Audit_AsOrganisationAdministrator_ShowsOnlyTheirCouncilsRows()
    {
        var fifeAdmin = factory.CreateClient();
        await fifeAdmin.SignInAsync("admin.fife@pif.example");
        var glasgowAdmin = factory.CreateClient();
        await glasgowAdmin.SignInAsync("admin.glasgow@pif.example");
        var fifeViewer = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "viewer.fife@pif.example").Select(u => u.Id).SingleAsync());
        var fife = await factory.QueryAsync(db => db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync());
        await fifeAdmin.PostFormAsync($"/users/{fifeViewer}?handler=Roles", ("organisationId", fife.ToString()), ("roles", "Viewer"), ("roles", "Contributor"));

        var fifeRows = await Html.ParseAsync(await fifeAdmin.GetAsync("/audit", TestContext.Current.CancellationToken));
        var glasgowRows = await Html.ParseAsync(await glasgowAdmin.GetAsync("/audit", TestContext.Current.CancellationToken));

        Assert.Contains(fifeRows.QuerySelectorAll("tbody tr"), r => r.Text().Contains("Changed a user's roles", StringComparison.Ordinal));
        Assert.DoesNotContain(glasgowRows.QuerySelectorAll("tbody tr"), r => r.Text().Contains("Changed a user's roles", StringComparison.Ordinal) && r.Text().Contains("admin.fife", StringComparison.Ordinal));
        Assert.DoesNotContain(glasgowRows.QuerySelectorAll("tbody tr"), r => r.Text().Contains("Signed in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Audit_WithoutPermission_Returns403()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("inspector@pif.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/audit", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Get_Audit_WithToBeforeFrom_SaysWhatToFix()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("national.admin@pif.example");

        var page = await Html.ParseAsync(await client.GetAsync("/audit?From=2026-11-20&To=2026-11-10", TestContext.Current.CancellationToken));

        Assert.Equal("Enter a date on or after the 'from' date", page.QuerySelector("#To-error").Text());
        Assert.Empty(page.QuerySelectorAll("tbody tr"));
    }
}
