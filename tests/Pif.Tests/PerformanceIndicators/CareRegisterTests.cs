using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// The Care Inspectorate's register of care services: the real datastore file imported with a preview, each council
/// area's share of services graded good or better by kind and provider against Scotland's and beside SW07, and a
/// later register revising what changed and retiring what it no longer lists.
/// </summary>
public sealed class CareRegisterTests
{
    private const string Header = "\"CSNumber\",\"CareService\",\"ServiceType\",\"ServiceName\",\"ServiceProvider\",\"ServiceStatus\",\"Council_Area_Name\",\"Client_group\",\"MinGrade\",\"MaxGrade\",\"Publication_of_Latest_Grading\"\n";

    [Fact]
    public async Task TheRealRegister_ImportsEveryScottishService_AndGlasgowsPageCountsItsServicesGradedGoodOrBetter()
    {
        var register = SharedData.Find("care_inspectorate_datastore_2026-05-31.csv");
        if (register is null)
        {
            Assert.Skip("../shared/data is not here; CI always has it.");
        }

        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        var content = await File.ReadAllBytesAsync(register, TestContext.Current.CancellationToken);

        var (status, preview) = await UploadAsync(factory, key, content, "care_inspectorate_datastore_2026-05-31.csv");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("CareInspectorateRegister", preview.GetProperty("layout").GetString());
        Assert.Equal(10_566, preview.GetProperty("rows").GetInt32());
        Assert.Equal((10_509, 0, 0, 57), Summary(preview));
        var problems = preview.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()).Distinct().ToList();
        Assert.Equal(["The service is outside Scotland, so in no council area: it is skipped"], problems);
        Assert.Equal(0, await factory.QueryAsync(db => db.RegisteredServices.CountAsync()));

