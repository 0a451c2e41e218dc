using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.ImprovementPlans.PlanSteps;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.ImprovementPlans;

/// <summary>The improvement plans API: reading plans whole, and progress posted by another system under the pages' rules.</summary>
public sealed class ImprovementPlansApiTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Api_ReadsThePlanWhole_PostsAnUpdate_RefusesBadOnesWithTheFormsMessages_And409OnceClosed()
    {
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await SubmittedAsync(factory, lead, "API plan");
        var (plan, actions) = await PlanAsync(factory, lead, id);
        var client = RawClient(factory);
        var key = await CreateKeyAsync(lead);
        var fifeKey = await CreateKeyAsync(await AsAsync(factory, Fife));
        var updates = $"/api/v1/improvement-plans/{plan}/actions/{actions[0]}/updates";

        var list = await client.SendAsync(WithKey(HttpMethod.Get, "/api/v1/improvement-plans", key), TestContext.Current.CancellationToken);
        var bad = await client.SendAsync(WithKey(HttpMethod.Post, updates, key, Json(new { narrative = "", status = "Sideways" })), TestContext.Current.CancellationToken);
        var empty = await client.SendAsync(WithKey(HttpMethod.Post, updates, key, Json(new { narrative = " " })), TestContext.Current.CancellationToken);
        var posted = await client.SendAsync(WithKey(HttpMethod.Post, updates, key, Json(new { narrative = "From the case system: 12 reviews held", status = "OnTrack" })), TestContext.Current.CancellationToken);
        var foreign = await client.SendAsync(WithKey(HttpMethod.Post, updates, fifeKey, Json(new { narrative = "Not mine" })), TestContext.Current.CancellationToken);
        var whole = await client.SendAsync(WithKey(HttpMethod.Get, $"/api/v1/improvement-plans/{plan}", key), TestContext.Current.CancellationToken);

        using (var plans = JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Contains(plans.RootElement.EnumerateArray(), p => p.GetProperty("id").GetGuid() == plan && p.GetProperty("actions").GetInt32() == 2);
        }

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Give the status as one of NotStarted, OnTrack", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Write what has happened since the last update", await empty.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        using (var detail = JsonDocument.Parse(await whole.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            var first = detail.RootElement.GetProperty("actions")[0];
            Assert.Equal("OnTrack", first.GetProperty("status").GetString());
            Assert.Equal("From the case system: 12 reviews held", first.GetProperty("updates")[0].GetProperty("narrative").GetString());
            Assert.Equal("Reviews of care plans are often late", first.GetProperty("answers")[0].GetProperty("text").GetString());
        }

        await factory.QueryAsync(db => db.ImprovementPlans.Where(p => p.Id == plan).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, Pif.Web.Modules.ImprovementPlans.PlanState.Closed)));
        var closed = await client.SendAsync(WithKey(HttpMethod.Post, updates, key, Json(new { narrative = "Late news" })), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        using var problem = JsonDocument.Parse(await closed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("The plan is closed", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(1, await factory.QueryAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == actions[0])));
    }
}
