using System.Net;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.SelfEvaluations;
using static Pif.Testing.EvaluationSteps;

namespace Pif.Tests.SelfEvaluations;

/// <summary>Start, scope, assign, contribute, moderate and submit, with the rules of DOMAIN.md section 5.</summary>
public sealed class SelfEvaluationWorkflowTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    [Fact]
    public async Task Start_WithNothingEntered_SaysWhatToFixInFormOrder()
    {
        var lead = await AsAsync(factory, Lead);

        var page = await Html.ParseAsync(await lead.PostFormAsync("/self-evaluations/start", ("Form.Title", ""), ("Form.PeriodStart", ""), ("Form.PeriodEnd", ""), ("Form.DueDate", "")));

        Assert.Equal(["Enter a title, such as Self-evaluation 2026 to 2027", "Choose the framework to evaluate against", "Choose at least one service area",
            "Enter the date the period starts", "Enter the date the period ends", "Enter the date the self-evaluation is due"],
            page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
    }

    [Fact]
    public async Task Start_WithADueDateBeforeThePeriodStarts_IsRefused_InThePageAndTheService()
    {
        var lead = await AsAsync(factory, Lead);

        var page = await Html.ParseAsync(await lead.PostFormAsync("/self-evaluations/start", ("Form.Title", "Early"), ("Form.PeriodStart", "2026-04-01"), ("Form.PeriodEnd", "2027-03-31"), ("Form.DueDate", "2026-03-31")));
        var service = await Assert.ThrowsAsync<InvalidOperationException>(() => TestData.StartSelfEvaluationAsync(factory, Lead, "Early", dueDate: new DateOnly(2026, 3, 31)));

        Assert.Contains("The self-evaluation must be due on or after the day its period starts", page.QuerySelectorAll(".ds_error-summary a").Select(a => a.Text()));
        Assert.Equal("#Form_DueDate", page.QuerySelectorAll(".ds_error-summary a").Single(a => a.Text().StartsWith("The self-evaluation must be due", StringComparison.Ordinal)).GetAttribute("href"));
        Assert.Contains("The self-evaluation must be due on or after the day its period starts", service.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_AndList_FlagASelfEvaluationPastItsDueDate_UntilItIsSubmitted()
    {
        var lead = await AsAsync(factory, Lead);
        var late = await StartAsync(factory, "Late self-evaluation", 2024);
        var onTime = await StartAsync(factory, "On-time self-evaluation", 2026);

        var overview = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{late}", TestContext.Current.CancellationToken));
        var current = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{onTime}", TestContext.Current.CancellationToken));
        var list = await Html.ParseAsync(await lead.GetAsync("/self-evaluations", TestContext.Current.CancellationToken));

        Assert.Equal("30 June 2025 Overdue", overview.QuerySelectorAll(".ds_summary-list__item").Single(i => i.QuerySelector("dt").Text() == "Due").QuerySelector("dd").Text());
        Assert.Empty(current.QuerySelectorAll(".ds_summary-list__item .ds_tag--red"));
        Assert.Equal("30 June 2025 Overdue", list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th").Text().StartsWith("Late self-evaluation", StringComparison.Ordinal)).QuerySelectorAll("td")[2].Text());
        Assert.Equal("30 June 2027", list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th").Text().StartsWith("On-time self-evaluation", StringComparison.Ordinal)).QuerySelectorAll("td")[2].Text());
    }

    [Fact]
    public async Task Start_OnAGoodPracticeGuide_EvaluatesItsAspectsAsQualityIndicators()
    {
        var lead = await AsAsync(factory, Lead);
        var form = await Html.ParseAsync(await lead.GetAsync("/self-evaluations/start", TestContext.Current.CancellationToken));
        var choices = form.QuerySelectorAll("input[name='Form.FrameworkVersionId']").Select(i => (Value: i.GetAttribute("value")!, Label: form.QuerySelector($"label[for='{i.Id}']").Text())).ToList();
        var guide = choices.Single(c => c.Label.StartsWith("Leadership: a good-practice self-evaluation guide, version 1", StringComparison.Ordinal));

        var started = await lead.PostFormAsync("/self-evaluations/start", ("Form.Title", "Leadership guide 2026"), ("Form.FrameworkVersionId", guide.Value), ("Form.Areas", "AdultServices"),
            ("Form.PeriodStart", "2026-04-01"), ("Form.PeriodEnd", "2027-03-31"), ("Form.DueDate", "2027-06-30"));
        var id = Guid.Parse(started.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        var aspects = await factory.QueryAsync(db => db.QualityIndicators.Where(q => q.VersionId == Guid.Parse(guide.Value)).OrderBy(q => q.Code).Select(q => q.Code).ToListAsync());

        Assert.StartsWith("Performance Improvement Framework, version 1 (25 quality indicators)", choices[0].Label, StringComparison.Ordinal);
        Assert.EndsWith("aspects)", guide.Label, StringComparison.Ordinal);
        Assert.NotEmpty(aspects);
        Assert.Equal(aspects, (await QiEvaluationsAsync(factory, id)).Keys.Order());
        Assert.Equal(SelfEvaluationState.Draft, await StateAsync(id));
    }

    [Fact]
    public async Task Start_ByAnyoneButAnEvaluationLead_Returns403()
    {
        var contributor = await AsAsync(factory, Contributor1);

        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync("/self-evaluations/start", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Lifecycle_DraftToSubmitted_EnforcesEachTransitionsConditions()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        Assert.Equal(25, (await QiEvaluationsAsync(factory, id)).Count);

        var early = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{id}?handler=Begin"));
        Assert.StartsWith("Assign every quality indicator to a contributor before starting: 1.1, 1.2", early.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);

        var qis = await PrepareAsync(factory, id, "5.2", "7.2", "9.2");
        Assert.Equal(["5.2", "7.2", "9.2"], qis.Keys.Order());
        Assert.Equal(SelfEvaluationState.InProgress, await StateAsync(id));

        var one = await AsAsync(factory, Contributor1);
        var two = await AsAsync(factory, Contributor2);
        await ContributeAsync(one, id, qis["5.2"], 5);
        await ContributeAsync(two, id, qis["5.2"], 3);
        var refused = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{id}/submit"));
        Assert.StartsWith("Agree a grade for every quality indicator before submitting: 5.2, 7.2, 9.2", refused.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);

        var agree = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}/agree", TestContext.Current.CancellationToken));
        Assert.Contains("The proposed grades differ by 2 levels, from 3 to 5", agree.QuerySelector(".ds_warning-text").Text(), StringComparison.Ordinal);
        var contribution = await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["5.2"] && r.Kind == RecordKind.Contribution && r.Grade == 5).Select(r => r.Id).SingleAsync());
        await lead.PostFormAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}/agree?handler=StartFrom", ("contributionId", contribution.ToString()));
        Assert.Equal(["Timely reviews"], await factory.QueryAsync(db => db.RecordItems.Where(i => db.EvaluationRecords.Any(r => r.Id == i.RecordId && r.QiEvaluationId == qis["5.2"] && r.Kind == RecordKind.Agreed)).Select(i => i.Text).ToListAsync()));
        Assert.Null(await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["5.2"] && r.Kind == RecordKind.Agreed).Select(r => r.Grade).SingleAsync()));
        foreach (var (code, grade) in new[] { ("5.2", 4), ("7.2", 3), ("9.2", 5) })
        {
            await AgreeAsync(lead, id, qis[code], grade);
        }

        var submitted = await lead.PostFormAsync($"/self-evaluations/{id}/submit");

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(SelfEvaluationState.Submitted, await StateAsync(id));
        var after = await Html.ParseAsync(await ContributeAsync(one, id, qis["7.2"], 6));
        Assert.Contains("evaluations can be written only while it is in progress", after.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/self-evaluations/{id}/scope", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/self-evaluations/{id}/assignments", TestContext.Current.CancellationToken)).StatusCode);
        var agreedAfter = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{id}/qis/{qis["5.2"]}/agree", ("Form.HowAreWeDoing", "Changed after submission"), ("Form.Grade", "6"), ("Form.GradeReason", "R")));
        Assert.Contains("evaluations can be written only while it is in progress", agreedAfter.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(4, await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["5.2"] && r.Kind == RecordKind.Agreed).Select(r => r.Grade).SingleAsync()));
    }

    [Fact]
    public async Task Submit_GoesThroughACheckThatSaysWhatWillHappen_AndChangesNothingUntilConfirmed()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "5.2", "7.2");
        await AgreeAsync(lead, id, qis["5.2"], 4);

        var overview = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}", TestContext.Current.CancellationToken));
        var check = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/submit", TestContext.Current.CancellationToken));
        var publish = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/publish", TestContext.Current.CancellationToken));
        var contributor = await (await AsAsync(factory, Contributor1)).GetAsync($"/self-evaluations/{id}/submit", TestContext.Current.CancellationToken);

        Assert.Equal($"/self-evaluations/{id}/submit", overview.QuerySelectorAll("main a").Single(a => a.Text() == "Submit to the link inspector").GetAttribute("href"));
        Assert.Equal("Check before you submit", check.QuerySelector("h1").Text());
        Assert.Contains("the contributions and the agreed records and grades are locked", check.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.StartsWith("Warning No grade has been agreed yet for 7.2", check.QuerySelector(".ds_warning-text").Text(), StringComparison.Ordinal);
        Assert.Equal(["5.2 Assessing need and risk | 4: Good", "7.2 Supervision, training and professional development | None"],
            check.QuerySelectorAll("main tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.Text()))));
        Assert.Single(check.QuerySelectorAll("main form button"), b => b.Text() == "Confirm and submit");
        Assert.Equal("This self-evaluation is in progress, so there is nothing to publish now.", publish.QuerySelector("main p").Text());
        Assert.Empty(publish.QuerySelectorAll("main form"));
        Assert.Equal(HttpStatusCode.Forbidden, contributor.StatusCode);
        Assert.Equal(SelfEvaluationState.InProgress, await StateAsync(id));
    }

    [Fact]
    public async Task Scope_AQiSomeoneWroteOn_StaysInScope()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "1.1", "1.2");
        await ContributeAsync(await AsAsync(factory, Contributor1), id, qis["1.1"], 4, complete: false);
        var keep = await factory.QueryAsync(db => db.QiEvaluations.Where(q => q.Id == qis["1.2"]).Select(q => q.QualityIndicatorId).SingleAsync());

        var page = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{id}/scope", ("Qis", keep.ToString())));

        Assert.Equal("Someone has written on 1.1, so it stays in scope: keep it ticked", page.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal(2, (await QiEvaluationsAsync(factory, id)).Count);
    }

    [Fact]
    public async Task Scope_AllOfThisGroup_ShowsWhetherItsQisAreTicked_AndTickingOrUntickingItMovesTheWholeGroup()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var path = $"/self-evaluations/{id}/scope";
        var shown = await Html.ParseAsync(await lead.GetAsync(path, TestContext.Current.CancellationToken));
        var groups = shown.QuerySelectorAll(".pif-scope-group").Select(g => (Id: g.QuerySelector("input[name='Groups']")!.GetAttribute("value")!,
            Ticked: g.QuerySelector("input[name='Groups']")!.HasAttribute("checked"), Qis: g.QuerySelectorAll("input[name='Qis']").Select(q => q.GetAttribute("value")!).ToList())).ToList();
        var first = groups[0];
        (string, string)[] Form(IEnumerable<string> qis, IEnumerable<string> ticked, IEnumerable<string> shownWhole) =>
            [.. qis.Select(q => ("Qis", q)), .. ticked.Select(g => ("Groups", g)), .. shownWhole.Select(g => ("GroupsShownWhole", g))];

        // Every QI is in scope at the start, so every group's box is ticked; the lead unticks the first group's box alone.
        await lead.PostFormAsync(path, Form(groups.SelectMany(g => g.Qis), groups.Skip(1).Select(g => g.Id), groups.Select(g => g.Id)));
        var narrowed = await QiEvaluationsAsync(factory, id);
        var again = await Html.ParseAsync(await lead.GetAsync(path, TestContext.Current.CancellationToken));
        // Then ticks it again, with its QIs still unticked.
        await lead.PostFormAsync(path, Form(groups.Skip(1).SelectMany(g => g.Qis), groups.Select(g => g.Id), groups.Skip(1).Select(g => g.Id)));

        Assert.All(groups, g => Assert.True(g.Ticked));
        Assert.Equal(25 - first.Qis.Count, narrowed.Count);
        Assert.False(again.QuerySelector($"#group-{first.Id}")!.HasAttribute("checked"));
        Assert.Null(again.QuerySelector($"input[name='GroupsShownWhole'][value='{first.Id}']"));
        Assert.Equal(25, (await QiEvaluationsAsync(factory, id)).Count);
    }

    [Fact]
    public async Task Scope_SelectAllAndClearAll_ChangeTheBoxes_AndSaveNothingUntilTheScopeIsSaved()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "1.1", "1.2");
        await ContributeAsync(await AsAsync(factory, Contributor1), id, qis["1.1"], 4, complete: false);
        var path = $"/self-evaluations/{id}/scope";

        var all = await Html.ParseAsync(await lead.PostFormAsync($"{path}?handler=Select", ("to", "all")));
        var none = await Html.ParseAsync(await lead.PostFormAsync($"{path}?handler=Select", ("to", "none")));

        Assert.Equal(25, all.QuerySelectorAll("input[name='Qis'][checked]").Length);
        Assert.All(all.QuerySelectorAll("input[name='Groups']"), g => Assert.True(g.HasAttribute("checked")));
        Assert.Equal(["1.1 "], none.QuerySelectorAll("input[name='Qis'][checked]").Select(q => q.ParentElement!.QuerySelector("label")!.Text()[..4]));
        Assert.StartsWith("Every quality indicator is cleared, except those someone has written on", none.QuerySelector("[role='status']").Text(), StringComparison.Ordinal);
        Assert.Equal(2, (await QiEvaluationsAsync(factory, id)).Count);
    }

    [Fact]
    public async Task Contribution_MoveAndRemoveButtons_SaveTheWholeFormWithTheChange()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "2.1");
        var one = await AsAsync(factory, Contributor1);
        var path = $"/self-evaluations/{id}/qis/{qis["2.1"]}";
        await ContributeAsync(one, id, qis["2.1"], 4, complete: false);
        await one.PostFormAsync(path, ("Form.NewStrength", "Second strength"), ("Form.Strengths[0].Id", await ItemIdAsync(qis["2.1"], "Timely reviews")), ("Form.Strengths[0].Text", "Timely reviews"),
            ("Form.Stamp", await StampAsync(qis["2.1"])));

        await one.PostFormAsync(path, ("Form.HowAreWeDoing", "Typed before moving"), ("Form.Strengths[0].Id", await ItemIdAsync(qis["2.1"], "Timely reviews")), ("Form.Strengths[0].Text", "Timely reviews"),
            ("Form.Strengths[1].Id", await ItemIdAsync(qis["2.1"], "Second strength")), ("Form.Strengths[1].Text", "Second strength"), ("Form.Move", "strengths:1:up"), ("Form.Stamp", await StampAsync(qis["2.1"])));
        var moved = await ItemsAsync(qis["2.1"]);
        await one.PostFormAsync(path, ("Form.HowAreWeDoing", "Typed before moving"), ("Form.Strengths[0].Id", await ItemIdAsync(qis["2.1"], "Second strength")), ("Form.Strengths[0].Text", "Second strength"),
            ("Form.Strengths[1].Id", await ItemIdAsync(qis["2.1"], "Timely reviews")), ("Form.Strengths[1].Text", "Timely reviews"), ("Form.Remove", "strengths:1"), ("Form.Stamp", await StampAsync(qis["2.1"])));

        Assert.Equal(["Second strength", "Timely reviews"], moved);
        Assert.Equal(["Second strength"], await ItemsAsync(qis["2.1"]));
        Assert.Equal("Typed before moving", await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["2.1"]).Select(r => r.HowAreWeDoing).SingleAsync()));
    }

    [Fact]
    public async Task AgreedRecord_SavedByTwoPeopleFromTheSameStartingPoint_KeepsTheFirstAndShowsItToTheSecond()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "6.4");
        await AgreeAsync(lead, id, qis["6.4"], 3, "First version");
        var path = $"/self-evaluations/{id}/qis/{qis["6.4"]}/agree";
        var stamp = (await Html.ParseAsync(await lead.GetAsync(path, TestContext.Current.CancellationToken))).QuerySelector("input[name='Form.Stamp']")!.GetAttribute("value")!;
        var otherWindow = await AsAsync(factory, Lead);

        await otherWindow.PostFormAsync(path, ("Form.HowAreWeDoing", "Saved in the other window"), ("Form.Grade", "4"), ("Form.GradeReason", "Reason"), ("Form.Stamp", stamp));
        var second = await Html.ParseAsync(await lead.PostFormAsync(path, ("Form.HowAreWeDoing", "Saved second"), ("Form.Grade", "2"), ("Form.GradeReason", "Reason"), ("Form.Stamp", stamp)));

        Assert.StartsWith("Someone else saved the agreed record after you opened this page", second.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);
        Assert.Contains("Saved in the other window", second.QuerySelector(".ds_inset-text").Text(), StringComparison.Ordinal);
        Assert.Equal("Saved second", second.QuerySelector("#Form_HowAreWeDoing").Text());
        Assert.Equal(("Saved in the other window", 4), await factory.QueryAsync(async db => await db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["6.4"] && r.Kind == RecordKind.Agreed)
            .Select(r => new ValueTuple<string?, int?>(r.HowAreWeDoing, r.Grade)).SingleAsync()));
    }

    [Fact]
    public async Task AgreedRecord_SavedEmpty_IsRefused_AndStartingItFromAContributionStaysOffered()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "8.1");
        await ContributeAsync(await AsAsync(factory, Contributor1), id, qis["8.1"], 4);
        var path = $"/self-evaluations/{id}/qis/{qis["8.1"]}/agree";

        var refused = await Html.ParseAsync(await lead.PostFormAsync(path, ("Form.HowAreWeDoing", "  "), ("Form.NewStrength", ""), ("Form.Grade", ""), ("Form.GradeReason", ""), ("Form.Stamp", "")));

        Assert.Equal("Write at least one answer, strength or area for improvement, or start the agreed record from a contribution", refused.QuerySelector(".ds_error-summary a").Text());
        Assert.False(await factory.QueryAsync(db => db.EvaluationRecords.AnyAsync(r => r.QiEvaluationId == qis["8.1"] && r.Kind == RecordKind.Agreed)));
        Assert.Single(refused.QuerySelectorAll("form button"), b => b.Text().StartsWith("Start the agreed record from this", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AgreedRecord_SavedEmptyBeforeThatWasRefused_ReadsAsNotStarted_AndCanBeStartedFromAContribution()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "8.2");
        await ContributeAsync(await AsAsync(factory, Contributor1), id, qis["8.2"], 4);
        await factory.QueryAsync(async db =>
        {
            db.EvaluationRecords.Add(new EvaluationRecord { QiEvaluationId = qis["8.2"], Kind = RecordKind.Agreed });
            return await db.SaveChangesAsync();
        });
        var path = $"/self-evaluations/{id}/qis/{qis["8.2"]}/agree";
        var page = await Html.ParseAsync(await lead.GetAsync(path, TestContext.Current.CancellationToken));
        var contribution = await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["8.2"] && r.Kind == RecordKind.Contribution).Select(r => r.Id).SingleAsync());

        await lead.PostFormAsync($"{path}?handler=StartFrom", ("contributionId", contribution.ToString()));

        Assert.Single(page.QuerySelectorAll("form button"), b => b.Text().StartsWith("Start the agreed record from this", StringComparison.Ordinal));
        Assert.Equal("We are doing well", await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == qis["8.2"] && r.Kind == RecordKind.Agreed).Select(r => r.HowAreWeDoing).SingleAsync()));
    }

    [Fact]
    public async Task QiPage_History_ShowsWhoChangedWhat()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "3.1");
        var one = await AsAsync(factory, Contributor1);
        await ContributeAsync(one, id, qis["3.1"], 4, complete: false);
        await one.PostFormAsync($"/self-evaluations/{id}/qis/{qis["3.1"]}", ("Form.HowAreWeDoing", "We are doing well"), ("Form.Grade", "5"), ("Form.Stamp", await StampAsync(qis["3.1"])),
            ("Form.Strengths[0].Id", await ItemIdAsync(qis["3.1"], "Timely reviews")), ("Form.Strengths[0].Text", "Timely reviews"));
        await AgreeAsync(lead, id, qis["3.1"], 5);

        var page = await Html.ParseAsync(await lead.GetAsync($"/self-evaluations/{id}/qis/{qis["3.1"]}", TestContext.Current.CancellationToken));
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Skip(1).Select(c => c.Text()).ToList()).ToList();

        Assert.Equal(["Demo evaluation lead, Glasgow City", "Saved the agreed record"], rows[0].Take(2));
        Assert.Equal(["Demo contributor 1, Glasgow City", "Saved their contribution"], rows[1].Take(2));
        Assert.Contains("grade (4 to 5)", rows[1][2], StringComparison.Ordinal);
        Assert.Equal(["Changed the state of the self-evaluation", "Draft to In progress"], rows[3].Skip(1));
        Assert.Equal(["Changed who writes on this quality indicator", "added Demo contributor 1, Glasgow City, Demo contributor 2, Glasgow City"], rows[4].Skip(1));
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public async Task QiRoutes_WithAQiOrContributionOfAnotherSelfEvaluation_Return404()
    {
        var lead = await AsAsync(factory, Lead);
        var first = await StartAsync(factory, "First");
        var second = await StartAsync(factory, "Second");
        var firstQis = await PrepareAsync(factory, first, "8.1");
        var secondQis = await PrepareAsync(factory, second, "8.1");
        await ContributeAsync(await AsAsync(factory, Contributor1), second, secondQis["8.1"], 4);
        var foreign = await factory.QueryAsync(db => db.EvaluationRecords.Where(r => r.QiEvaluationId == secondQis["8.1"]).Select(r => r.Id).SingleAsync());
        var token = await lead.GetFormTokenAsync($"/self-evaluations/{first}");

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/self-evaluations/{first}/qis/{secondQis["8.1"]}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/self-evaluations/{first}/qis/{secondQis["8.1"]}/agree", TestContext.Current.CancellationToken)).StatusCode);
        var startFrom = await lead.PostAsync($"/self-evaluations/{first}/qis/{firstQis["8.1"]}/agree?handler=StartFrom",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["contributionId"] = foreign.ToString(), ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, startFrom.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.EvaluationRecords.AnyAsync(r => r.QiEvaluationId == firstQis["8.1"])));
    }

    [Fact]
    public async Task Contribution_ItemIdsPostedUnderTheWrongListOrTwice_NeverGarbleAnotherItem()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var qis = await PrepareAsync(factory, id, "2.2");
        var one = await AsAsync(factory, Contributor1);
        await ContributeAsync(one, id, qis["2.2"], 4, complete: false);
        var strength = await ItemIdAsync(qis["2.2"], "Timely reviews");

        await one.PostFormAsync($"/self-evaluations/{id}/qis/{qis["2.2"]}", ("Form.Strengths[0].Id", strength), ("Form.Strengths[0].Text", "Timely reviews"),
            ("Form.Strengths[1].Id", strength), ("Form.Strengths[1].Text", "A copy"), ("Form.Areas[0].Id", strength), ("Form.Areas[0].Text", "An area"), ("Form.Stamp", await StampAsync(qis["2.2"])));

        var items = (await factory.QueryAsync(db => db.RecordItems.Where(i => db.EvaluationRecords.Any(r => r.Id == i.RecordId && r.QiEvaluationId == qis["2.2"]))
            .Select(i => new { i.Id, i.Kind, i.Position, i.Text }).ToListAsync())).OrderBy(i => (int)i.Kind).ThenBy(i => i.Position).ToList();
        Assert.Equal([(ItemKind.Strength, "Timely reviews"), (ItemKind.Strength, "A copy"), (ItemKind.AreaForImprovement, "An area")], items.Select(i => (i.Kind, i.Text)));
        Assert.Equal(strength, items[0].Id.ToString());
        Assert.Equal(3, items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task OrganisationAdministrator_ReassignsTheLead_WhoThenLeads()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory);
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");
        var other = await factory.QueryAsync(db => db.Users.Where(u => u.Email == "admin.glasgow@pif.example").Select(u => u.Id).SingleAsync());

        var notALead = await Html.ParseAsync(await admin.PostFormAsync($"/self-evaluations/{id}?handler=Reassign", ("leadUserId", other.ToString())));
        var byLead = await lead.PostFormAsync($"/self-evaluations/{id}?handler=Reassign", ("leadUserId", other.ToString()));

        Assert.Equal("Choose an evaluation lead of the council", notALead.QuerySelector(".ds_error-summary a").Text());
        Assert.Equal(HttpStatusCode.Forbidden, byLead.StatusCode);
    }

    [Fact]
    public async Task Draft_CanBeDeletedByItsLead_AndNothingLaterCan()
    {
        var lead = await AsAsync(factory, Lead);
        var draft = await StartAsync(factory);
        var started = await StartAsync(factory);
        await PrepareAsync(factory, started, "4.1");

        await lead.PostFormAsync($"/self-evaluations/{draft}?handler=Delete");
        var refused = await Html.ParseAsync(await lead.PostFormAsync($"/self-evaluations/{started}?handler=Delete"));

        Assert.False(await factory.QueryAsync(db => db.SelfEvaluations.AnyAsync(s => s.Id == draft)));
        Assert.Contains("is in progress, so this cannot be done now", refused.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.SelfEvaluations.AnyAsync(s => s.Id == started)));
    }

    private Task<SelfEvaluationState> StateAsync(Guid id) => factory.QueryAsync(db => db.SelfEvaluations.Where(s => s.Id == id).Select(s => s.State).SingleAsync());

    private Task<string> StampAsync(Guid qi) =>
        factory.QueryAsync(async db => (await db.EvaluationRecords.Where(r => r.QiEvaluationId == qi && r.Kind == RecordKind.Contribution).Select(r => r.ConcurrencyStamp).SingleAsync()).ToString());

    private Task<string> ItemIdAsync(Guid qi, string text) =>
        factory.QueryAsync(async db => (await db.RecordItems.Where(i => i.Text == text && db.EvaluationRecords.Any(r => r.Id == i.RecordId && r.QiEvaluationId == qi))
            .Select(i => i.Id).SingleAsync()).ToString());

    private Task<List<string>> ItemsAsync(Guid qi) =>
        factory.QueryAsync(db => db.RecordItems.Where(i => db.EvaluationRecords.Any(r => r.Id == i.RecordId && r.QiEvaluationId == qi)).OrderBy(i => i.Position).Select(i => i.Text).ToListAsync());
}