        var (_, committed) = await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());
        Assert.Equal((10_509, 0, 0, 57), Summary(committed));

        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/care-register", TestContext.Current.CancellationToken));

        Assert.Equal("Glasgow City", page.QuerySelector(".ds_page-header__label").Text());
        var headline = Lines(page, "#Headline .ds_summary-list__item");
        Assert.Contains("Services for adults | 92.6% (375 of 405 graded; 477 active)", headline);
        Assert.Contains("Services for children | 92.6% (401 of 433 graded; 462 active)", headline);
        Assert.Contains("All services | 92.6% (776 of 838 graded; 939 active)", headline);
        Assert.Contains("Scotland: services for adults | 83.3% (2,813 of 3,377 graded)", headline);
        Assert.Contains("LGBF's published figure | Pif holds no SW07 figure for Glasgow City.", headline);
        Assert.Contains("Register | ", headline.Single(l => l.StartsWith("Register", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("the latest grades in Glasgow City were published on 29 May 2026", headline.Single(l => l.StartsWith("Register", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Care Home Service | 122 | 111 | 97 | 87.4%", Lines(page, "#ByService tbody tr"));
        Assert.Contains("Local Authority | 167 | 167 | 159 | 95.2%", Lines(page, "#BySector tbody tr"));

        var again = await ImportAsync(factory, key, content);
        Assert.Equal((0, 0, 10_509, 57), Summary(again));
    }

    [Fact]
    public async Task ALaterRegister_RevisesAServiceWhoseGradesChanged_RetiresOneNoLongerListed_AndThePageShowsSw07Beside()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue));
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(",Code,LocalAuthority,Year,LA_IndicatorReal,Scotland_Indicator_Real\n0,SW07,Glasgow City,2022-23,0.82,0.75\n"));
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Header
            + "\"CS1\",\"Care Home Service\",\"Private\",\"Home One\",\"Carers Ltd\",\"Active\",\"Glasgow City\",\"Adults\",\"4\",\"5\",\"01/03/2026\"\n"
            + "\"CS2\",\"Care Home Service\",\"Local Authority\",\"Home Two\",\"Glasgow City Council\",\"Active\",\"Glasgow City\",\"Adults\",\"3\",\"4\",\"01/02/2026\"\n"
            + "\"CS3\",\"Support Service\",\"Private\",\"Help at Home\",\"Carers Ltd\",\"Active\",\"Glasgow City\",\"Adults\",\"\",\"\",\"\"\n"
            + "\"CS4\",\"Child Minding\",\"Private\",\"A Childminder\",\"A Childminder\",\"Inactive\",\"Glasgow City\",\"Children\",\"5\",\"5\",\"01/01/2025\"\n"));

        var (_, preview) = await UploadAsync(factory, key, Header
            + "\"CS1\",\"Care Home Service\",\"Private\",\"Home One\",\"Carers Ltd\",\"Active\",\"Glasgow City\",\"Adults\",\"4\",\"5\",\"01/03/2026\"\n"
            + "\"CS2\",\"Care Home Service\",\"Local Authority\",\"Home Two\",\"Glasgow City Council\",\"Active\",\"Glasgow City\",\"Adults\",\"4\",\"4\",\"01/06/2026\"\n"
            + "\"CS3\",\"Support Service\",\"Private\",\"Help at Home\",\"Carers Ltd\",\"Active\",\"Glasgo\",\"Adults\",\"\",\"\",\"\"\n"
            + "\"CS5\",\"Support Service\",\"Voluntary or Not for Profit\",\"Day Centre\",\"A Charity\",\"Active\",\"Glasgow City\",\"Adults\",\"7\",\"7\",\"01/06/2026\"\n"
            + "\"CS1\",\"Care Home Service\",\"Private\",\"Home One\",\"Carers Ltd\",\"Active\",\"Glasgow City\",\"Adults\",\"4\",\"5\",\"01/03/2026\"\n");

        Assert.Equal(
            [
                "4 Council_Area_Name: “Glasgo” is not a council area Pif knows: did you mean Glasgow City? The service is skipped",
                "5 MinGrade: “7” is not a grade from 1 (unsatisfactory) to 6 (excellent): the service is skipped",
                "6 CSNumber: CS1 is also in row 2: the second is skipped",
            ],
            preview.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()} {p.GetProperty("column").GetString()}: {p.GetProperty("message").GetString()}"));
        Assert.Equal((0, 1, 1, 3), Summary(preview));
        Assert.Equal(["1 service Pif holds is not in this register, so no longer registered: it is kept as history and no longer counted."],
            preview.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));

        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());

        // CS3 was skipped for its area, so the one held stays; CS4 is not listed, so it leaves; CS2's old grades stay as history.
        Assert.Equal(["CS1", "CS2", "CS3"], await factory.QueryAsync(db => db.RegisteredServices.Where(s => s.Current).OrderBy(s => s.CsNumber).Select(s => s.CsNumber).ToListAsync()));
        Assert.Equal([3, 4], await factory.QueryAsync(db => db.RegisteredServices.Where(s => s.CsNumber == "CS2").OrderBy(s => s.MinGrade).Select(s => s.MinGrade!.Value).ToListAsync()));
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);
        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/care-register", TestContext.Current.CancellationToken));
        var headline = Lines(page, "#Headline .ds_summary-list__item");
        Assert.Contains("Services for adults | 100.0% (2 of 2 graded; 3 active)", headline);
        Assert.Contains("LGBF's published figure | SW07 for 2022-23: 82.0%, against Scotland's 75.0%", headline);
        Assert.Equal(["Care Home Service | 2 | 2 | 2 | 100.0%", "Support Service | 1 | 0 | 0 | No graded services"], Lines(page, "#ByService tbody tr"));

        // The figures kept as evidence: the form comes filled in, and the item keeps the figures as they are now.
        var keep = page.QuerySelectorAll("main a").Single(a => a.Text().StartsWith("Keep these figures", StringComparison.Ordinal)).GetAttribute("href")!;
        var form = await Html.ParseAsync(await lead.GetAsync(keep, TestContext.Current.CancellationToken));
        var fields = form.QuerySelectorAll("input[name^='Form.'], textarea[name^='Form.'], select[name^='Form.']")
            .Select(e => (Name: e.GetAttribute("name")!, Value: e switch
            {
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? "",
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
                AngleSharp.Html.Dom.IHtmlInputElement { Type: "radio" or "checkbox", IsChecked: false } => null,
                AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
                _ => null,
            })).Where(f => f.Value is not null).Select(f => (f.Name, f.Value!)).ToArray();
        var added = await lead.PostFormAsync("/evidence/add", fields);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var item = await factory.QueryAsync(db => db.EvidenceItems.SingleAsync(e => e.Title.StartsWith("Care services graded good or better in Glasgow City")));
        Assert.Equal(Pif.Web.Modules.Evidence.EvidenceKind.PerformanceData, item.Kind);
        Assert.Matches("^https?://localhost/performance-indicators/care-register\\?council=[0-9a-f-]{36}$", item.Link);
        Assert.Contains("Services for adults graded good (4) or better on every key question: 100.0% (2 of 2 graded services)", item.Summary, StringComparison.Ordinal);
        Assert.Contains("LGBF's published SW07 for 2022-23: 82.0% (Scotland 75.0%).", item.Summary, StringComparison.Ordinal);

        var indicator = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/SW07", TestContext.Current.CancellationToken));
        Assert.Contains(indicator.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("/performance-indicators/care-register?council=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GradingDates_AreReadAsTheCsvOrAWorkbookWritesThem_AndADateThatIsNotOneSkipsTheService()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);

        var (_, preview) = await UploadAsync(factory, key, Header
            + "\"CS1\",\"Care Home Service\",\"Private\",\"Home One\",\"Carers Ltd\",\"Active\",\"Fife\",\"Adults\",\"4\",\"5\",\"31/05/2026\"\n"
            + "\"CS2\",\"Care Home Service\",\"Private\",\"Home Two\",\"Carers Ltd\",\"Active\",\"Fife\",\"Adults\",\"4\",\"5\",\"2026-05-30\"\n"
            + "\"CS3\",\"Care Home Service\",\"Private\",\"Home Three\",\"Carers Ltd\",\"Active\",\"Fife\",\"Adults\",\"4\",\"5\",\"May 2026\"\n");
        await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());

        Assert.Equal(["4 Publication_of_Latest_Grading: “May 2026” is not a date such as 31/05/2026: the service is skipped"],
            preview.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("row").GetInt32()} {p.GetProperty("column").GetString()}: {p.GetProperty("message").GetString()}"));
        Assert.Equal([new DateOnly(2026, 5, 31), new DateOnly(2026, 5, 30)],
            await factory.QueryAsync(db => db.RegisteredServices.OrderBy(s => s.CsNumber).Select(s => s.GradedOn!.Value).ToListAsync()));
    }

    [Fact]
    public async Task BeforeAnyRegister_ThePageSaysSo_AndAnUnknownCouncilIsNotFound()
    {
        await using var factory = new PifWebFactory();
        var lead = await EvaluationSteps.AsAsync(factory, EvaluationSteps.Lead);

        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/care-register", TestContext.Current.CancellationToken));
        Assert.Contains("Pif holds no register of care services yet.", page.Body.Text(), StringComparison.Ordinal);

        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Header + "\"CS1\",\"Care Home Service\",\"Private\",\"Home One\",\"Carers Ltd\",\"Active\",\"Fife\",\"Adults\",\"4\",\"5\",\"01/03/2026\"\n"));
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/performance-indicators/care-register?council={Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static List<string> Lines(AngleSharp.Html.Dom.IHtmlDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(r => string.Join(" | ", r.Children.Select(c => c.Text())))];

    private static (int Added, int Revised, int Unchanged, int Skipped) Summary(JsonElement import)
    {
        var s = import.GetProperty("summary");
        return (s.GetProperty("added").GetInt32(), s.GetProperty("revised").GetInt32(), s.GetProperty("unchanged").GetInt32(), s.GetProperty("skipped").GetInt32());
    }
}
