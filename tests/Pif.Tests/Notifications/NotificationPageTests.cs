using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pif.Testing;
using Pif.Web.Modules.Notifications;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Notifications.NotificationSteps;

namespace Pif.Tests.Notifications;

/// <summary>The notifications page, the unread count in the header, and the API: each person's own, and only theirs.</summary>
public sealed class NotificationPageTests
{
    [Fact]
    public async Task ThePage_ListsNewestFirst_TheHeaderCountsTheUnread_AndOpeningOneMarksItReadAndGoesToIt()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var id = await StartAsync(factory, "Page 2026");
        var qis = await PrepareAsync(factory, id, "2.1");
        var one = await AsAsync(factory, Contributor1);

        var home = await Html.ParseAsync(await one.GetAsync("/", TestContext.Current.CancellationToken));
        Assert.Equal("Notifications2 unread", home.QuerySelector(".pif-account__notifications")!.Text());
        var page = await Html.ParseAsync(await one.GetAsync("/notifications", TestContext.Current.CancellationToken));
        var items = page.QuerySelectorAll(".pif-notification");
        Assert.Equal(2, items.Length);
        Assert.Contains("has begun", items[0].Text(), StringComparison.Ordinal);
        Assert.Contains("asked to write on quality indicator 2.1", items[1].Text(), StringComparison.Ordinal);
        Assert.All(items, i => Assert.NotNull(i.QuerySelector(".ds_tag")));

        var open = items[1].QuerySelector("a")!.GetAttribute("href")!;
        var opened = await one.GetAsync(open, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal($"/self-evaluations/{id}/qis/{qis["2.1"]}", opened.RequestMessage!.RequestUri!.AbsolutePath);
        home = await Html.ParseAsync(await one.GetAsync("/", TestContext.Current.CancellationToken));
        Assert.Equal("Notifications1 unread", home.QuerySelector(".pif-account__notifications")!.Text());

        // Filtered by kind; then every one read.
        var filtered = await Html.ParseAsync(await one.GetAsync("/notifications?Kind=QisAssigned", TestContext.Current.CancellationToken));
        Assert.Single(filtered.QuerySelectorAll(".pif-notification"));
        var unread = await Html.ParseAsync(await one.GetAsync("/notifications?Unread=true", TestContext.Current.CancellationToken));
        Assert.Single(unread.QuerySelectorAll(".pif-notification"));
        var all = await Html.ParseAsync(await one.PostFormAsync("/notifications?handler=ReadAll"));
        Assert.Equal("1 notification is marked as read", all.QuerySelector(".ds_notification-panel__title")!.Text());
        home = await Html.ParseAsync(await one.GetAsync("/notifications", TestContext.Current.CancellationToken));
        Assert.Equal("Notifications", home.QuerySelector(".pif-account__notifications")!.Text());
        Assert.Empty(home.QuerySelectorAll(".pif-notification .ds_tag"));

        // Another person's notification: not found, whether opened or marked.
        var two = await AsAsync(factory, Contributor2);
        var theirs = (await OfAsync(factory, Contributor2))[0].Id;
        Assert.Equal(HttpStatusCode.NotFound, (await one.GetAsync($"/notifications?handler=Open&id={theirs}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await one.PostFormAsync($"/notifications?handler=Read&id={theirs}")).StatusCode);
        Assert.Null((await OfAsync(factory, Contributor2))[0].ReadAt);
        Assert.Equal(HttpStatusCode.OK, (await two.PostFormAsync($"/notifications?handler=Read&id={theirs}")).StatusCode);
        Assert.NotNull((await OfAsync(factory, Contributor2))[0].ReadAt);
    }

    [Fact]
    public async Task TheApi_ListsTheCallersOwnNewestFirst_AndMarksOneRead()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var id = await StartAsync(factory, "Api 2026");
        var qis = await PrepareAsync(factory, id, "2.1");
        var one = await AsAsync(factory, Contributor1);

        var listed = await one.GetFromJsonAsync<JsonElement>("/api/v1/notifications", TestContext.Current.CancellationToken);
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        var first = listed.GetProperty("notifications")[0];
        Assert.Equal("EvaluationBegan", first.GetProperty("kind").GetString());
        Assert.Equal($"/self-evaluations/{id}", first.GetProperty("link").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("readAt").ValueKind);
        Assert.True(first.GetProperty("createdAt").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
        var assigned = await one.GetFromJsonAsync<JsonElement>("/api/v1/notifications?kind=qisassigned", TestContext.Current.CancellationToken);
        Assert.Equal($"/self-evaluations/{id}/qis/{qis["2.1"]}", assigned.GetProperty("notifications")[0].GetProperty("link").GetString());
        var wrong = await one.GetAsync("/api/v1/notifications?kind=Lunch", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Give one of the kinds: QisAssigned", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var key = await Security.SecuritySteps.CreateKeyAsync(one);
        var raw = Security.SecuritySteps.RawClient(factory);
        var notificationId = first.GetProperty("id").GetGuid();
        var read = await raw.SendAsync(Security.SecuritySteps.WithKey(HttpMethod.Post, $"/api/v1/notifications/{notificationId}/read", key), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await read.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("readAt").ValueKind);
        var unread = await one.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unread=true", TestContext.Current.CancellationToken);
        Assert.Equal(1, unread.GetProperty("total").GetInt32());

        var theirs = (await OfAsync(factory, Contributor2))[0].Id;
        var refused = await raw.SendAsync(Security.SecuritySteps.WithKey(HttpMethod.Post, $"/api/v1/notifications/{theirs}/read", key), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var other = await AsAsync(factory, Contributor2);
        var theirList = await other.GetFromJsonAsync<JsonElement>("/api/v1/notifications", TestContext.Current.CancellationToken);
        Assert.All(theirList.GetProperty("notifications").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("readAt").ValueKind));
        Assert.DoesNotContain(theirList.GetProperty("notifications").EnumerateArray(), n => n.GetProperty("id").GetGuid() == notificationId);
    }
}
