using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Tests.ImprovementPlans;
using Pif.Web.Modules.NationalOutcomes;
using Pif.Web.Modules.Outcomes;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.Outcomes;

/// <summary>
/// Outcome agreements through the pages, as a council's lead writes one: local outcomes mapped to national outcomes,
/// the golden thread to indicators, QIs, actions and case studies, the agreement, progress, and who reads what.
/// A host of its own, so its figures change no other test's indicator pages.
/// </summary>
public sealed class OutcomeAgreementTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private const string FifeLead = "lead.fife@pif.example";
    private const string Header = ",Code,LocalAuthority,Year,LA_IndicatorReal,LA_Numerator_real,LA_Den_Real,Scotland_Indicator_Real,Scotland_Num_Real,Scotland_Den_Real,FG_Avg_Indicator_Real,FG_Avg_Num_Real,FG_Avg_Den_Real,FamilyGroup\n";

    private static Guid Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpMethod.Get, response.RequestMessage!.Method);
        return Guid.Parse(response.RequestMessage.RequestUri!.AbsolutePath.Split('/')[^1]);
    }

    private async Task<Guid> SetIdAsync(string code) => await factory.QueryAsync(db => db.OutcomeSets.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    private async Task<Guid> AgreementAsync(HttpClient lead, string title, string set = "NPF2011") =>
        Created(await lead.PostFormAsync("/outcomes/agreements/new", ("Form.Title", title), ("Form.FromYear", "2024"), ("Form.ToYear", "2026"), ("Form.OutcomeSetId", (await SetIdAsync(set)).ToString())));

    private async Task<Guid> StampAsync(Guid agreement) => await factory.QueryAsync(db => db.OutcomeAgreements.Where(a => a.Id == agreement).Select(a => a.ConcurrencyStamp).SingleAsync());

    private async Task<HttpResponseMessage> AddOutcomeAsync(HttpClient lead, Guid agreement, string title, int[] national, string indicators = "", string[]? qis = null, Guid[]? actions = null) =>
        await lead.PostFormAsync($"/outcomes/agreements/{agreement}/outcomes/new",
        [
            ("Form.Title", title), ("Form.Indicators", indicators), ("Form.Stamp", (await StampAsync(agreement)).ToString()),
            .. national.Select(n => ("Form.National", n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            .. (qis ?? []).Select(q => ("Form.Qis", q)),
            .. (actions ?? []).Select(a => ("Form.Actions", a.ToString())),
        ]);

    [Fact]
    public void TheSeededSets_AreValid_AndTheLaterAddsTheSixteenthOnOlderPeople()
    {
        var sets = OutcomeSetSeed.Files.Select(f => OutcomeSetFile.Read(OutcomeSetSeed.Read(f))).ToList();

        Assert.All(sets, s => Assert.Empty(s.Problems));
        Assert.Equal([15, 16], sets.Select(s => s.Document!.Outcomes.Count));
        Assert.Contains("older people", sets[1].Document!.Outcomes[15].Statement, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheApi_ListsTheNationalOutcomeSets_NewestFirst()
    {
        var client = await AsAsync(factory, Contributor1);

        var sets = await client.GetFromJsonAsync<List<NationalOutcomesApi.SetResponse>>("/api/v1/outcome-sets", TestContext.Current.CancellationToken);

        // Another test of this host may load a set of its own: the seeded ones come in this order among any others.
        Assert.Equal(["NPF2011", "NPF2007"], sets!.Select(s => s.Code).Where(c => c.StartsWith("NPF", StringComparison.Ordinal)));
        Assert.Equal((8, "Improved life chances for children, young people and families at risk"), (sets![0].Outcomes[7].Number, sets[0].Outcomes[7].Title));
    }

    [Fact]
    public async Task AWholeAgreement_ThreeLocalOutcomes_ThreadToFiguresGradesAndActions_ThenAgreed()
    {
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue), "catalogue.csv");
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Header
            + "0,SW01,Glasgow City,2019-20,30,,,22,,,21,,,Most Deprived\n1,SW01,Glasgow City,2023-24,24,,,22,,,21,,,Most Deprived\n"), "costs.csv");
        var lead = await AsAsync(factory, Lead);
        var (evaluation, _) = await PlanSteps.SubmittedAsync(factory, lead, "Self-evaluation for the outcomes");
        var (plan, actions) = await PlanSteps.PlanAsync(factory, lead, evaluation);
        var id = await AgreementAsync(lead, "Glasgow outcomes 2024 to 2027");

        var first = Created(await AddOutcomeAsync(lead, id, "Children at risk are safer", [8, 9], "SW01 2019-20", ["PIF|1.1"], [actions[0]]));
        Created(await AddOutcomeAsync(lead, id, "Communities feel safer", [9]));
        Created(await AddOutcomeAsync(lead, id, "Services keep improving", [15], "SW07"));

        // Only the council's writers see a draft.
        var contributor = await AsAsync(factory, Contributor1);
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/outcomes/agreements/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostFormAsync($"/outcomes/agreements/{id}?handler=Agree", ("Stamp", (await StampAsync(id)).ToString()))).StatusCode);

        var thread = await Html.ParseAsync(await contributor.GetAsync($"/outcomes/agreements/{id}/outcomes/{first}", TestContext.Current.CancellationToken));
        Assert.Equal(["8. Improved life chances for children, young people and families at risk", "9. Safe from crime, disorder and danger"], thread.QuerySelectorAll("#National + ul li").Select(li => li.Text()));
        var figures = thread.QuerySelector("#Indicators ~ div tbody tr")!.Children.Select(c => c.Text().Trim()).ToList();
        Assert.Equal(["£30.00 in 2019-20", "£24.00 in 2023-24", "Better"], figures.Skip(1).Take(3));
        var qi = thread.QuerySelector("#Qis + table tbody tr")!.Children.Select(c => c.Text().Trim()).ToList();
        Assert.Equal(["PIF 1.1", "4 in Self-evaluation for the outcomes", "Not validated yet"], qi);
        Assert.StartsWith("Action 1: ", thread.QuerySelector("#Actions + table tbody th")!.Text().Trim(), StringComparison.Ordinal);

        // The plan is a draft: its managers follow the link to the action; the contributor reads its words only.
        Assert.Null(thread.QuerySelector("#Actions + table tbody th a"));
        var leads = await Html.ParseAsync(await lead.GetAsync($"/outcomes/agreements/{id}/outcomes/{first}", TestContext.Current.CancellationToken));
        Assert.Equal($"/improvement-plans/{plan}/actions/{actions[0]}", leads.QuerySelector("#Actions + table tbody th a")!.GetAttribute("href"));

        var agreement = await Html.ParseAsync(await contributor.GetAsync($"/outcomes/agreements/{id}", TestContext.Current.CancellationToken));
        Assert.Equal(["1. Children at risk are safer", "2. Communities feel safer", "3. Services keep improving"], agreement.QuerySelectorAll(".pif-local-outcome h3").Select(h => h.Text().Trim()));
        Assert.Equal("1 indicator: 1 better and 0 worse since the baseline; 1 action: 0 done, 0 red, 0 amber, 1 green",
            agreement.QuerySelectorAll(".pif-local-outcome")[0].QuerySelectorAll("p")[1].Text());

        // The national view names the councils mapped to each national outcome.
        var national = await AsAsync(factory, "national.admin@pif.example");
        var view = await Html.ParseAsync(await national.GetAsync($"/outcomes/national?Set={await SetIdAsync("NPF2011")}", TestContext.Current.CancellationToken));
        var nine = view.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Text().StartsWith("9.", StringComparison.Ordinal));
        Assert.Equal(["1: Glasgow City", "2"], nine.QuerySelectorAll("td").Take(2).Select(c => c.Text()));
    }

    [Fact]
    public async Task ALocalOutcome_NeedsANationalOutcomeOfItsSet_AndLinksOnlyItsOwnCouncilsActions()
    {
        var lead = await AsAsync(factory, Lead);
        var fife = await AsAsync(factory, FifeLead);
        var (evaluation, _) = await PlanSteps.SubmittedAsync(factory, lead, "Self-evaluation for the refusals");
        var (_, actions) = await PlanSteps.PlanAsync(factory, lead, evaluation);
        var glasgow = await AgreementAsync(lead, "Glasgow 2007 outcomes", "NPF2007");
        var fifes = await AgreementAsync(fife, "Fife outcomes");

        var none = await Html.ParseAsync(await AddOutcomeAsync(lead, glasgow, "No national outcome", []));
        var sixteen = await Html.ParseAsync(await AddOutcomeAsync(lead, glasgow, "Older people", [16]));
        var theirs = await Html.ParseAsync(await AddOutcomeAsync(fife, fifes, "Another council's action", [8], actions: [actions[0]]));
        var unknown = await Html.ParseAsync(await AddOutcomeAsync(lead, glasgow, "Unknown indicator", [8], "NOPE"));

        Assert.Contains("Choose at least one national outcome of the National outcomes, 2007", none.QuerySelector("#Form_National-error").Text(), StringComparison.Ordinal);
        Assert.Contains("Choose national outcomes from the National outcomes, 2007", sixteen.QuerySelector("#Form_National-error").Text(), StringComparison.Ordinal);
        Assert.Contains("Choose actions from the list of your council's improvement plans", theirs.QuerySelector("#Form_Actions-error").Text(), StringComparison.Ordinal);
        Assert.Contains("There is no performance indicator NOPE in the catalogue", unknown.QuerySelector("#Form_Indicators-error").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.LocalOutcomes.CountAsync(o => o.AgreementId == glasgow || o.AgreementId == fifes)));

        // Another council's agreement does not exist for Fife, nor do its pages.
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/outcomes/agreements/{glasgow}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/outcomes/agreements/{glasgow}/outcomes/new", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/api/v1/outcome-agreements/{glasgow}", TestContext.Current.CancellationToken)).StatusCode);

        // With a local outcome mapped, the set cannot change.
        Created(await AddOutcomeAsync(lead, glasgow, "Children at risk are safer", [8]));
        var change = await Html.ParseAsync(await lead.PostFormAsync($"/outcomes/agreements/{glasgow}/edit", ("Form.Title", "Glasgow"), ("Form.FromYear", "2024"), ("Form.ToYear", "2026"),
            ("Form.OutcomeSetId", (await SetIdAsync("NPF2011")).ToString()), ("Form.Stamp", (await StampAsync(glasgow)).ToString())));
        Assert.Contains("The set cannot change while local outcomes map to its national outcomes", change.QuerySelector("#Form_OutcomeSetId-error").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressStatements_AreKeptByYear_WithinTheAgreementsYears()
    {
        var lead = await AsAsync(factory, Lead);
        var id = await AgreementAsync(lead, "Glasgow progress");
        var outcome = Created(await AddOutcomeAsync(lead, id, "Older people stay at home", [16]));
        var path = $"/outcomes/agreements/{id}/outcomes/{outcome}?handler=Progress";

        var outside = await Html.ParseAsync(await lead.PostFormAsync(path, ("Year", "2030"), ("Text", "Too late"), ("Stamp", (await StampAsync(id)).ToString())));
        var empty = await Html.ParseAsync(await lead.PostFormAsync(path, ("Year", "2024"), ("Text", " "), ("Stamp", (await StampAsync(id)).ToString())));
        Assert.Contains("Choose a year of the agreement, from 2024-25 to 2026-27", outside.QuerySelector("#Year-error").Text(), StringComparison.Ordinal);
        Assert.Contains("Describe the progress made in the year", empty.QuerySelector("#Text-error").Text(), StringComparison.Ordinal);

        Created(await lead.PostFormAsync(path, ("Year", "2024"), ("Text", "Fewer moves into care homes"), ("Stamp", (await StampAsync(id)).ToString())));
        Created(await lead.PostFormAsync(path, ("Year", "2024"), ("Text", "Fewer moves into care homes, and shorter waits"), ("Stamp", (await StampAsync(id)).ToString())));

        var page = await Html.ParseAsync(await lead.GetAsync($"/outcomes/agreements/{id}/outcomes/{outcome}", TestContext.Current.CancellationToken));
        Assert.Equal(["2024-25 Fewer moves into care homes, and shorter waits"], page.QuerySelectorAll("#Progress + dl .ds_summary-list__item").Select(i => $"{i.QuerySelector("dt")!.Text()} {i.QuerySelector("dd")!.Text()}"));

        // The agreement with its progress, as a Word document and a workbook.
        var docx = await lead.GetAsync($"/outcomes/agreements/{id}?handler=Docx", TestContext.Current.CancellationToken);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), false))
        {
            var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Equal("Glasgow progress", paragraphs[0]);
            Assert.Contains("1. Older people stay at home", paragraphs);
            Assert.Contains("2024-25: Fewer moves into care homes, and shorter waits", paragraphs);
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(word, TestContext.Current.CancellationToken).Select(e => e.Description));
        }

        var xlsx = await lead.GetAsync($"/outcomes/agreements/{id}?handler=Xlsx", TestContext.Current.CancellationToken);
        var progress = (await MiniExcelLibs.MiniExcel.QueryAsync(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), useHeaderRow: true, sheetName: "Progress", cancellationToken: TestContext.Current.CancellationToken))
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(("2024-25", "Fewer moves into care homes, and shorter waits"), ((string)progress.Single()["Year"], (string)progress.Single()["Progress"]));
        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(factory, FifeLead)).GetAsync($"/outcomes/agreements/{id}?handler=Docx", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<HttpResponseMessage> LoadSetAsync(HttpClient client, string json)
    {
        var token = await client.GetFormTokenAsync("/outcomes/sets/load");
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "set.json" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/outcomes/sets/load", content, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("not json", "$: The file is not valid JSON")]
    [InlineData("""{"title":"T","year":2016,"outcomes":[{"number":1,"title":"A","statement":"B"}]}""", "$.code: Give the code")]
    [InlineData("""{"code":"X","title":"T","year":2016,"outcomes":[{"number":1,"title":"A","statement":"B"},{"number":1,"title":"C","statement":"D"}]}""", "$.outcomes[1].number: Outcome 1 is in the set twice")]
    [InlineData("""{"code":"X","title":"T","year":2016,"outcomes":[{"number":1,"title":"","statement":"B"}]}""", "$.outcomes[0].title: The title must be text")]
    [InlineData("""{"code":"NPF2007","title":"T","year":2016,"outcomes":[{"number":1,"title":"A","statement":"B"}]}""", "$.code: There is already a set NPF2007")]
    public async Task ABadSetFile_IsRefused_WithWhereAndWhat(string json, string message)
    {
        var national = await AsAsync(factory, "national.admin@pif.example");
        var before = await factory.QueryAsync(db => db.OutcomeSets.CountAsync());

        var page = await Html.ParseAsync(await LoadSetAsync(national, json));

        Assert.Contains(message, page.QuerySelector("#File-error").Text(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.OutcomeSets.CountAsync()));
    }

    [Fact]
    public async Task AGoodSetFile_IsLoaded_AndOffered()
    {
        var national = await AsAsync(factory, "national.admin@pif.example");
        var json = """{"code":"TEST2005","title":"Test outcomes, 2005","year":2005,"source":"A test","outcomes":[{"number":1,"title":"People are well","statement":"People stay well."}]}""";

        await LoadSetAsync(national, json);

        var offered = await Html.ParseAsync(await (await AsAsync(factory, Lead)).GetAsync("/outcomes/agreements/new", TestContext.Current.CancellationToken));
        Assert.Contains("Test outcomes, 2005 (1 outcome)", offered.QuerySelector("#Form_OutcomeSetId")!.Closest("fieldset")!.Text(), StringComparison.Ordinal);
    }
}
