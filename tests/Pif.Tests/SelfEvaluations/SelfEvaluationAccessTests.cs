using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.SelfEvaluations;

/// <summary>Who sees and writes what (DOMAIN.md section 2): another council gets 404 everywhere; a viewer sees nothing unpublished.</summary>
public sealed class SelfEvaluationAccessTests(PifWebFactory factory) : IClassFixture<PifWebFactory>, IAsyncLifetime
{
    private Guid id;
    private Guid assignedQi;
    private Guid otherQi;

    public async ValueTask InitializeAsync()
    {
        var lead = await AsAsync(factory, Lead);
        id = await StartAsync(factory, "Access test");
        var qis = await PrepareAsync(factory, id, "1.1", "1.2");
        var one = await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync());

        // Contributor 1 keeps 1.1 only, contributor 2 1.2 only.
        await lead.PostFormAsync($"/self-evaluations/{id}/assignments", ("Assigned", $"{qis["1.1"]}:{one}"), ("Assigned", $"{qis["1.2"]}:{await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor2).Select(u => u.Id).SingleAsync())}"));
        (assignedQi, otherQi) = (qis["1.1"], qis["1.2"]);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string[] Paths => [$"/self-evaluations/{id}", $"/self-evaluations/{id}/qis/{assignedQi}", $"/self-evaluations/{id}/qis/{assignedQi}/agree",
        $"/self-evaluations/{id}/assignments", $"/self-evaluations/{id}/scope", $"/self-evaluations/{id}/validation", $"/self-evaluations/{id}/profile",
        $"/self-evaluations/{id}/profile?handler=Chart", $"/api/v1/self-evaluations/{id}"];

    [Theory]
    [InlineData("admin.fife@pif.example")]
    [InlineData("lead.fife@pif.example")]
    [InlineData("viewer.glasgow@pif.example")]
    [InlineData("national.admin@pif.example")]
    [InlineData("inspector@pif.example")]
    public async Task EveryPage_ForSomeoneWhoMayNotSeeIt_Returns404_AndTheListLeavesItOut(string email)
    {
        var client = await AsAsync(factory, email);

        foreach (var path in Paths)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.DoesNotContain("Access test", await client.GetStringAsync("/self-evaluations", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await client.GetStringAsync("/api/v1/self-evaluations", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contributor_SeesTheEvaluationTheyAreAssignedTo_WritesOnlyTheirQi_AndCannotLeadIt()
    {
        var one = await AsAsync(factory, Contributor1);

        Assert.Equal(HttpStatusCode.OK, (await one.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ContributeAsync(one, id, otherQi, 4)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ContributeAsync(one, id, assignedQi, 4)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/self-evaluations/{id}/qis/{assignedQi}/agree", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/self-evaluations/{id}/assignments", TestContext.Current.CancellationToken)).StatusCode);
        // The check before submitting is the lead's alone; a post with a valid token from another page is refused too.
        var token = await one.GetFormTokenAsync($"/self-evaluations/{id}/qis/{assignedQi}");
        Assert.Equal(HttpStatusCode.Forbidden, (await one.GetAsync($"/self-evaluations/{id}/submit", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await one.PostAsync($"/self-evaluations/{id}/submit",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task OtherEvaluationLeadAndAdministratorOfTheCouncil_SeeIt_ButOnlyTheNamedLeadLeadsIt()
    {
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/self-evaluations/{id}/scope", TestContext.Current.CancellationToken)).StatusCode);
        var token = await admin.GetFormTokenAsync($"/self-evaluations/{id}");
        var post = await admin.PostAsync($"/self-evaluations/{id}/qis/{assignedQi}/agree",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Form.Grade"] = "4", ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Inspector_SeesItFromItsFirstSubmission()
    {
        await using var fresh = new PifWebFactory();
        var lead = await AsAsync(fresh, Lead);
        var evaluation = await StartAsync(fresh, "Submitted one");
        var qis = await PrepareAsync(fresh, evaluation, "10.1");
        await AgreeAsync(lead, evaluation, qis["10.1"], 4);
        var inspector = await AsAsync(fresh, "inspector@pif.example");
        var before = await inspector.GetAsync($"/self-evaluations/{evaluation}", TestContext.Current.CancellationToken);

        await lead.PostFormAsync($"/self-evaluations/{evaluation}/submit");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/self-evaluations/{evaluation}", TestContext.Current.CancellationToken)).StatusCode);
        var viewer = await AsAsync(fresh, "viewer.glasgow@pif.example");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/self-evaluations/{evaluation}", TestContext.Current.CancellationToken)).StatusCode);
        using var json = JsonDocument.Parse(await inspector.GetStringAsync($"/api/v1/self-evaluations/{evaluation}", TestContext.Current.CancellationToken));
        var qi = json.RootElement.GetProperty("qualityIndicators")[0];
        Assert.Equal(("Submitted", "10.1", 4), (json.RootElement.GetProperty("state").GetString(), qi.GetProperty("code").GetString(), qi.GetProperty("agreed").GetProperty("grade").GetInt32()));
    }
}
