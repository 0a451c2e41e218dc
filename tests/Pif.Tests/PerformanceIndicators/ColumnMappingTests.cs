using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using Pif.Web.Modules.PerformanceIndicators.Importing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>
/// A file laid out in a way Pif does not know: the user says what each column holds, Pif reads it that way, and it
/// remembers, so the next file with the same columns is read without asking.
/// </summary>
public sealed class ColumnMappingTests
{
    private const string Figures = "Authority,Indicator,Financial Year,Figure,Notes\nGlasgow City,SW07,2022-23,0.82,checked\nFife,SW07,2022-23,0.7,\n";

    private static async Task<HttpResponseMessage> UploadPageAsync(HttpClient client, string csv)
    {
        var token = await client.GetFormTokenAsync("/performance-indicators/imports/new");
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", "our-figures.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/performance-indicators/imports/new", form, TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> MapAsync(HttpClient client, string path, params string[] columns) =>
        client.PostFormAsync(path + "?handler=Columns", [.. columns.Select((c, i) => ($"Columns[{i}]", c))]);

    [Fact]
    public async Task UnknownLayout_TheUserSaysWhatEachColumnHolds_PifReadsItSo_AndReadsTheNextSuchFileWithoutAsking()
    {
        await using var factory = new PifWebFactory();
        var key = await NationalKeyAsync(factory);
        await ImportAsync(factory, key, Encoding.UTF8.GetBytes(Catalogue), "catalogue.csv");
        var admin = await AsAsync(factory, NationalAdmin);

        var uploaded = await UploadPageAsync(admin, Figures);
        var path = uploaded.RequestMessage!.RequestUri!.AbsolutePath;
        var asking = await Html.ParseAsync(uploaded);
        Assert.Equal(["Authority", "Indicator", "Financial Year", "Figure", "Notes"], asking.QuerySelectorAll("#Columns label").Select(l => l.Text()));
        Assert.Null(asking.QuerySelector("#Summary"));

        var read = await Html.ParseAsync(await MapAsync(admin, path, "Council", "Code", "Period", "Value", ""));
        Assert.Equal("Pif has read the file as you said: check what importing it would do", read.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal(["2", "0", "0", "0"], read.QuerySelectorAll("#Summary td").Select(td => td.Text()));
        Assert.StartsWith("Pif read the columns as you said they hold: Authority, the council", read.QuerySelector("#Notes li").Text(), StringComparison.Ordinal);
        await admin.PostFormAsync(path);
        Assert.Equal(0.82, await factory.QueryAsync(db => db.IndicatorValues.Where(v => db.Organisations.Any(o => o.Id == v.OrganisationId && o.Name == "Glasgow City")).Select(v => v.Value).SingleAsync()));

        // The next file with the same columns, through the API, is read the same way, and says so.
        var (status, again) = await UploadAsync(factory, key, Figures.Replace("0.82", "0.85", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("LgbfLong", again.GetProperty("layout").GetString());
        Assert.Equal(1, again.GetProperty("summary").GetProperty("revised").GetInt32());
        Assert.StartsWith("Pif read the columns as you said they hold", again.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_AKindChosenTwice_OrNoValue_IsRefusedOnItsField_AndNothingIsRememberedOrImported()
    {
        await using var factory = new PifWebFactory();
        var admin = await AsAsync(factory, NationalAdmin);
        var path = (await UploadPageAsync(admin, Figures)).RequestMessage!.RequestUri!.AbsolutePath;

        var refused = await Html.ParseAsync(await MapAsync(admin, path, "Council", "Code", "Code", "", ""));
        var committed = await Html.ParseAsync(await admin.PostFormAsync(path));

        Assert.Equal("“Financial Year” and “Indicator” both hold the indicator's code: choose it for one column", refused.QuerySelector("#Columns_2_-error").Text().Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Contains("Say which column holds the period (a year such as 2022-23) and the value: every file needs a code, a period and a value", refused.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal("selected", refused.QuerySelector("#Columns_2_ option[value=Code]")!.GetAttribute("selected"));
        Assert.Contains("Say what each column of the file holds first", committed.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.ImportColumnMappings.CountAsync()));
        Assert.Equal(ImportLayout.Unknown, await factory.QueryAsync(db => db.IndicatorImports.Select(i => i.Layout).SingleAsync()));

        // A council's lead may keep a file of an unknown layout, but not have a national one read.
        var lead = await AsAsync(factory, Lead);
        var leads = (await UploadPageAsync(lead, Figures)).RequestMessage!.RequestUri!.AbsolutePath;
        var national = await Html.ParseAsync(await MapAsync(lead, leads, "Council", "Code", "Period", "Value", ""));
        Assert.Contains("This is a national file", national.QuerySelector(".ds_error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(leads, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.ImportColumnMappings.CountAsync()));
    }

    [Fact]
    public async Task Mapping_AColumnWithNoHeadingOrAnothersHeading_IsRefused_SinceItCouldNotBeRememberedApart()
    {
        await using var factory = new PifWebFactory();
        var admin = await AsAsync(factory, NationalAdmin);
        var path = (await UploadPageAsync(admin, "Authority,Indicator,Year,Figure,,Figure\nFife,SW07,2022-23,0.7,x,0.71\n")).RequestMessage!.RequestUri!.AbsolutePath;

        var refused = await Html.ParseAsync(await MapAsync(admin, path, "Council", "Code", "Period", "Value", "Title", ""));

        Assert.Equal(["Column E (no heading)"], refused.QuerySelectorAll("#Columns label").Select(l => l.Text()).Where(l => l.StartsWith("Column ", StringComparison.Ordinal)));
        Assert.Contains("Two columns are headed “Figure”, so Pif cannot tell them apart", refused.QuerySelector("#Columns_3_-error").Text(), StringComparison.Ordinal);
        Assert.Contains("This column has no heading", refused.QuerySelector("#Columns_4_-error").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.ImportColumnMappings.CountAsync()));
    }
}
