using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Tests.Evidence;
using Pif.Tests.ImprovementPlans;
using Pif.Web.Infrastructure;
using Pif.Web.Modules.CaseStudies;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.CaseStudies.CaseStudySteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.CaseStudies;

/// <summary>
/// What a case study links to besides QIs: the council's figures before and after for the indicators it moved, the
/// improvement actions it carried out, and evidence files shared through the evidence file store. A host of its own,
/// so its figures change no other test's indicator pages.
/// </summary>
public sealed class CaseStudyLinksTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const string Header = ",Code,LocalAuthority,Year,LA_IndicatorReal,LA_Numerator_real,LA_Den_Real,Scotland_Indicator_Real,Scotland_Num_Real,Scotland_Den_Real,FG_Avg_Indicator_Real,FG_Avg_Num_Real,FG_Avg_Den_Real,FamilyGroup\n";

    private static (string, string)[] Fields(string title, string indicators = "", params Guid[] actions) =>
    [
        ("Form.Title", title), ("Form.Summary", "We cut home care costs."), ("Form.Areas", "AdultServices"), ("Form.Year", "2023"),
        ("Form.Problem", "Costs were high."), ("Form.WhatWasDone", "Shared rotas."), ("Form.Results", "Costs fell."), ("Form.ContactRole", "Service manager"),
        ("Form.Indicators", indicators), .. actions.Select(a => ("Form.Actions", a.ToString())),
    ];

    /// <summary>The catalogue, and Fife's home care costs (lower is better): £30 in 2017-18, £24 in 2019-20, £10 in 2022-23.</summary>
    private async Task FiguresAsync()
    {
        if (await factory.QueryAsync(db => db.IndicatorValues.AnyAsync(v => v.Period == "2019-20")))
        {
            return;
        }

        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue), "catalogue.csv");
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Header
            + "0,SW01,Fife,2017-18,30,,,22,,,21,,,3\n1,SW01,Fife,2019-20,24,,,22,,,21,,,3\n2,SW01,Fife,2022-23,10,,,22,,,21,,,3\n"), "costs.csv");
    }

    private static Guid Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^/case-studies/[0-9a-f-]{36}$", response.RequestMessage!.RequestUri!.AbsolutePath);
        return Guid.Parse(response.RequestMessage.RequestUri.AbsolutePath.Split('/')[^1]);
    }

    [Theory]
    [InlineData("SW01", "SW01", null, null)]
    [InlineData("SW 01 2016-17 to 2021-22", "SW 01", "2016-17", "2021-22")]
    [InlineData("sw01 2016/17 TO 2021/22", "sw01", "2016-17", "2021-22")]
    [InlineData("CHN09 2019-23 to 2020-24", "CHN09", "2019-23", "2020-24")]
    public void AnIndicatorEntry_SplitsIntoItsCodeAndPeriods(string entry, string code, string? before, string? after)
    {
        Assert.True(IndicatorResult.TrySplit(entry, out var c, out var b, out var a));
        Assert.Equal((code, before, after), (c, b, a));
    }

    [Theory]
    [InlineData("SW01 2016-17")]
    [InlineData("SW01 2016-17 2021-22")]
    [InlineData("SW01 2016-17 to")]
    [InlineData("SW01 2016-17 to 2021-22 and more")]
    [InlineData("2016-17 to 2021-22")]
    public void AnEntryWithPeriodsWrittenAnotherWay_IsRefused(string entry) =>
        Assert.False(IndicatorResult.TrySplit(entry, out _, out _, out _));

    [Fact]
    public async Task Results_ShowTheCouncilsFiguresBeforeAndAfter_WithTheDirectionByPolarity()
    {
        await FiguresAsync();
        var lead = await AsAsync(factory, FifeLead);

        var id = Created(await lead.PostFormAsync("/case-studies/new", Fields("Crane home care rotas", "SW01 2017-18 to 2022-23, SW07")));
        await SubmitAsync(factory, id);
        await PublishAsync(factory, id);
        var glasgow = await AsAsync(factory, Lead);
        var page = await Html.ParseAsync(await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));

        var rows = page.QuerySelectorAll("#Improved ~ table tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.Text()))).ToList();
        Assert.Equal(["SW01 Home Care Costs per Hour | £30.00 in 2017-18 | £10.00 in 2022-23 | Better", "SW07 % of Care Services Graded Good or Better | No periods given"], rows);
        var api = await (await glasgow.GetAsync($"/api/v1/case-studies/{id}", TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"beforePeriod\":\"2017-18\",\"beforeValue\":\"£30.00\",\"afterPeriod\":\"2022-23\",\"afterValue\":\"£10.00\",\"direction\":\"Better\"", api, StringComparison.Ordinal);

        // The form opens with the periods as they were written, so a change keeps them.
        var edit = await Html.ParseAsync(await lead.GetAsync($"/case-studies/{Created(await lead.PostFormAsync("/case-studies/new", Fields("Crane draft", "SW01 2019-20 to 2022-23")))}/edit", TestContext.Current.CancellationToken));
        Assert.Equal("SW01 2019-20 to 2022-23", edit.QuerySelector("#Form_Indicators")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("SW01 2017-18", "Write the periods of SW01 as the period before, then \"to\", then the period after, such as SW01 2016-17 to 2021-22")]
    [InlineData("SW01 2010-11 to 2022-23", "The council has no SW01 figure for 2010-11: its figures run from 2017-18 to 2022-23")]
    [InlineData("SW01 2022-23 to 2017-18", "For SW01, the period before (2022-23) must come earlier than the period after (2017-18)")]
    [InlineData("SW07 2017-18 to 2022-23", "The council has no figures for SW07 yet, so give its code without periods")]
    [InlineData("SW01, sw 1", "SW01 is named twice: name each indicator once")]
    public async Task PeriodsThatDoNotFitTheFigures_AreRefusedOnTheField_AndNothingIsSaved(string indicators, string message)
    {
        await FiguresAsync();
        var lead = await AsAsync(factory, FifeLead);
        var before = await factory.QueryAsync(db => db.CaseStudies.CountAsync());

        var page = await Html.ParseAsync(await lead.PostFormAsync("/case-studies/new", Fields("Refused periods", indicators)));

        Assert.Contains(message, page.QuerySelector("#Form_Indicators-error").Text(), StringComparison.Ordinal);
        Assert.Equal(indicators, page.QuerySelector("#Form_Indicators")!.GetAttribute("value"));
        Assert.Equal(before, await factory.QueryAsync(db => db.CaseStudies.CountAsync()));
    }

    [Fact]
    public async Task NationalOutcomes_AreLinked_AndFindTheCaseStudyInTheLibrary()
    {
        var eight = await factory.QueryAsync(db => db.NationalOutcomes.Where(o => o.Number == 8 && db.OutcomeSets.Any(s => s.Id == o.SetId && s.Code == "NPF2011")).Select(o => o.Id).SingleAsync());
        var lead = await AsAsync(factory, FifeLead);

        var refused = await Html.ParseAsync(await lead.PostFormAsync("/case-studies/new", [.. Fields("Unknown outcome"), ("Form.Outcomes", Guid.NewGuid().ToString())]));
        Assert.Contains("Choose national outcomes from the list", refused.QuerySelector("#Form_Outcomes-error").Text(), StringComparison.Ordinal);

        var id = Created(await lead.PostFormAsync("/case-studies/new", [.. Fields("Sandpiper family group conferences"), ("Form.Outcomes", eight.ToString())]));
        await SubmitAsync(factory, id);
        await PublishAsync(factory, id);
        var glasgow = await AsAsync(factory, Lead);

        var page = await Html.ParseAsync(await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Equal("National outcome 8: Improved life chances for children, young people and families at risk (National outcomes, 2011)", page.QuerySelector(".pif-case-study-outcomes li")!.Text().Trim());
        var found = await Html.ParseAsync(await glasgow.GetAsync($"/case-studies?Outcome={eight}", TestContext.Current.CancellationToken));
        Assert.Equal(["Sandpiper family group conferences"], found.QuerySelectorAll(".ds_search-result__title").Select(t => t.Text()));
        Assert.Contains(found.QuerySelectorAll("#Outcome option"), o => o.GetAttribute("value") == eight.ToString() && o.HasAttribute("selected"));
    }

    [Fact]
    public async Task Actions_AreLinkedBothWays_AndReadOnlyAsTextWhereThePlanIsNotSeen()
    {
        var glasgowLead = await AsAsync(factory, Lead);
        var (evaluation, _) = await PlanSteps.SubmittedAsync(factory, glasgowLead, "Self-evaluation for a case study");
        var (plan, actions) = await PlanSteps.PlanAsync(factory, glasgowLead, evaluation);
        var fife = await AsAsync(factory, FifeLead);

        // Another council's action is not offered, and typed in it is refused.
        var refused = await Html.ParseAsync(await fife.PostFormAsync("/case-studies/new", Fields("Not ours", "", actions[0])));
        Assert.Contains("Choose actions from the list of your council's improvement plans", refused.QuerySelector("#Form_Actions-error").Text(), StringComparison.Ordinal);
        var offered = await Html.ParseAsync(await glasgowLead.GetAsync("/case-studies/new", TestContext.Current.CancellationToken));
        Assert.Equal(actions.Select(a => a.ToString()), offered.QuerySelectorAll("input[name='Form.Actions']").Select(i => i.GetAttribute("value")));

        var id = Created(await glasgowLead.PostFormAsync("/case-studies/new", Fields("Care plan reviews on time", "", actions[1])));
        var own = await Html.ParseAsync(await glasgowLead.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Equal($"/improvement-plans/{plan}/actions/{actions[1]}", own.QuerySelector("#Actions + ul a")!.GetAttribute("href"));
        var action = await Html.ParseAsync(await glasgowLead.GetAsync($"/improvement-plans/{plan}/actions/{actions[1]}", TestContext.Current.CancellationToken));
        Assert.Equal("Care plan reviews on time (not published yet)", action.QuerySelector("#case-studies-heading + ul li").Text());

        await SubmitAsync(factory, id, Lead);
        await PublishAsync(factory, id);
        var read = await Html.ParseAsync(await fife.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        Assert.Null(read.QuerySelector("#Actions + ul a"));
        Assert.StartsWith("Action 2: ", read.QuerySelector("#Actions + ul li").Text().Trim(), StringComparison.Ordinal);
        action = await Html.ParseAsync(await glasgowLead.GetAsync($"/improvement-plans/{plan}/actions/{actions[1]}", TestContext.Current.CancellationToken));
        Assert.Equal("Care plan reviews on time", action.QuerySelector("#case-studies-heading + ul li").Text());
    }

    [Fact]
    public async Task EvidenceFiles_AreShared_AndReadOnlyByThoseWhoReadTheRevision()
    {
        var lead = await AsAsync(factory, FifeLead);
        var glasgow = await AsAsync(factory, Lead);
        var pdf = EvidenceSteps.Pdf;
        var shared = Guid.Parse((await EvidenceSteps.AddAsync(lead, "Home care audit", "Document", ("audit.pdf", pdf))).RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        var unshared = Guid.Parse((await EvidenceSteps.AddAsync(lead, "Rota notes", "Document", ("rota.pdf", pdf))).RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        var noFiles = Guid.Parse((await EvidenceSteps.AddAsync(lead, "A link only", "Document")).RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        var sharedFile = await factory.QueryAsync(db => db.EvidenceFiles.Where(f => f.EvidenceItemId == shared).Select(f => f.Id).SingleAsync());
        var unsharedFile = await factory.QueryAsync(db => db.EvidenceFiles.Where(f => f.EvidenceItemId == unshared).Select(f => f.Id).SingleAsync());
        var id = await DraftAsync(factory, Input("Kestrel home care audit"));

        var chooser = await Html.ParseAsync(await lead.GetAsync($"/case-studies/{id}/evidence", TestContext.Current.CancellationToken));
        Assert.DoesNotContain("A link only", chooser.QuerySelector("#Items ~ div table")!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostFormAsync($"/case-studies/{id}/evidence?handler=Share", ("itemId", shared.ToString()), ("Stamp", (await StampAsync(factory, id)).ToString()))).StatusCode);
        var noFile = await Html.ParseAsync(await lead.PostFormAsync($"/case-studies/{id}/evidence?handler=Share", ("itemId", noFiles.ToString()), ("Stamp", (await StampAsync(factory, id)).ToString())));
        Assert.Contains("Choose evidence with files from your council's library", noFile.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);

        // Before publication only the council sees the file; after, every reader of the revision, and nothing else of the library.
        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync($"/case-studies/{id}/files/{sharedFile}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync($"/case-studies/{id}/evidence", TestContext.Current.CancellationToken)).StatusCode);
        await SubmitAsync(factory, id);
        await PublishAsync(factory, id);
        var page = await Html.ParseAsync(await glasgow.GetAsync($"/case-studies/{id}", TestContext.Current.CancellationToken));
        var link = page.QuerySelector("#Evidence + ul a[download]")!;
        Assert.Equal("audit.pdf", link.Text());
        var download = await glasgow.GetAsync(link.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync($"/case-studies/{id}/files/{unsharedFile}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await glasgow.GetAsync($"/evidence/{shared}/files/{sharedFile}", TestContext.Current.CancellationToken)).StatusCode);

        // A published revision cannot change what it shares; a new revision starts with the same files.
        var token = await lead.GetFormTokenAsync("/");
        var unshare = await lead.PostAsync($"/case-studies/{id}/evidence?handler=Unshare", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["itemId"] = shared.ToString(),
            ["Stamp"] = (await StampAsync(factory, id)).ToString(),
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, unshare.StatusCode);
        var locked = await WithAsync<CaseStudiesService, ServiceOutcome>(factory, async s => (await s.UnshareEvidenceAsync(await TestData.AccessAsync(factory, FifeLead), id, await StampAsync(factory, id), shared, CancellationToken.None)).Outcome);
        Assert.Equal(ServiceOutcome.Locked, locked);
        await WithAsync<CaseStudiesService>(factory, async s => Succeeded(await s.ReviseAsync(await TestData.AccessAsync(factory, FifeLead), id, await StampAsync(factory, id), CancellationToken.None)));
        Assert.Equal(2, await factory.QueryAsync(db => db.CaseStudyEvidence.CountAsync(e => e.EvidenceItemId == shared)));
    }
}
