using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.Notifications;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Notifications.NotificationSteps;

namespace Pif.Tests.Notifications;

/// <summary>
/// Each event reaches the people it concerns, and nobody else (another council's users never), in Pif and by e-mail
/// through a real SMTP server, once.
/// </summary>
public sealed class NotificationEventTests
{
    [Fact]
    public async Task ASelfEvaluationsLife_TellsThoseWhoTakePart_ByEmailOnce_AndNobodyElse()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var id = await StartAsync(factory, "Notified 2026");
        var qis = await PrepareAsync(factory, id, "2.1");
        var path = $"/self-evaluations/{id}/qis/{qis["2.1"]}";

        // Assigned and begun (by the lead, who hears of neither).
        Assert.Equal([NotificationKind.QisAssigned, NotificationKind.EvaluationBegan], await KindsAsync(factory, Contributor1));
        Assert.Equal([NotificationKind.QisAssigned, NotificationKind.EvaluationBegan], await KindsAsync(factory, Contributor2));
        var assigned = (await OfAsync(factory, Contributor1))[0];
        Assert.Equal(path, assigned.Link);
        Assert.Equal("You were asked to write on quality indicator 2.1 of \"Notified 2026\".", assigned.Text);
        Assert.Empty(await OfAsync(factory, Lead));

        // Submitted: those who take part, and the link inspector, who has a submission waiting.
        var lead = await AsAsync(factory, Lead);
        await AgreeAsync(lead, id, qis["2.1"], 4);
        await lead.PostFormAsync($"/self-evaluations/{id}/submit");
        Assert.Equal(NotificationKind.EvaluationSubmitted, (await OfAsync(factory, Contributor1))[^1].Kind);
        var waiting = Assert.Single(await OfAsync(factory, Inspector));
        Assert.Equal((NotificationKind.SubmissionWaiting, $"/self-evaluations/{id}"), (waiting.Kind, waiting.Link));
        Assert.Equal("Glasgow City submitted \"Notified 2026\" for validation.", waiting.Text);

        // The inspector challenges: those who write on the QI hear; a contributor replies: the inspector hears.
        var inspector = await AsAsync(factory, Inspector);
        await inspector.PostFormAsync(path + "?handler=Comment", ("Comment.Kind", "Challenge"), ("Comment.Text", "How do you know reviews are on time?"));
        foreach (var person in new[] { Lead, Contributor1, Contributor2 })
        {
            var told = (await OfAsync(factory, person))[^1];
            Assert.Equal((NotificationKind.InspectorComment, path), (told.Kind, told.Link));
            Assert.Equal("The link inspector challenged quality indicator 2.1 of \"Notified 2026\".", told.Text);
        }

        var one = await AsAsync(factory, Contributor1);
        await one.PostFormAsync(path + "?handler=Comment", ("Comment.Text", "The review tracker, checked monthly."));
        Assert.Equal(NotificationKind.CommentReply, (await OfAsync(factory, Inspector))[^1].Kind);
        Assert.Equal(NotificationKind.InspectorComment, (await OfAsync(factory, Contributor1))[^1].Kind);

        // Returned, with the reason: everyone who takes part, always by e-mail.
        await inspector.PostFormAsync($"/self-evaluations/{id}?handler=Return", ("Reason", "Say how you know 2.1 is good."));
        foreach (var person in new[] { Lead, Contributor1, Contributor2 })
        {
            var told = (await OfAsync(factory, person))[^1];
            Assert.Equal(NotificationKind.EvaluationReturned, told.Kind);
            Assert.Equal("The link inspector returned \"Notified 2026\" to the council. The reason: Say how you know 2.1 is good.", told.Text);
        }

        // Another council's users, the council's viewer, and the national administrator hear of none of it.
        Assert.Empty(await OfAsync(factory, FifeLead));
        Assert.Empty(await OfAsync(factory, Viewer));
        Assert.Empty(await OfAsync(factory, "national.admin@pif.example"));

        await RunAsync<NotificationMailer>(factory);
        await RunAsync<NotificationMailer>(factory);

        var all = await factory.QueryAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.All(all, n => Assert.Equal(EmailState.Sent, n.EmailState));
        Assert.Equal(all.Count, mail.Messages.Count);
        var toOne = mail.To(Contributor1);
        Assert.Equal((await OfAsync(factory, Contributor1)).Count, toOne.Count);
        Assert.Empty(mail.To(FifeLead));

