using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;

namespace Pif.Tests.Accounts;

public sealed class AssignmentTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Post_Assign_GivesTheInspectorTheCouncil_AndEndingTakesItAway()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("national.admin@pif.example");
        var inspector = await IdAsync("inspector@pif.example");
        var stirling = await CouncilAsync("Stirling");

        var assigned = await Html.ParseAsync(await admin.PostFormAsync("/assignments?handler=Assign", ("Input.InspectorId", inspector.ToString()), ("Input.CouncilId", stirling.ToString())));
        var seen = await InspectorHomeAsync();
        var assignment = await factory.QueryAsync(db => db.LinkInspectorAssignments.Where(a => a.CouncilId == stirling && a.Until == null).Select(a => a.Id).SingleAsync());
        await admin.PostFormAsync($"/assignments?handler=End&id={assignment}");
        var after = await InspectorHomeAsync();

        Assert.Equal("Demo link inspector is now the link inspector for Stirling", assigned.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Contains("Stirling", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Stirling", after, StringComparison.Ordinal);
        var actions = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.OrganisationId == stirling && a.EntityType == "assignment").Select(a => a.Action).ToListAsync());
        Assert.Equal(["assignment.added", "assignment.ended"], actions.Order());
    }

    [Fact]
    public async Task Post_AssignAnotherInspector_EndsTheCurrentAssignment()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("national.admin@pif.example");
        var ci = await factory.QueryAsync(db => db.Organisations.Where(o => o.Code == "CI").Select(o => o.Id).SingleAsync());
        await admin.PostFormAsync("/users/add",
            ("Input.DisplayName", "Second Inspector"), ("Input.Email", "second.inspector@pif.example"), ("Input.OrganisationId", ci.ToString()), ("Input.Roles", "LinkInspector"));
        var fife = await CouncilAsync("Fife");

        await admin.PostFormAsync("/assignments?handler=Assign", ("Input.InspectorId", (await IdAsync("second.inspector@pif.example")).ToString()), ("Input.CouncilId", fife.ToString()));

        var current = await factory.QueryAsync(db => db.LinkInspectorAssignments.Where(a => a.CouncilId == fife && a.Until == null)
            .Join(db.Users, a => a.InspectorId, u => u.Id, (_, u) => u.Email).ToListAsync());
        Assert.Equal(["second.inspector@pif.example"], current);
        Assert.DoesNotContain("Fife", await InspectorHomeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Assign_WithNothingChosen_SaysWhatToChoose()
    {
        var admin = factory.CreateClient();
        await admin.SignInAsync("national.admin@pif.example");

        var page = await Html.ParseAsync(await admin.PostFormAsync("/assignments?handler=Assign"));

        Assert.Equal(["Choose a link inspector", "Choose a council"], page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    [Theory]
    [InlineData("admin.glasgow@pif.example")]
    [InlineData("inspector@pif.example")]
    public async Task Get_Assignments_WithoutPermission_Returns403(string email)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/assignments", TestContext.Current.CancellationToken)).StatusCode);
    }

    private async Task<string> InspectorHomeAsync()
    {
        var inspector = factory.CreateClient();
        await inspector.SignInAsync("inspector@pif.example");
        return (await Html.ParseAsync(await inspector.GetAsync("/", TestContext.Current.CancellationToken))).QuerySelector("main").Text();
    }

    private Task<Guid> IdAsync(string email) => factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> CouncilAsync(string name) => factory.QueryAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
}
