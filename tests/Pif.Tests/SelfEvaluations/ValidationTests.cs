using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.SelfEvaluations;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.SelfEvaluations;

/// <summary>Supported validation (DOMAIN.md section 5): support and challenge, return, decisions, the summary, validating and publishing.</summary>
public sealed class ValidationTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const string Inspector = "inspector@pif.example";

    [Fact]
    public async Task Thread_InspectorChallenges_LeadAndAssigneeReply_NewestLast_OthersCannot()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Thread test");
        var qis = await SubmitAsync(factory, lead, id, ("2.1", 4), ("2.2", 3));
        var inspector = await AsAsync(factory, Inspector);
        var one = await AsAsync(factory, Contributor1);
        var path = $"/self-evaluations/{id}/qis/{qis["2.1"]}";
        var early = await Html.ParseAsync(await one.PostFormAsync(path + "?handler=Comment", ("Comment.Text", "Nobody asked yet")));

        var empty = await Html.ParseAsync(await inspector.PostFormAsync(path + "?handler=Comment", ("Comment.Kind", "Challenge"), ("Comment.Text", " ")));
        var unmarked = await Html.ParseAsync(await inspector.PostFormAsync(path + "?handler=Comment", ("Comment.Text", "How do you know?")));
        await inspector.PostFormAsync(path + "?handler=Comment", ("Comment.Kind", "Challenge"), ("Comment.Text", "How do you know reviews are on time?"));
        await lead.PostFormAsync(path + "?handler=Comment", ("Comment.Text", "The review tracker, checked monthly."));
        await one.PostFormAsync(path + "?handler=Comment", ("Comment.Kind", "Support"), ("Comment.Text", "And case file reading."));
        var page = await Html.ParseAsync(await lead.GetAsync(path, TestContext.Current.CancellationToken));

        Assert.Equal("You can reply once the link inspector has commented on this quality indicator", early.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal("Enter your comment in 4000 characters or fewer", empty.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal("Choose whether this is support or challenge", unmarked.QuerySelector(".ds_error-summary a").Text());
        var meta = page.QuerySelectorAll(".pif-thread__meta").Select(m => m.Text()).ToList();
        Assert.Equal(3, meta.Count);
        Assert.StartsWith("Challenge Demo link inspector, ", meta[0], StringComparison.Ordinal);
        Assert.StartsWith("Reply Demo evaluation lead, Glasgow City, ", meta[1], StringComparison.Ordinal);
        Assert.StartsWith("Reply Demo contributor 1, Glasgow City, ", meta[2], StringComparison.Ordinal);
        Assert.Equal(["How do you know reviews are on time?", "The review tracker, checked monthly.", "And case file reading."], page.QuerySelectorAll(".pif-thread .pif-lines").Select(t => t.Text()));
        Assert.Equal(3, await factory.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == qis["2.1"] && a.Action == "comment.added")));

        // Contributor 2 is assigned too, but a council member who is not (the administrator) may not reply, nor may a viewer see the thread.
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");
        var token = await admin.GetFormTokenAsync(path);
        var refused = await admin.PostAsync(path + "?handler=Comment", Form(token, ("Comment.Text", "Me too")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Return_NeedsAReason_KeepsDecisionsAsEarlier_AndAResubmissionIsDecidedAgain()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Return test");
        var qis = await SubmitAsync(factory, lead, id, ("6.1", 4), ("6.2", 3));
        var inspector = await AsAsync(factory, Inspector);
        await DecideAsync(inspector, id, qis["6.1"], agrees: true);
        await DecideAsync(inspector, id, qis["6.2"], agrees: false, grade: 2, reasons: "Supervision records are patchy.");

        var waiting = await Html.ParseAsync(await inspector.GetAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains(waiting.QuerySelectorAll("main li a"), a => a.Text() == "Return test");

        var noReason = await Html.ParseAsync(await inspector.PostFormAsync($"/self-evaluations/{id}?handler=Return", ("Reason", "")));
        Assert.Equal("Enter why you are returning it, in 4000 characters or fewer", noReason.QuerySelector(".ds_error-summary a").Text());
        await inspector.PostFormAsync($"/self-evaluations/{id}?handler=Return", ("Reason", "Say how you know 6.2 is adequate."));

        Assert.Equal(SelfEvaluationState.InProgress, await StateAsync(id));
        Assert.DoesNotContain((await Html.ParseAsync(await inspector.GetAsync("/", TestContext.Current.CancellationToken))).QuerySelectorAll("main li a"), a => a.Text() == "Return test");
        var overview = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        Assert.Contains("Their reason: Say how you know 6.2 is adequate.", overview.QuerySelector(".ds_inset-text").Text(), StringComparison.Ordinal);
        var returnedProfile = await Html.ParseAsync(await inspector.GetAsync($"/self-evaluations/{id}/profile", TestContext.Current.CancellationToken));
        Assert.Contains("There is no agreement to measure yet", returnedProfile.QuerySelector("main").Text(), StringComparison.Ordinal);
        var refusedDecision = await Html.ParseAsync(await DecideAsync(inspector, id, qis["6.1"], agrees: true));
        Assert.Contains("can be done only once the council submits it", refusedDecision.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);

        await AgreeAsync(lead, id, qis["6.2"], 2);
        await lead.PostFormAsync($"/self-evaluations/{id}/submit");
        var qiPage = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["6.2"]}", TestContext.Current.CancellationToken));
        Assert.Contains("Made on submission 1, which was returned: validated grade 2: Weak (the council's grade was then 3). Reasons: Supervision records are patchy.", qiPage.QuerySelector("#decision ~ .ds_inset-text").Text(), StringComparison.Ordinal);
        Assert.Contains("The link inspector's decision shows here once they validate the self-evaluation.", qiPage.Body.Text(), StringComparison.Ordinal);
        var early = await Html.ParseAsync(await ValidateAsync(inspector, id));
        Assert.Equal("Record a decision on every quality indicator before validating: 6.1, 6.2 have none for this submission", early.QuerySelector(".ds_error-summary a").Text());

        // 3.1's grade is unchanged, so its decision carries forward; 3.2's changed, so it is decided afresh.
        var carried = await inspector.PostFormAsync($"/self-evaluations/{id}/validation?handler=CarryForward");
        Assert.Equal("1 earlier decision has been recorded again for this submission", (await Html.ParseAsync(carried)).QuerySelector(".ds_notification-panel__title").Text());
        var decisions = await factory.QueryAsync(db => db.ValidationDecisions.Where(d => d.QiEvaluationId == qis["6.1"] || d.QiEvaluationId == qis["6.2"])
            .OrderBy(d => d.Submission).Select(d => new { d.QiEvaluationId, d.Submission, d.Grade }).ToListAsync());
        Assert.Equal([(qis["6.1"], 1, 4), (qis["6.2"], 1, 2), (qis["6.1"], 2, 4)], decisions.Select(d => (d.QiEvaluationId, d.Submission, d.Grade)).OrderBy(d => d.Submission).ThenByDescending(d => d.Grade));
    }

    [Fact]
    public async Task Decide_ADifferentGrade_NeedsAnotherLevelAndReasons()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Decision rules");
        var qis = await SubmitAsync(factory, lead, id, ("4.1", 4));
        var inspector = await AsAsync(factory, Inspector);

        var nothing = await Html.ParseAsync(await inspector.PostFormAsync($"/self-evaluations/{id}/qis/{qis["4.1"]}?handler=Decide"));
        var same = await Html.ParseAsync(await DecideAsync(inspector, id, qis["4.1"], agrees: false, grade: 4));
        var offScale = await Html.ParseAsync(await DecideAsync(inspector, id, qis["4.1"], agrees: false, grade: 9, reasons: "R"));

        Assert.Equal(["Choose whether you agree with the council's grade"], nothing.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(["Choose a grade different from the council's grade of 4, or choose that you agree with it", "Enter your reasons for a different grade"],
            same.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal(["Choose the grade you validate"], offScale.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.False(await factory.QueryAsync(db => db.ValidationDecisions.AnyAsync(d => d.QiEvaluationId == qis["4.1"])));
    }

    [Fact]
    public async Task Validate_ThenPublish_AViewerReadsTheResultButNotTheWorking()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Published test");
        var qis = await SubmitAsync(factory, lead, id, ("5.1", 4), ("5.2", 5));
        var inspector = await AsAsync(factory, Inspector);
        await inspector.PostFormAsync($"/self-evaluations/{id}/qis/{qis["5.1"]}?handler=Comment", ("Comment.Kind", "Support"), ("Comment.Text", "Strong evidence from audits."));
        await DecideAsync(inspector, id, qis["5.1"], agrees: true);
        await DecideAsync(inspector, id, qis["5.2"], agrees: false, grade: 4, reasons: "Too few cases seen alone.");
        var noSummary = await Html.ParseAsync(await inspector.PostFormAsync($"/self-evaluations/{id}/validate"));
        Assert.Equal(["Write the strengths of the self-evaluation in the validation summary before validating", "Write what to improve in how the self-evaluation was done before validating"],
            noSummary.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        var viewer = await AsAsync(factory, "viewer.glasgow@pif.example");

        // Until the inspector validates, their decisions are their working: the council does not read them yet.
        var provisional = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}", TestContext.Current.CancellationToken));
        Assert.Contains("The link inspector's decision shows here once they validate the self-evaluation.", provisional.QuerySelector("#decision ~ p").Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Too few cases seen alone.", provisional.Body.Text(), StringComparison.Ordinal);
        using (var early = JsonDocument.Parse(await lead.GetStringAsync($"/api/v1/self-evaluations/{id}", TestContext.Current.CancellationToken)))
        {
            Assert.Equal(0, early.RootElement.GetProperty("qualityIndicators")[1].GetProperty("decisions").GetArrayLength());
            Assert.Null(early.RootElement.GetProperty("agreement").GetProperty("exactRate").GetString());
        }

        await ValidateAsync(inspector, id);
        var hidden = await viewer.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken);
        var leadAfter = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{id}/publish"));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("The self-evaluation has been published to your council's viewers", leadAfter.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(SelfEvaluationState.Published, await StateAsync(id));
        var overview = await Html.ParseAsync(await viewer.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        Assert.Contains("5.2 Assessing need and risk: from 5 (Very good) to 4 (Good)", overview.Body.Text().Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Honest grades, well evidenced.", overview.Body.Text(), StringComparison.Ordinal);
        var qi = await Html.ParseAsync(await viewer.GetAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}", TestContext.Current.CancellationToken));
        Assert.Contains("Too few cases seen alone.", qi.QuerySelector("#decision + .ds_summary-list").Text(), StringComparison.Ordinal);
        Assert.Null(qi.QuerySelector("#thread"));
        Assert.Null(qi.QuerySelector("#history-heading"));
        var profile = await Html.ParseAsync(await viewer.GetAsync($"/self-evaluations/{id}/profile", TestContext.Current.CancellationToken));
        Assert.Contains("Exact agreement50%: the same grade on 1 of 2 quality indicators", profile.QuerySelector(".ds_summary-list").Text(), StringComparison.Ordinal);
        Assert.Contains("Too few to compute kappa", profile.QuerySelector(".ds_summary-list").Text(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await viewer.GetStringAsync($"/api/v1/self-evaluations/{id}", TestContext.Current.CancellationToken));
        var first = json.RootElement.GetProperty("qualityIndicators")[0];
        Assert.Equal(0, first.GetProperty("comments").GetArrayLength());
        Assert.Equal(0, first.GetProperty("contributions").GetArrayLength());
        Assert.Equal(["5.2"], json.RootElement.GetProperty("validationSummary").GetProperty("changedGrades").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0.5, json.RootElement.GetProperty("agreement").GetProperty("exactRate").GetDouble());
        Assert.Equal("TooFew", json.RootElement.GetProperty("agreement").GetProperty("kappaUnavailable").GetString());
        using var working = JsonDocument.Parse(await inspector.GetStringAsync($"/api/v1/self-evaluations/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("Strong evidence from audits.", working.RootElement.GetProperty("qualityIndicators")[0].GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Equal(4, working.RootElement.GetProperty("qualityIndicators")[1].GetProperty("decisions")[0].GetProperty("grade").GetInt32());
    }

    [Fact]
    public async Task Profile_TheWorkedExample_ShowsSixtyPercentAndKappa()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Kappa test");
        (string Code, int Self, int Validated)[] grades = [("1.1", 4, 4), ("1.2", 5, 4), ("2.1", 3, 3), ("2.2", 4, 4), ("3.1", 2, 3), ("4.1", 5, 5), ("5.1", 4, 3), ("5.2", 3, 3), ("5.3", 6, 5), ("5.4", 4, 4)];
        var qis = await SubmitAsync(factory, lead, id, grades.Select(g => (g.Code, g.Self)).ToArray());
        var inspector = await AsAsync(factory, Inspector);
        foreach (var (code, self, validated) in grades)
        {
            await DecideAsync(inspector, id, qis[code], self == validated, self == validated ? null : validated, "The evidence points elsewhere.");
        }

        var profile = await Html.ParseAsync(await inspector.GetAsync($"/self-evaluations/{id}/profile", TestContext.Current.CancellationToken));
        var chart = await inspector.GetAsync($"/self-evaluations/{id}/profile?handler=Chart", TestContext.Current.CancellationToken);

        Assert.Equal("Exact agreement60%: the same grade on 6 of 10 quality indicators Weighted kappa 0.62 (substantial agreement)", profile.QuerySelector(".ds_summary-list").Text());
        Assert.Contains("weighted agreement is 0.920 against 0.792 expected by chance", profile.QuerySelector(".ds_details__text").Text(), StringComparison.Ordinal);
        Assert.Equal("The council's agreed grades for 10 quality indicators run from 2 to 6; the link inspector agreed 6 of 10 and lowered 3 and raised 1.",
            profile.QuerySelector("#profile-summary").Text());
        Assert.Equal(10, profile.QuerySelectorAll("table tbody tr").Length);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        var svg = await chart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "pif-profile.svg"), svg);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ComparesWithThePreviousPublishedSelfEvaluation_ByQiCode()
    {
        var lead = await AsAsync(factory, Lead);
        var inspector = await AsAsync(factory, Inspector);
        var previous = await StartAsync(factory, "Previous year", year: 2030);
        var before = await SubmitAsync(factory, lead, previous, ("7.1", 3), ("7.2", 4), ("8.1", 5));
        await DecideAsync(inspector, previous, before["7.1"], agrees: true);
        await DecideAsync(inspector, previous, before["7.2"], agrees: true);
        await DecideAsync(inspector, previous, before["8.1"], agrees: false, grade: 4, reasons: "Commissioning plans are out of date.");
        await ValidateAsync(inspector, previous);
        await lead.PostFormAsync($"/self-evaluations/{previous}/publish");
        var id = await StartAsync(factory, "This year", year: 2031);
        await SubmitAsync(factory, lead, id, ("7.1", 4), ("7.2", 4), ("8.1", 3), ("8.2", 4));

        var profile = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/profile", TestContext.Current.CancellationToken));

        Assert.Contains("Previous year (1 April 2030 to 31 March 2031)", profile.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal([("7.1", "3: Adequate", "Up"), ("7.2", "4: Good", "Same"), ("8.1", "4: Good", "Down"), ("8.2", "Not graded", "New")],
            profile.QuerySelectorAll("table tbody tr").Select(r => (r.QuerySelector("th").Text().Split(' ')[0], r.Children[3].Text(), r.Children[4].Text())));
    }

    [Fact]
    public async Task OnlyTheInspectorAssignedNow_ReadsAndActs_AndOthersMayNotValidate()
    {
        await using var fresh = new PifWebFactory();
        var lead = await AsAsync(fresh, Lead);
        var id = await StartAsync(fresh, "Reassigned");
        var qis = await SubmitAsync(fresh, lead, id, ("9.1", 4));
        var inspector = await AsAsync(fresh, Inspector);
        var qiPath = $"/self-evaluations/{id}/qis/{qis["9.1"]}";
        var token = await inspector.GetFormTokenAsync(qiPath);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/self-evaluations/{id}/validation", TestContext.Current.CancellationToken)).StatusCode);
        var leadToken = await lead.GetFormTokenAsync(qiPath);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsync(qiPath + "?handler=Decide", Form(leadToken, ("Decision.Agrees", "true")), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsync($"/self-evaluations/{id}?handler=Return", Form(leadToken, ("Reason", "Mine")), TestContext.Current.CancellationToken)).StatusCode);

        // The national administrator makes someone else Glasgow's link inspector: the demo inspector keeps Fife only.
        var admin = await AsAsync(fresh, "national.admin@pif.example");
        var ci = await fresh.QueryAsync(db => db.Organisations.Where(o => o.Code == "CI").Select(o => o.Id).SingleAsync());
        await admin.PostFormAsync("/users/add", ("Input.DisplayName", "Second Inspector"), ("Input.Email", "second.inspector@pif.example"), ("Input.OrganisationId", ci.ToString()), ("Input.Roles", "LinkInspector"));
        var second = await fresh.QueryAsync(db => db.Users.Where(u => u.Email == "second.inspector@pif.example").Select(u => u.Id).SingleAsync());
        var glasgow = await fresh.QueryAsync(db => db.Organisations.Where(o => o.Name == "Glasgow City").Select(o => o.Id).SingleAsync());
        await admin.PostFormAsync("/assignments?handler=Assign", ("Input.InspectorId", second.ToString()), ("Input.CouncilId", glasgow.ToString()));

        foreach (var path in new[] { $"/self-evaluations/{id}", qiPath, $"/self-evaluations/{id}/validation", $"/self-evaluations/{id}/profile", $"/self-evaluations/{id}/profile?handler=Chart", $"/api/v1/self-evaluations/{id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await inspector.PostAsync(qiPath + "?handler=Comment", Form(token, ("Comment.Kind", "Challenge"), ("Comment.Text", "Late")), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.PostAsync(qiPath + "?handler=Decide", Form(token, ("Decision.Agrees", "true")), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.PostAsync($"/self-evaluations/{id}?handler=Return", Form(token, ("Reason", "Late")), TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await fresh.QueryAsync(db => db.QiComments.AnyAsync()));
        Assert.False(await fresh.QueryAsync(db => db.ValidationDecisions.AnyAsync()));
        Assert.Equal(SelfEvaluationState.Submitted, await fresh.QueryAsync(db => db.SelfEvaluations.Where(s => s.Id == id).Select(s => s.State).SingleAsync()));
    }

    private Task<SelfEvaluationState> StateAsync(Guid id) => factory.QueryAsync(db => db.SelfEvaluations.Where(s => s.Id == id).Select(s => s.State).SingleAsync());

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
