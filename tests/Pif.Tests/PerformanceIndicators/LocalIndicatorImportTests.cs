using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.PerformanceIndicators;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// A council's own indicators: its administrators and evaluation leads import them from a file with no council
/// column; new codes join the council's catalogue; its members and link inspector see them, nobody else does.
/// </summary>
public sealed class LocalIndicatorImportTests
{
    private const string GlasgowFile = """
        Code,Title,Period,Value,Measure,Polarity
        GC-SW-01,Reviews of care plans on time,2022-23,81%,Percentage,Higher is better
        GC-SW-01,,2023-24,86.5,,
        GC-SW-02,Days from referral to assessment,2023-24,12,Days,Lower is better
        GC-SW-03,,2023-24,4,,
        SW07,Care services graded good,2023-24,0.9,Percentage,Higher is better
        GC-SW-02,,2023-24,13,,
        GC-SW-02,,2024/25,dna,,
        GC-SW-02,,next year,10,,
        GC-SW-02,,2022-23,-4,,
        """;

    private static async Task<HttpResponseMessage> UploadPageAsync(HttpClient client, string csv)
    {
        var token = await client.GetFormTokenAsync("/performance-indicators/imports/new");
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", "glasgow-local.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/performance-indicators/imports/new", form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Lead_ImportsTheCouncilsOwnIndicators_NewCodesJoinItsCatalogue_EveryBadRowSaysWhy_AndOnlyItsPeopleSeeThem()
    {
        await using var factory = new PifWebFactory();
        await ImportAsync(factory, await NationalKeyAsync(factory), Encoding.UTF8.GetBytes(Catalogue), "catalogue.csv");
        var lead = await AsAsync(factory, Lead);

        var previewed = await UploadPageAsync(lead, GlasgowFile);
        var preview = await Html.ParseAsync(previewed);
        var problems = preview.QuerySelectorAll("#Problems tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.Text()))).ToList();

        Assert.Equal("Check before importing: glasgow-local.csv", preview.QuerySelector("h1").Text());
        Assert.Contains("Your council's own indicators", preview.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(["4", "0", "0", "5"], preview.QuerySelectorAll("#Summary td").Select(td => td.Text()));
        Assert.Equal(
        [
            "10 | Value | GC-SW-02 counts days, which cannot be below zero: the row is skipped",
            "5 | Title | GC-SW-03 is new to Pif: give its title in a Title column, so Pif can add it to your council's indicators. Its rows are skipped",
            "6 | Code | SW07 is a national indicator: its figures come from the national files. Give your own indicator a code of its own. Its rows are skipped",
            "7 | Code | GC-SW-02 for 2023-24 is in the file twice: the second is skipped",
            "9 | Period | “next year” is not a period Pif can read, such as 2022-23 or 2019-23: the row is skipped",
        ], problems.Order(StringComparer.Ordinal));
        Assert.Contains("2 new indicators join your council's own: GC-SW-01, GC-SW-02.", preview.QuerySelector("#Notes").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.PerformanceIndicators.CountAsync(i => i.OwnerOrganisationId != null)));

        var imported = await Html.ParseAsync(await lead.PostFormAsync(previewed.RequestMessage!.RequestUri!.AbsolutePath));
        Assert.Equal("The file has been imported", imported.QuerySelector(".ds_notification-panel__title").Text());
        var held = await factory.QueryAsync(db => db.IndicatorValues.Where(v => db.PerformanceIndicators.Any(i => i.Id == v.IndicatorId && i.Code == "GC-SW-01"))
            .OrderBy(v => v.Period).Select(v => new { v.Period, v.Value }).ToListAsync());
        Assert.Equal([new { Period = "2022-23", Value = (double?)0.81 }, new { Period = "2023-24", Value = (double?)0.865 }], held);
        Assert.Equal("2024-25", await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.Value == null).Select(v => v.Period).SingleAsync()));

        // Glasgow's people see them beside the national ones; Fife's do not.
        var viewer = await Html.ParseAsync(await (await AsAsync(factory, "viewer.glasgow@pif.example")).GetAsync("/performance-indicators", TestContext.Current.CancellationToken));
        Assert.Equal(["Adult Social Care Services", "Glasgow City's own indicators"], viewer.QuerySelectorAll("main h2").Select(h => h.Text()));
        var page = await Html.ParseAsync(await lead.GetAsync("/performance-indicators/gc-sw-01", TestContext.Current.CancellationToken));
        Assert.Contains("86.5%", page.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(["Period", "Glasgow City"], page.QuerySelectorAll("#Figures thead th").Select(th => th.Text()));
        Assert.Null(page.QuerySelector("select"));
        Assert.Null(page.QuerySelector("#Standing"));
        var fife = await AsAsync(factory, "lead.fife@pif.example");
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync("/performance-indicators/GC-SW-01", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain("GC-SW-01", (await Html.ParseAsync(await fife.GetAsync("/performance-indicators", TestContext.Current.CancellationToken))).QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync($"/performance-indicators/GC-SW-01?council={await CouncilAsync(factory, "Fife")}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lead.GetAsync($"/performance-indicators/GC-SW-01?council={await CouncilAsync(factory, "Fife")}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await AsAsync(factory, "inspector@pif.example")).GetAsync($"/performance-indicators/GC-SW-01?council={await CouncilAsync(factory, "Glasgow City")}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fife.GetAsync(previewed.RequestMessage!.RequestUri!.AbsolutePath, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task TheSameFileAgain_ChangesNothing_ALaterFigureRevises_AndAChangedTitleIsSaid()
    {
        await using var factory = new PifWebFactory();
        var key = await CreateKeyAsync(await AsAsync(factory, Lead));
        const string file = "Code,Title,Year,Value\nGC-01,Carers' assessments offered,2023-24,120\n";
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(file));

        var (_, again) = await UploadAsync(factory, key, file);
        var (_, revised) = await UploadAsync(factory, key, "Code,Title,Year,Value\ngc-01,Carers' assessments offered on time,2023-24,125\n");

        Assert.Equal("LocalIndicators", again.GetProperty("layout").GetString());
        Assert.Equal((0, 0, 1), Counts(again));
        Assert.Equal((0, 1, 0), Counts(revised));
        Assert.Contains("GC-01 is now described as the file describes it: Carers' assessments offered on time", revised.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("Carers' assessments offered", await factory.QueryAsync(db => db.PerformanceIndicators.Where(i => i.Code == "GC-01").Select(i => i.Title).SingleAsync()));
        await CommitAsync(factory, key, revised.GetProperty("id").GetGuid());
        Assert.Equal("Carers' assessments offered on time", await factory.QueryAsync(db => db.PerformanceIndicators.Where(i => i.Code == "GC-01").Select(i => i.Title).SingleAsync()));
        Assert.Equal([120.0, 125.0], await factory.QueryAsync(db => db.IndicatorValues.OrderBy(v => v.Value).Select(v => v.Value!.Value).ToListAsync()));
        Assert.Equal(125.0, await factory.QueryAsync(db => db.IndicatorValues.Where(v => v.Current).Select(v => v.Value).SingleAsync()));
        Assert.Equal(MeasureType.Other, await factory.QueryAsync(db => db.PerformanceIndicators.Select(i => i.MeasureType).SingleAsync()));

        // A council's own indicator has no funnel (no other council has it), but its run chart is drawn.
        var funnel = await RawClient(factory).SendAsync(WithKey(HttpMethod.Get, "/api/v1/indicators/GC-01/funnel", key), TestContext.Current.CancellationToken);
        var spc = await RawClient(factory).SendAsync(WithKey(HttpMethod.Get, "/api/v1/indicators/GC-01/spc?organisation=S12000049", key), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, funnel.StatusCode);
        Assert.Contains("GC-01 is a council's own indicator: a funnel plot compares councils", await funnel.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, spc.StatusCode);
        Assert.Contains("\"chart\":\"run\"", await spc.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoImportsWhat_ANationalFileFromALead_AndALocalFileFromTheNationalTeam_AreRefusedWithWhy()
    {
        await using var factory = new PifWebFactory();
        var lead = await CreateKeyAsync(await AsAsync(factory, Lead));
        var national = await NationalKeyAsync(factory);
        var local = "Code,Title,Period,Value\nGC-01,Carers' assessments,2023-24,120\n";

        var (leadNational, leadBody) = await UploadAsync(factory, lead, Catalogue);
        var (nationalLocal, nationalBody) = await UploadAsync(factory, national, local);
        var (viewer, _) = await UploadAsync(factory, await CreateKeyAsync(await AsAsync(factory, "viewer.glasgow@pif.example")), local);
        var (contributor, _) = await UploadAsync(factory, await CreateKeyAsync(await AsAsync(factory, Contributor1)), local);

        Assert.Equal(HttpStatusCode.BadRequest, leadNational);
        Assert.StartsWith("This is a national file (LGBF indicator information (the catalogue)): national administrators import those.", Problem(leadBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nationalLocal);
        Assert.StartsWith("This is a file of a council's own indicators (it has no council column)", Problem(nationalBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, viewer);
        Assert.Equal(HttpStatusCode.Forbidden, contributor);
        Assert.Equal(0, await factory.QueryAsync(db => db.IndicatorImports.CountAsync()));

        // The upload page: the administrator of a council may import its own; a viewer may not open it.
        var admin = await AsAsync(factory, "admin.glasgow@pif.example");
        var form = await Html.ParseAsync(await admin.GetAsync("/performance-indicators/imports/new", TestContext.Current.CancellationToken));
        Assert.Equal("Glasgow City's own indicators", form.QuerySelector("#local-heading").Text());
        Assert.Null(form.QuerySelector("select#Council"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await AsAsync(factory, "viewer.glasgow@pif.example")).GetAsync("/performance-indicators/imports/new", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static (int Added, int Revised, int Unchanged) Counts(System.Text.Json.JsonElement body)
    {
        var summary = body.GetProperty("summary");
        return (summary.GetProperty("added").GetInt32(), summary.GetProperty("revised").GetInt32(), summary.GetProperty("unchanged").GetInt32());
    }

    private static string Problem(System.Text.Json.JsonElement body) =>
        body.GetProperty("problems")[0].GetProperty("message").GetString()!;

    private static Task<Guid> CouncilAsync(PifWebFactory factory, string name) =>
        factory.QueryAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
}
