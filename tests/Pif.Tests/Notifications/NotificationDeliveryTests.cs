using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Modules.Notifications;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Notifications.NotificationSteps;

namespace Pif.Tests.Notifications;

/// <summary>
/// How e-mail goes out: as each person chose (at once, weekly, never; a mandatory kind always), the weekly digest from
/// Monday morning once, an SMTP outage retried with back-off and given up after a day, nothing sent twice, and on
/// PostgreSQL two nodes sending each e-mail and reminder once. A fake clock drives the time.
/// </summary>
public sealed class NotificationDeliveryTests
{
    /// <summary>A Wednesday in winter (UK time is UTC).</summary>
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Preferences_AreHonoured_AndAMandatoryKindCannotBeTurnedOff()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var one = await AsAsync(factory, Contributor1);
        var settings = await ImprovementPlans.PlanSteps.FormAsync(one, "/notifications/settings");
        Assert.Equal("Immediately", settings["Choices[QisAssigned]"]);
        Assert.False(settings.ContainsKey("Choices[EvaluationReturned]"));

        var refused = await Html.ParseAsync(await one.PostFormAsync("/notifications/settings", ("Choices[QisAssigned]", "Weekly"), ("Choices[EvaluationReturned]", "Never")));
        Assert.Equal("You always get an e-mail at once when a self-evaluation you take part in is returned: it cannot be turned off",
            refused.QuerySelector(".ds_error-summary a")!.Text());
        Assert.Equal("#Choices_EvaluationReturned_", refused.QuerySelector(".ds_error-summary a")!.GetAttribute("href"));
        Assert.Empty(await factory.QueryAsync(db => db.NotificationPreferences.ToListAsync()));
        var nonsense = await Html.ParseAsync(await one.PostFormAsync("/notifications/settings", ("Choices[QisAssigned]", "Hourly")));
        Assert.Equal("Choose at once, weekly or never", nonsense.QuerySelector(".ds_error-summary a")!.Text());

        var saved = await one.PostFormAsync("/notifications/settings", ("Choices[QisAssigned]", "Weekly"), ("Choices[EvaluationBegan]", "Never"));
        Assert.Contains("Your e-mail choices are saved", await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var shown = await ImprovementPlans.PlanSteps.FormAsync(one, "/notifications/settings");
        Assert.Equal(("Weekly", "Never"), (shown["Choices[QisAssigned]"], shown["Choices[EvaluationBegan]"]));

        var id = await StartAsync(factory, "Chosen 2026");
        await PrepareAsync(factory, id, "2.1");
        var inspector = await AsAsync(factory, Inspector);
        var lead = await AsAsync(factory, Lead);
        await AgreeAsync(lead, id, (await QiEvaluationsAsync(factory, id))["2.1"], 4);
        await lead.PostFormAsync($"/self-evaluations/{id}/submit");
        await inspector.PostFormAsync($"/self-evaluations/{id}?handler=Return", ("Reason", "Look again."));
        await RunAsync<NotificationMailer>(factory);

        // Contributor 1 sees everything in Pif, but by e-mail only what they chose at once, and the return.
        var theirs = await OfAsync(factory, Contributor1);
        Assert.Equal([NotificationKind.QisAssigned, NotificationKind.EvaluationBegan, NotificationKind.EvaluationSubmitted, NotificationKind.EvaluationReturned], theirs.Select(n => n.Kind));
        Assert.Equal([EmailState.Weekly, EmailState.None, EmailState.Sent, EmailState.Sent], theirs.Select(n => n.EmailState));
        Assert.Equal(2, mail.To(Contributor1).Count);
        Assert.Equal(4, mail.To(Contributor2).Count);
    }

