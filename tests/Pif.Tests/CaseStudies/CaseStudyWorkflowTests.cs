using System.Net;
using System.Text;
using Pif.Testing;
using Pif.Tests.PerformanceIndicators;
using Pif.Web.Modules.CaseStudies;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.CaseStudies.CaseStudySteps;

namespace Pif.Tests.CaseStudies;

/// <summary>Case studies through the pages, as a council's lead and a national administrator use them: the review's rules, revisions, and who sees what.</summary>
public sealed class CaseStudyWorkflowTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static (string, string)[] Fields(string title, string? indicators = null, params string[] qis) =>
    [
        ("Form.Title", title), ("Form.Summary", "We cut the wait for assessments."), ("Form.Areas", "ChildrenAndFamilies"), ("Form.Year", "2025"),
        ("Form.Problem", "Assessments took 14 weeks."), ("Form.WhatWasDone", "A single assessor, tested with three families first."),
        ("Form.Results", "The wait fell to 6 weeks."), ("Form.ContactRole", "Team manager"), ("Form.Indicators", indicators ?? ""),
        .. qis.Select(q => ("Form.Qis", q)),
    ];

    private static async Task<Guid> CreateAsync(HttpClient lead, string title, string? indicators = null, params string[] qis)
    {
        var response = await lead.PostFormAsync("/case-studies/new", Fields(title, indicators, qis));
        return Guid.Parse(Done(response).Split('/')[^1]);
    }

    /// <summary>The page a step led to, once it has checked that the step was done: redirected to a page with no problem on it.</summary>
    private static string Done(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Equal(HttpMethod.Get, response.RequestMessage.Method);
        return path;
    }

    /// <summary>Posts a step from the case study's page (the token from the home page: it is the user's, not the page's).</summary>
    private async Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string handler, string? text = null, Guid? stamp = null)
    {
        var token = await client.GetFormTokenAsync("/");
        return await client.PostAsync($"/case-studies/{id}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Stamp"] = (stamp ?? await StampAsync(factory, id)).ToString(),
            ["Text"] = text ?? "",
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task BadInput_IsRefusedOnEachField_AndNothingIsSaved()
    {
        var lead = await AsAsync(factory, FifeLead);
        var before = await factory.QueryAsync(db => Task.FromResult(db.CaseStudies.Count()));

        var empty = await Html.ParseAsync(await lead.PostFormAsync("/case-studies/new", ("Form.Year", "1850"), ("Form.Qis", "PIF|99.9"), ("Form.Indicators", "SW99, NOPE")));
        var tooLong = await Html.ParseAsync(await lead.PostFormAsync("/case-studies/new", [.. Fields(new string('x', 201)).Select(f => f.Item1 == "Form.Results" ? (f.Item1, new string('y', 10001)) : f)]));

        string Error(AngleSharp.Html.Dom.IHtmlDocument page, string field) => page.QuerySelector($"#{field}-error").Text();
        Assert.Contains("Enter a title", Error(empty, "Form_Title"), StringComparison.Ordinal);
        Assert.Contains("Choose at least one service area", Error(empty, "Form_Areas"), StringComparison.Ordinal);
        Assert.Contains("Enter the year the work was done, from 2000 to", Error(empty, "Form_Year"), StringComparison.Ordinal);
        Assert.Contains("Describe the problem", Error(empty, "Form_Problem"), StringComparison.Ordinal);
        Assert.Contains("Choose quality indicators from the list", Error(empty, "Form_Qis"), StringComparison.Ordinal);
        Assert.Contains("There is no performance indicator SW99, NOPE in the catalogue", Error(empty, "Form_Indicators"), StringComparison.Ordinal);
        Assert.Contains("The title must be 200 characters or fewer", Error(tooLong, "Form_Title"), StringComparison.Ordinal);
        Assert.Contains("The results must be 10,000 characters or fewer", Error(tooLong, "Form_Results"), StringComparison.Ordinal);
        Assert.Equal("1850", empty.QuerySelector("#Form_Year")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => Task.FromResult(db.CaseStudies.Count())));
    }

    [Fact]
    public async Task AWholeReview_FromDraftToPublished_WithChangesAskedFor()
    {
        var lead = await AsAsync(factory, FifeLead);
        var national = await AsAsync(factory, National);
        var glasgow = await AsAsync(factory, Contributor1);
        var id = await CreateAsync(lead, "Walrus kinship assessments", null, "PIF|5.2");

        // A draft is its council's alone: another council, and the reviewers, do not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(national, id, "Publish")).StatusCode);

        Done(await ActAsync(lead, id, "Submit"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(lead, id, "Publish")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(national, id, "Revise")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await national.GetAsync($"/case-studies/{id}/edit", TestContext.Current.CancellationToken)).StatusCode);

        var noReason = await Html.ParseAsync(await ActAsync(national, id, "RequestChanges"));
        Assert.Contains("Say what the council should change", noReason.QuerySelector("#Text-error").Text(), StringComparison.Ordinal);
        Done(await ActAsync(national, id, "RequestChanges", "Add the figures for last year"));

        var returned = await Html.ParseAsync(await lead.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("Changes asked for", returned.QuerySelector(".ds_page-header__metadata .ds_tag").Text());
        Assert.Contains("Add the figures for last year", returned.QuerySelector(".pif-thread").Text(), StringComparison.Ordinal);

        Done(await lead.PostFormAsync($"/case-studies/{id}/edit", [.. Fields("Walrus kinship assessments, with last year", null, "PIF|5.2"), ("Form.Stamp", (await StampAsync(factory, id)).ToString())]));
        Done(await ActAsync(lead, id, "Submit"));
        Done(await ActAsync(national, id, "Publish"));

        var read = await Html.ParseAsync(await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("Walrus kinship assessments, with last year", read.QuerySelector("h1").Text());
        Assert.Null(read.QuerySelector(".pif-thread"));
        Assert.Null(read.QuerySelector("form[action*='handler']"));
        var found = await Html.ParseAsync(await glasgow.GetAsync("/case-studies?Q=walrus", TestContext.Current.CancellationToken));
        Assert.Equal(["Walrus kinship assessments, with last year"], found.QuerySelectorAll(".ds_search-result__title").Select(h => h.Text()));
    }

    [Fact]
    public async Task APublishedCaseStudy_IsListedOnTheQiPageOfAnotherCouncilsSelfEvaluation()
    {
        var id = await PublishedAsync(factory, Input("Narwhal risk assessments", qis: ["PIF|5.2"]));
        var evaluation = await StartAsync(factory);
        var qis = await PrepareAsync(factory, evaluation, "5.2", "5.3");
        var glasgow = await AsAsync(factory, Contributor1);

        var linked = await Html.ParseAsync(await glasgow.GetAsync($"/self-evaluations/{evaluation}/qis/{qis["5.2"]}", TestContext.Current.CancellationToken));
        var other = await Html.ParseAsync(await glasgow.GetAsync($"/self-evaluations/{evaluation}/qis/{qis["5.3"]}", TestContext.Current.CancellationToken));

        Assert.Contains(linked.QuerySelectorAll("#how-others-improved + ul a"), a => a.GetAttribute("href") == $"/case-studies/{id}");
        Assert.DoesNotContain(other.QuerySelectorAll("#how-others-improved + ul a"), a => a.GetAttribute("href") == $"/case-studies/{id}");
    }

    [Fact]
    public async Task ANewRevision_LeavesThePublishedOneForReaders_UntilItIsPublished()
    {
        var id = await PublishedAsync(factory, Input("Pelican home care"));
        var lead = await AsAsync(factory, FifeLead);
        var national = await AsAsync(factory, National);
        var glasgow = await AsAsync(factory, Lead);

        Done(await ActAsync(lead, id, "Revise"));
        Done(await lead.PostFormAsync($"/case-studies/{id}/edit", [.. Fields("Pelican home care, two years on"), ("Form.Stamp", (await StampAsync(factory, id)).ToString())]));

        Assert.Equal("Pelican home care", (await Html.ParseAsync(await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken))).QuerySelector("h1").Text());
        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync($"/case-studies/{id}?revision=2", TestContext.Current.CancellationToken)).StatusCode);

        // The reviewers see what was sent for review, not the draft being written.
        Assert.Equal("Pelican home care", (await Html.ParseAsync(await national.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken))).QuerySelector("h1").Text());
        Assert.Equal(HttpStatusCode.NotFound, (await national.GetAsync($"/case-studies/{id}?revision=2", TestContext.Current.CancellationToken)).StatusCode);
        var writer = await Html.ParseAsync(await lead.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("Pelican home care, two years on", writer.QuerySelector("h1").Text());
        Assert.Contains("revision 1, the published one", writer.QuerySelector(".ds_inset-text").Text(), StringComparison.Ordinal);

        Done(await ActAsync(lead, id, "Submit"));
        Done(await ActAsync(national, id, "Publish"));

        Assert.Equal("Pelican home care, two years on", (await Html.ParseAsync(await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken))).QuerySelector("h1").Text());
        var history = await Html.ParseAsync(await lead.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Equal(["2 (shown) Published", "1 Replaced"], history.QuerySelectorAll("#Revisions + table tbody tr").Select(r => $"{r.QuerySelector("th").Text()} {r.QuerySelector("td").Text()}"));
    }

    [Fact]
    public async Task AWithdrawnCaseStudy_DisappearsForOtherCouncils_AndItsCouncilSeesWhy()
    {
        var id = await PublishedAsync(factory, Input("Ibis day care"));
        var national = await AsAsync(factory, National);
        var glasgow = await AsAsync(factory, Lead);
        var lead = await AsAsync(factory, FifeLead);

        var noReason = await Html.ParseAsync(await ActAsync(national, id, "Withdraw"));
        Assert.Contains("Give the reason for withdrawing it", noReason.QuerySelector("#Text-error").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken)).StatusCode);

        Done(await ActAsync(national, id, "Withdraw", "The service has since closed"));

        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken)).StatusCode);
        var own = await Html.ParseAsync(await lead.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Contains("The service has since closed", own.QuerySelector(".ds_warning-text").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleStep_ChangesNothing_AndSaysSo()
    {
        var id = await DraftAsync(factory, Input("Heron reviews"));
        var lead = await AsAsync(factory, FifeLead);
        var stale = await StampAsync(factory, id);
        Done(await lead.PostFormAsync($"/case-studies/{id}/edit", [.. Fields("Heron reviews, changed"), ("Form.Stamp", stale.ToString())]));

        var page = await Html.ParseAsync(await ActAsync(lead, id, "Submit", stamp: stale));

        Assert.Contains("Someone else changed this case study after you opened it", page.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(RevisionState.Draft, await factory.QueryAsync(db => Task.FromResult(db.CaseStudyRevisions.Single(r => r.CaseStudyId == id).State)));
    }

    [Fact]
    public async Task ADraft_CanBeDeleted_APublishedOneCannot()
    {
        var draft = await DraftAsync(factory, Input("Egret draft"));
        var published = await PublishedAsync(factory, Input("Egret published"));
        var lead = await AsAsync(factory, FifeLead);

        Done(await ActAsync(lead, draft, "Delete"));
        var refused = await Html.ParseAsync(await ActAsync(lead, published, "Delete"));

        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/case-studies/{draft}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Contains("Only a case study that has never been published", refused.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_WithScript_IsShownSafely_OnThePublishedPage()
    {
        var id = await PublishedAsync(factory, Input("Stork safety", results: "<script>alert(1)</script> and [a link](javascript:alert(1)) and **bold**"));
        var glasgow = await AsAsync(factory, Lead);

        var html = await (await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_AreLinkedByCode_FromTheCatalogue()
    {
        var key = await IndicatorImportSteps.NationalKeyAsync(factory);
        await IndicatorImportSteps.ImportAsync(factory, key, Encoding.UTF8.GetBytes(IndicatorImportSteps.Catalogue), "catalogue.csv");
        var lead = await AsAsync(factory, FifeLead);

        var id = await CreateAsync(lead, "Crane home care costs", "sw 01, SW7");
        var page = await Html.ParseAsync(await lead.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));

        Assert.Equal(["/performance-indicators/SW01", "/performance-indicators/SW07"], page.QuerySelectorAll("a[href^='/performance-indicators/']").Select(a => a.GetAttribute("href")));
    }
}
