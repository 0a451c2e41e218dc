using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Pif.Testing;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.PerformanceIndicators;

/// <summary>Imports through the API, as another system (or a script of the national team) would.</summary>
internal static class IndicatorImportSteps
{
    public const string NationalAdmin = "national.admin@pif.example";

    public static async Task<string> NationalKeyAsync(PifWebFactory factory) => await CreateKeyAsync(await EvaluationSteps.AsAsync(factory, NationalAdmin));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(PifWebFactory factory, string key, byte[] content, string fileName = "file.csv")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", fileName);
        return await SendAsync(factory, WithKey(HttpMethod.Post, "/api/v1/indicator-imports", key, form));
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(PifWebFactory factory, string key, string csv, string fileName = "file.csv") =>
        UploadAsync(factory, key, Encoding.UTF8.GetBytes(csv), fileName);

    public static Task<(HttpStatusCode Status, JsonElement Body)> CommitAsync(PifWebFactory factory, string key, Guid id) =>
        SendAsync(factory, WithKey(HttpMethod.Post, $"/api/v1/indicator-imports/{id}/commit", key));

    /// <summary>Uploads and commits a file that must import cleanly; returns the committed import.</summary>
    public static async Task<JsonElement> ImportAsync(PifWebFactory factory, string key, byte[] content, string fileName = "file.csv")
    {
        var (status, preview) = await UploadAsync(factory, key, content, fileName);
        Assert.Equal(HttpStatusCode.Created, status);
        var (committed, body) = await CommitAsync(factory, key, preview.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, committed);
        return body;
    }

    /// <summary>A small catalogue in the LGBF indicator information layout.</summary>
    public const string Catalogue = """
        Title,Code,Code_Sortable,ReportingPeriod,MeasureType,NumberFormat,FamilyGrouping,Ranking_Type,Source,ISCategory
        Home Care Costs per Hour,SW01,SW 01,Annual,Cost,'£ '0.00,"Children, Social Work and Housing indicators",Ascending,"Local financial returns
        over two lines",Adult Social Care Services
        % of Care Services Graded Good or Better,SW07,SW 07,Annual,Percentage,0.0%,"Children, Social Work and Housing indicators",Descending,Care Inspectorate,Adult Social Care Services
        """;

    private static async Task<(HttpStatusCode, JsonElement)> SendAsync(PifWebFactory factory, HttpRequestMessage request)
    {
        var response = await RawClient(factory).SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