        var first = toOne.Single(m => m.Subject!.Contains("asked to write", StringComparison.Ordinal));
        Assert.Equal("Pif: You were asked to write on quality indicator 2.1 of \"Notified 2026\".", first.Subject);
        Assert.Contains($"https://pif.test{path}", first.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://pif.test{path}\"", first.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<https://pif.test/notifications/unsubscribe?token=", first.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", first.Headers["List-Unsubscribe-Post"]);
        Assert.DoesNotContain("<img", first.HtmlBody, StringComparison.OrdinalIgnoreCase);

        // A returned submission cannot be turned off, so its e-mail offers no unsubscribe.
        var returned = toOne.Single(m => m.Subject!.Contains("returned", StringComparison.Ordinal));
        Assert.Null(returned.Headers["List-Unsubscribe"]);
        Assert.Contains("Say how you know 2.1 is good.", returned.TextBody, StringComparison.Ordinal);

        var log = await factory.QueryAsync(db => db.NotificationDeliveries.AsNoTracking().ToListAsync());
        Assert.Equal(all.Count, log.Count);
        Assert.All(log, d => Assert.Equal(DeliveryResult.Sent, d.Result));
    }

    [Fact]
    public async Task ValidatingAndPublishing_TellThoseWhoTakePart()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Validated 2026");
        var qis = await SubmitAsync(factory, lead, id, ("5.1", 4));
        var inspector = await AsAsync(factory, Inspector);
        await DecideAsync(inspector, id, qis["5.1"], agrees: true);
        await ValidateAsync(inspector, id);
        await lead.PostFormAsync($"/self-evaluations/{id}/publish");

