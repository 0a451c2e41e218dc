using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.PerformanceIndicators.IndicatorImportSteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>The import pages: upload, the preview with its counts and problems, the import itself, and who may use them.</summary>
public sealed class IndicatorImportPagesTests(PifWebFactory factory) : IClassFixture<PifWebFactory>
{
    private static async Task<HttpResponseMessage> UploadPageAsync(HttpClient client, string csv)
    {
        var token = await client.GetFormTokenAsync("/performance-indicators/imports/new");
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", "catalogue.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/performance-indicators/imports/new", form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NationalAdministrator_UploadsSeesThePreview_ImportsIt_AndTheCatalogueListsTheIndicators()
    {
        var admin = await AsAsync(factory, NationalAdmin);

        var refused = await Html.ParseAsync(await UploadPageAsync(admin, "Name,Age\nAnn,40\n"));
        var previewed = await UploadPageAsync(admin, Catalogue + "\n,SW99,,Annual,Cost,,,Ascending,,\n");
        var preview = await Html.ParseAsync(previewed);

        Assert.StartsWith("Pif does not know this file's layout.", refused.QuerySelector(".ds_inset-text p").Text(), StringComparison.Ordinal);
        Assert.Equal(["Name", "Age"], refused.QuerySelectorAll("#Columns label").Select(l => l.Text()));
        Assert.Equal("Check before importing: catalogue.csv", preview.QuerySelector("h1").Text());
        Assert.Equal(["2", "0", "0", "1"], preview.QuerySelectorAll("#Summary td").Select(td => td.Text()));
        Assert.Equal(["4", "Title", "SW99 has no title: the row is skipped"], preview.QuerySelectorAll("#Problems td").Select(td => td.Text()));
        Assert.Equal(0, await factory.QueryAsync(db => db.PerformanceIndicators.CountAsync()));

        var imported = await Html.ParseAsync(await admin.PostFormAsync(previewed.RequestMessage!.RequestUri!.AbsolutePath));
        Assert.Equal("The file has been imported", imported.QuerySelector(".ds_notification-panel__title").Text());
        Assert.Equal("Imported: catalogue.csv", imported.QuerySelector("h1").Text());
        Assert.Null(imported.QuerySelector("main form button"));
        var catalogue = await Html.ParseAsync(await (await AsAsync(factory, "viewer.glasgow@pif.example")).GetAsync("/performance-indicators", TestContext.Current.CancellationToken));
        Assert.Equal(["SW01", "SW07"], catalogue.QuerySelectorAll("tbody th").Select(th => th.Text()));
        Assert.Equal(["Adult Social Care Services"], catalogue.QuerySelectorAll("main h2").Select(h => h.Text()).Where(h => h != "Files imported"));
    }

    [Fact]
    public async Task OnlyNationalAdministrators_ImportNationalFiles_AndAnImportIsNotFoundByAnyoneElse()
    {
        var admin = await AsAsync(factory, NationalAdmin);
        var previewed = await UploadPageAsync(admin, Catalogue);
        var path = previewed.RequestMessage!.RequestUri!.AbsolutePath;

        // A council's administrators and evaluation leads open the upload page for their own indicators (LocalIndicatorImportTests).
        foreach (var (email, upload) in new[] { (Lead, HttpStatusCode.OK), ("admin.glasgow@pif.example", HttpStatusCode.OK), ("inspector@pif.example", HttpStatusCode.Forbidden) })
        {
            var client = await AsAsync(factory, email);
            Assert.Equal(upload, (await client.GetAsync("/performance-indicators/imports/new", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }

        var refused = await Html.ParseAsync(await UploadPageAsync(await AsAsync(factory, Lead), Catalogue));
        Assert.StartsWith("This is a national file", refused.QuerySelector(".ds_error-summary a").Text(), StringComparison.Ordinal);
    }
}