    [Fact]
    public async Task TheWeeklyDigest_GroupsAWeek_AndGoesOnceFromEightOnMonday()
    {
        await using var mail = await TestMailServer.StartAsync();
        var clock = Clock(Wednesday);
        await using var factory = Host(mail, clock);
        await SetAsync(factory, Contributor1, NotificationKind.QisAssigned, EmailDelivery.Weekly);
        await SetAsync(factory, Contributor1, NotificationKind.EvaluationBegan, EmailDelivery.Weekly);
        var id = await TestData.StartSelfEvaluationAsync(factory, Lead, "Digest 2026");
        await TestData.ScopeAssignAndBeginAsync(factory, Lead, id, ["2.1", "9.2"], [Contributor1, Contributor2]);

        await RunAsync<NotificationMailer>(factory);
        await RunAsync<WeeklyDigest>(factory);
        Assert.Empty(mail.To(Contributor1));
        Assert.Equal(2, mail.To(Contributor2).Count);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 7, 59, 0, TimeSpan.Zero));
        await RunAsync<WeeklyDigest>(factory);
        Assert.Empty(mail.To(Contributor1));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 8, 5, 0, TimeSpan.Zero));
        await RunAsync<WeeklyDigest>(factory);
        await RunAsync<WeeklyDigest>(factory);
        clock.Advance(TimeSpan.FromHours(3));
        await RunAsync<WeeklyDigest>(factory);

        var digest = Assert.Single(mail.To(Contributor1));
        Assert.Equal("Pif: your week's notifications (2), week of 7 December 2026", digest.Subject);
        var text = digest.TextBody!;
        Assert.True(text.IndexOf("asked to write on quality indicators 2.1, 9.2", StringComparison.Ordinal) < text.IndexOf("has begun", StringComparison.Ordinal), text);
        Assert.StartsWith("<https://pif.test/notifications/unsubscribe?token=", digest.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.All(await OfAsync(factory, Contributor1), n => Assert.Equal(EmailState.Sent, n.EmailState));
        var logged = await factory.QueryAsync(db => db.NotificationDeliveries.Where(d => d.Kind == NotificationDelivery.WeeklyDigest).ToListAsync());
        Assert.Equal((2, DeliveryResult.Sent), (Assert.Single(logged).Items, logged[0].Result));

        // What comes after Monday 8am waits for the next Monday.
        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync();
            db.Notifications.Add(new Notification { UserId = user, Kind = NotificationKind.QisAssigned, Text = "Later", Link = "/", CreatedAt = clock.GetUtcNow().UtcDateTime, EmailState = EmailState.Weekly });
            return await db.SaveChangesAsync();
        });
        await RunAsync<WeeklyDigest>(factory);
        Assert.Single(mail.To(Contributor1));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 8, 0, 0, TimeSpan.Zero));
        await RunAsync<WeeklyDigest>(factory);
        Assert.Equal(2, mail.To(Contributor1).Count);
    }

    [Fact]
    public async Task AnSmtpOutage_IsRetriedWithBackoff_NothingIsSentTwice_AndADayOfFailuresIsGivenUpAndShown()
    {
        await using var mail = await TestMailServer.StartAsync();
        var clock = Clock(Wednesday);
        await using var factory = Host(mail, clock);
        var id = await TestData.StartSelfEvaluationAsync(factory, Lead, "Outage 2026");
        await TestData.ScopeAssignAndBeginAsync(factory, Lead, id, ["2.1"], [Contributor1, Contributor2]);
        var waiting = await factory.QueryAsync(db => db.Notifications.CountAsync(n => n.EmailState == EmailState.Pending));
        Assert.Equal(4, waiting);

        mail.Refusing = true;
        await RunAsync<NotificationMailer>(factory);
        Assert.Equal(4, mail.Refused);
        var failed = await factory.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.All(failed, n =>
        {
            Assert.Equal((EmailState.Pending, 1), (n.EmailState, n.EmailAttempts));
            Assert.InRange(n.EmailDueAt!.Value, clock.GetUtcNow().UtcDateTime.AddSeconds(50), clock.GetUtcNow().UtcDateTime.AddSeconds(61));
            Assert.Contains("Try again later", n.EmailError, StringComparison.Ordinal);
        });

        // Not due again yet: nothing is tried.
        await RunAsync<NotificationMailer>(factory);
        Assert.Equal(4, mail.Refused);

        mail.Refusing = false;
        clock.Advance(TimeSpan.FromMinutes(2));
        await RunAsync<NotificationMailer>(factory);
        await RunAsync<NotificationMailer>(factory);
        Assert.Equal(4, mail.Messages.Count);
        Assert.Equal(4, mail.Messages.Select(m => (m.To.ToString(), m.Subject)).Distinct().Count());
        var log = await factory.QueryAsync(db => db.NotificationDeliveries.AsNoTracking().ToListAsync());
        Assert.Equal((4, 4), (log.Count(d => d.Result == DeliveryResult.Retrying), log.Count(d => d.Result == DeliveryResult.Sent)));

        // A day of refusals: given up, and national administrators see it.
        var lead = await AsAsync(factory, Lead);
        await AgreeAsync(lead, id, (await QiEvaluationsAsync(factory, id))["2.1"], 4);
        await lead.PostFormAsync($"/self-evaluations/{id}/submit");
        mail.Refusing = true;
        for (var hour = 0; hour < 26; hour++)
        {
            await RunAsync<NotificationMailer>(factory);
            clock.Advance(TimeSpan.FromHours(1));
        }

        var givenUp = await factory.QueryAsync(db => db.Notifications.AsNoTracking().Where(n => n.EmailState == EmailState.Failed).ToListAsync());
        Assert.Equal([NotificationKind.EvaluationSubmitted, NotificationKind.EvaluationSubmitted, NotificationKind.SubmissionWaiting], givenUp.Select(n => n.Kind).Order());
        Assert.All(givenUp, n => Assert.InRange(n.EmailAttempts, 5, 30));
        var admin = await AsAsync(factory, "national.admin@pif.example");
        var page = await Html.ParseAsync(await admin.GetAsync("/notifications/sent-mail?Result=GaveUp", TestContext.Current.CancellationToken));
        var row = page.QuerySelector("tbody tr")!;
        Assert.Contains("Failed: given up", row.Text(), StringComparison.Ordinal);
        Assert.Contains("Try again later", row.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Outage 2026", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMailServerThatCannotBeReached_StopsTheRun_SoOneAttemptIsMadeAndTheRestWait()
    {
        await using var mail = await TestMailServer.StartAsync();
        var clock = Clock(Wednesday);
        await using var factory = Host(mail, clock);
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        factory.With("Mail:Port", port.ToString(CultureInfo.InvariantCulture));
        var id = await TestData.StartSelfEvaluationAsync(factory, Lead, "Unreachable 2026");
        await TestData.ScopeAssignAndBeginAsync(factory, Lead, id, ["2.1"], [Contributor1, Contributor2]);

        await RunAsync<NotificationMailer>(factory);

        var all = await factory.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.Equal([0, 0, 0, 1], all.Select(n => n.EmailAttempts).Order());
        Assert.All(all, n => Assert.Equal(EmailState.Pending, n.EmailState));
        var logged = Assert.Single(await factory.QueryAsync(db => db.NotificationDeliveries.AsNoTracking().ToListAsync()));
        Assert.Equal(DeliveryResult.Retrying, logged.Result);
        Assert.StartsWith($"127.0.0.1:{port}: ", logged.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAccountAnAdministratorLocked_IsToldInPifButSentNoEmail()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var admin = await TestData.AccessAsync(factory, "admin.glasgow@pif.example");
        var (locked, council) = await factory.QueryAsync(async db => (
            await db.Users.Where(u => u.Email == Contributor2).Select(u => u.Id).SingleAsync(),
            await db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync()));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Pif.Web.Modules.Organisations.Accounts.UsersService>()
                .LockAsync(admin, locked, council, TestContext.Current.CancellationToken);
        }

        var id = await StartAsync(factory, "Locked 2026");
        await PrepareAsync(factory, id, "2.1");
        await RunAsync<NotificationMailer>(factory);

        Assert.Empty(mail.To(Contributor2));
        Assert.Equal(2, mail.To(Contributor1).Count);
        Assert.All(await OfAsync(factory, Contributor2), n => Assert.Equal((EmailState.None, NotificationMailer.Locked), (n.EmailState, n.EmailError)));
    }

    [Fact]
    public async Task TheUnsubscribeLink_WorksSignedOut_InOneClick_AndATamperedOneDoesNothing()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var id = await StartAsync(factory, "Unsubscribe 2026");
        await PrepareAsync(factory, id, "2.1");
        await RunAsync<NotificationMailer>(factory);
        var message = mail.To(Contributor1).Single(m => m.Subject!.Contains("asked to write", StringComparison.Ordinal));
        var link = new Uri(message.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var path = link.PathAndQuery;
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        // Opening the link changes nothing (mail scanners open links); it asks.
        var asked = await Html.ParseAsync(await anonymous.GetAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal("Stop these e-mails", asked.QuerySelector("h1")!.Text());
        Assert.Contains("e-mails when: you are assigned quality indicators", asked.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.Empty(await factory.QueryAsync(db => db.NotificationPreferences.ToListAsync()));

        // A mail program's one-click request: a POST with no form token, signed out.
        var oneClick = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, oneClick.StatusCode);
        var chosen = Assert.Single(await factory.QueryAsync(db => db.NotificationPreferences.ToListAsync()));
        Assert.Equal((NotificationKind.QisAssigned, EmailDelivery.Never), (chosen.Kind, chosen.Delivery));

        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var token = query["token"]!;
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var refused = await anonymous.GetAsync($"/notifications/unsubscribe?token={tampered}", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("This link does not work", (await Html.ParseAsync(refused)).QuerySelector("h1")!.Text());
        var posted = await anonymous.PostAsync($"/notifications/unsubscribe?token={tampered}", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Single(await factory.QueryAsync(db => db.NotificationPreferences.ToListAsync()));
    }

    [Fact]
    [Trait("Database", "Postgres")]
    public async Task TwoNodesOnOnePostgreSql_SendEachEmailAndWriteEachReminderOnce()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var database = TestDatabase.Create(DatabaseProvider.Postgres);
        await using var first = Host(mail, database: database);
        _ = first.Server;
        await using var second = Host(mail, database: database);
        second.SeedDemoAccounts = false;
        _ = second.Server;
        var id = await TestData.StartSelfEvaluationAsync(first, Lead, "Two nodes 2026");
        await TestData.ScopeAssignAndBeginAsync(first, Lead, id, ["1.1", "2.1", "9.2"], [Contributor1, Contributor2]);
        await first.QueryAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync();
            var council = await db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync();
            for (var i = 0; i < 6; i++)
            {
                db.EvidenceItems.Add(new Pif.Web.Modules.Evidence.EvidenceItem
                {
                    OrganisationId = council,
                    Title = string.Create(CultureInfo.InvariantCulture, $"Audit {i}"),
                    OwnerId = owner,
                    AddedById = owner,
                    ReviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3),
                    EffectiveFrom = new DateOnly(2025, 4, 1),
                    EffectiveTo = new DateOnly(2026, 3, 31),
                });
            }

            return await db.SaveChangesAsync();
        });

        await Task.WhenAll(
            RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(first), RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(second),
            RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(first), RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(second));
        Assert.Equal(6, (await OfAsync(first, Contributor1)).Count(n => n.Kind == NotificationKind.EvidenceReview));

        await Task.WhenAll(RunAsync<NotificationMailer>(first), RunAsync<NotificationMailer>(second), RunAsync<NotificationMailer>(first), RunAsync<NotificationMailer>(second));
        await RunAsync<NotificationMailer>(second);
        var all = await second.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.All(all, n => Assert.Equal(EmailState.Sent, n.EmailState));
        Assert.Equal(all.Count, mail.Messages.Count);
        Assert.Equal(all.Count, mail.Messages.Select(m => (m.To.ToString(), m.Subject)).Distinct().Count());
    }
}