        var kinds = await KindsAsync(factory, Contributor2);
        Assert.Equal([NotificationKind.QisAssigned, NotificationKind.EvaluationBegan, NotificationKind.EvaluationSubmitted, NotificationKind.EvaluationValidated, NotificationKind.EvaluationPublished], kinds);
        Assert.Equal([NotificationKind.EvaluationValidated], await KindsAsync(factory, Lead));
        Assert.Equal([NotificationKind.SubmissionWaiting], await KindsAsync(factory, Inspector));
    }

    [Fact]
    public async Task APlan_TellsTheOwnerOfAnActionGivenThem_ThenItsOwnersWhenApproved_AndRemindsThemOncePerWeek()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await ImprovementPlans.PlanSteps.SubmittedAsync(factory, lead, "Plan notices");
        var (plan, actions) = await ImprovementPlans.PlanSteps.PlanAsync(factory, lead, id);
        var contributor = (await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync())).ToString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var overdue = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = today.AddDays(-60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await ImprovementPlans.PlanSteps.EditAsync(lead, plan, actions[0], ("Form.OwnerId", contributor), ("Form.StartDate", start), ("Form.DueDate", overdue));
        var given = (await OfAsync(factory, Contributor1))[^1];
        Assert.Equal((NotificationKind.ActionAssigned, $"/improvement-plans/{plan}/actions/{actions[0]}"), (given.Kind, given.Link));
        Assert.StartsWith("You were made the owner of action 1, ", given.Text, StringComparison.Ordinal);

        await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Approve", ("Stamp", (await ImprovementPlans.PlanSteps.FormAsync(lead, $"/improvement-plans/{plan}"))["Stamp"]));
        var approved = (await OfAsync(factory, Contributor1))[^1];
        Assert.Equal((NotificationKind.PlanApproved, $"/improvement-plans/{plan}"), (approved.Kind, approved.Link));
        // The lead owns the other action, and approved the plan: nothing to hear.
        Assert.DoesNotContain(NotificationKind.PlanApproved, await KindsAsync(factory, Lead));
        Assert.DoesNotContain(NotificationKind.PlanApproved, await KindsAsync(factory, Contributor2));
        Assert.Empty(await OfAsync(factory, FifeLead));

        // Reminders: the overdue action, once however often the job runs; and, the approval set six weeks back, its quiet month.
        await factory.QueryAsync(db => db.PlanApprovals.Where(a => a.PlanId == plan).ExecuteUpdateAsync(s => s.SetProperty(a => a.At, DateTime.UtcNow.AddDays(-42))));
        await RunAsync<Pif.Web.Modules.ImprovementPlans.ActionReminders>(factory);
        await RunAsync<Pif.Web.Modules.ImprovementPlans.ActionReminders>(factory);
        var reminders = (await OfAsync(factory, Contributor1)).Where(n => n.ReminderKey is not null).ToList();
        Assert.Equal([NotificationKind.ActionDue, NotificationKind.ActionNoUpdate], reminders.Select(r => r.Kind).Order());
        Assert.Contains("is overdue: it was due on", reminders.Single(r => r.Kind == NotificationKind.ActionDue).Text, StringComparison.Ordinal);
        Assert.All(reminders, r => Assert.Equal($"/improvement-plans/{plan}/actions/{actions[0]}", r.Link));

        await RunAsync<NotificationMailer>(factory);
        await RunAsync<NotificationMailer>(factory);
        Assert.Equal((await OfAsync(factory, Contributor1)).Count, mail.To(Contributor1).Count);
    }

    [Fact]
    public async Task AnActionDueSoon_IsRemindedOnlyOnceItsPlanIsApproved()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var lead = await AsAsync(factory, Lead);
        var (id, _) = await ImprovementPlans.PlanSteps.SubmittedAsync(factory, lead, "Due soon");
        var (plan, actions) = await ImprovementPlans.PlanSteps.PlanAsync(factory, lead, id);
        var contributor = (await factory.QueryAsync(db => db.Users.Where(u => u.Email == Contributor2).Select(u => u.Id).SingleAsync())).ToString();
        var today = Pif.Web.Infrastructure.Dates.LondonToday(TimeProvider.System);
        string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await ImprovementPlans.PlanSteps.EditAsync(lead, plan, actions[0], ("Form.OwnerId", contributor), ("Form.StartDate", Day(today.AddDays(-10))), ("Form.DueDate", Day(today.AddDays(3))));
        await ImprovementPlans.PlanSteps.EditAsync(lead, plan, actions[1], ("Form.OwnerId", contributor), ("Form.StartDate", Day(today.AddDays(-10))), ("Form.DueDate", Day(today.AddDays(8))));

        // A draft plan's actions are not yet the council's commitments: nothing to remind.
        await RunAsync<Pif.Web.Modules.ImprovementPlans.ActionReminders>(factory);
        Assert.DoesNotContain(NotificationKind.ActionDue, await KindsAsync(factory, Contributor2));

        await lead.PostFormAsync($"/improvement-plans/{plan}?handler=Approve", ("Stamp", (await ImprovementPlans.PlanSteps.FormAsync(lead, $"/improvement-plans/{plan}"))["Stamp"]));
        await RunAsync<Pif.Web.Modules.ImprovementPlans.ActionReminders>(factory);

        // Due in 3 days: reminded; due in 8: not yet.
        var due = Assert.Single(await OfAsync(factory, Contributor2), n => n.Kind == NotificationKind.ActionDue);
        Assert.Equal($"/improvement-plans/{plan}/actions/{actions[0]}", due.Link);
        Assert.EndsWith($"is due on {Pif.Web.Infrastructure.Dates.Written(today.AddDays(3))}.", due.Text, StringComparison.Ordinal);
        Assert.StartsWith("Action 1 of Improvement plan 2026 to 2027, ", due.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvidencePastItsReviewDate_RemindsItsOwnerOncePerWeek()
    {
        await using var mail = await TestMailServer.StartAsync();
        var clock = Clock(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        await using var factory = Host(mail, clock);
        var item = await factory.QueryAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync();
            var council = await db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync();
            var evidence = new Pif.Web.Modules.Evidence.EvidenceItem
            {
                OrganisationId = council,
                Title = "Case file audit 2025",
                OwnerId = owner,
                AddedById = owner,
                ReviewDate = new DateOnly(2026, 11, 30),
                EffectiveFrom = new DateOnly(2025, 4, 1),
                EffectiveTo = new DateOnly(2026, 3, 31),
            };
            db.EvidenceItems.Add(evidence);
            await db.SaveChangesAsync();
            return evidence.Id;
        });

        await RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(factory);
        await RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(factory);
        clock.Advance(TimeSpan.FromDays(2));
        await RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(factory);
        var once = Assert.Single(await OfAsync(factory, Contributor1));
        Assert.Equal((NotificationKind.EvidenceReview, $"/evidence/{item}"), (once.Kind, once.Link));
        Assert.Equal("Your evidence \"Case file audit 2025\" was due for review on 30 November 2026: check it still holds, and set its next review date.", once.Text);

        clock.Advance(TimeSpan.FromDays(5));
        await RunAsync<Pif.Web.Modules.Evidence.EvidenceReviewReminders>(factory);
        Assert.Equal(2, (await OfAsync(factory, Contributor1)).Count);
    }

    [Fact]
    public async Task ACaseStudySentBackThenPublished_TellsItsAuthor()
    {
        await using var mail = await TestMailServer.StartAsync();
        await using var factory = Host(mail);
        var id = await CaseStudies.CaseStudySteps.DraftAsync(factory, CaseStudies.CaseStudySteps.Input("Reviews on time"));
        await CaseStudies.CaseStudySteps.SubmitAsync(factory, id);
        var national = await TestData.AccessAsync(factory, CaseStudies.CaseStudySteps.National);
        await CaseStudies.CaseStudySteps.WithAsync<Pif.Web.Modules.CaseStudies.CaseStudyReviewService>(factory, async service =>
            CaseStudies.CaseStudySteps.Succeeded(await service.RequestChangesAsync(national, id, await CaseStudies.CaseStudySteps.StampAsync(factory, id), "Add last year's figures", CancellationToken.None)));
        await CaseStudies.CaseStudySteps.SubmitAsync(factory, id);
        await CaseStudies.CaseStudySteps.PublishAsync(factory, id);

        var told = await OfAsync(factory, FifeLead);
        Assert.Equal(["Your case study \"Reviews on time\" was sent back with changes to make.", "Your case study \"Reviews on time\" was published: every council can now read it."], told.Select(n => n.Text));
        Assert.All(told, n => Assert.Equal((NotificationKind.CaseStudyDecided, $"/case-studies/{id}"), (n.Kind, n.Link)));
        Assert.Empty(await OfAsync(factory, CaseStudies.CaseStudySteps.National));
        Assert.Empty(await OfAsync(factory, Lead));
    }

    [Fact]
    public async Task NotificationsOlderThan180Days_AreDeleted_UnlessTheirEmailIsStillToGo()
    {
        await using var mail = await TestMailServer.StartAsync();
        var clock = Clock(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        await using var factory = Host(mail, clock);
        var now = clock.GetUtcNow().UtcDateTime;
        await factory.QueryAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == Contributor1).Select(u => u.Id).SingleAsync();
            Notification Note(string text, int daysAgo, EmailState state) => new() { UserId = user, Kind = NotificationKind.QisAssigned, Text = text, Link = "/", CreatedAt = now.AddDays(-daysAgo), EmailState = state };
            db.Notifications.AddRange(Note("Old", 181, EmailState.Sent), Note("Kept", 179, EmailState.Sent), Note("Old, e-mail waiting", 181, EmailState.Weekly));
            db.NotificationDeliveries.AddRange(
                new NotificationDelivery { UserId = user, Kind = "QisAssigned", Items = 1, At = now.AddDays(-181), Result = DeliveryResult.Sent },
                new NotificationDelivery { UserId = user, Kind = "QisAssigned", Items = 1, At = now.AddDays(-1), Result = DeliveryResult.Sent });
            return await db.SaveChangesAsync();
        });

        await RunAsync<NotificationCleanup>(factory);

        Assert.Equal(["Kept", "Old, e-mail waiting"], (await OfAsync(factory, Contributor1)).Select(n => n.Text).Order());
        Assert.Equal(1, await factory.QueryAsync(db => db.NotificationDeliveries.CountAsync()));
    }

    [Fact]
    public async Task InDevelopmentWithoutAMailServer_EachMessageIsWrittenAsAnEmlFile()
    {
        var folder = Directory.CreateTempSubdirectory("pif-mail-").FullName;
        try
        {
            await using var factory = new PifWebFactory { EnvironmentName = "Development", RunsScheduler = false }.With("Mail:PickupDirectory", folder);
            var id = await StartAsync(factory, "Picked up 2026");
            await PrepareAsync(factory, id, "2.1");
            await RunAsync<NotificationMailer>(factory);

            var files = Directory.GetFiles(folder, "*.eml");
            Assert.Equal(4, files.Length);
            var messages = await Task.WhenAll(files.Select(f => MimeKit.MimeMessage.LoadAsync(f, TestContext.Current.CancellationToken)));
            Assert.Equal(2, messages.Count(m => m.To.Mailboxes.Single().Address == Contributor1));
            Assert.All(messages, m => Assert.Contains("http://localhost:5080/self-evaluations/", m.TextBody, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
