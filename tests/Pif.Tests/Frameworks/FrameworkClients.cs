using System.Net.Http.Headers;
using System.Text.Json;
using Pif.Testing;

namespace Pif.Tests.Frameworks;

/// <summary>Signed-in clients and API keys for the framework tests, and the import through the API and the page.</summary>
internal static class FrameworkClients
{
    public const string Admin = "national.admin@pif.example";

    public static async Task<HttpClient> SignedInAsync(PifWebFactory factory, string email = Admin)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    /// <summary>A read-write API key of the given user, made through the API keys page.</summary>
    public static async Task<HttpClient> ApiClientAsync(PifWebFactory factory, string email = Admin, string access = "read-write")
    {
        var page = await SignedInAsync(factory, email);
        var created = await page.PostFormAsync("/account/api-keys?handler=Create", ("Input.Name", $"Key {Guid.NewGuid():N}"), ("Input.Access", access), ("Input.Days", "30"));
        var key = (await Html.ParseAsync(created)).QuerySelector("#new-api-key").Text();
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return api;
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient api, byte[] file) =>
        api.PostAsync("/api/v1/frameworks", new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, TestContext.Current.CancellationToken);

    /// <summary>The problems of a refused import: (path, message) pairs.</summary>
    public static async Task<List<(string Path, string Message)>> ProblemsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("path").GetString()!, p.GetProperty("message").GetString()!)).ToList();
    }

    /// <summary>Uploads a file to the import page's preview step, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PreviewAsync(HttpClient page, byte[] file, string fileName = "framework.json")
    {
        var token = await page.GetFormTokenAsync("/frameworks/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } }, "file", fileName },
        };
        return await page.PostAsync("/frameworks/import?handler=Preview", form, TestContext.Current.CancellationToken);
    }

    /// <summary>Previews then confirms a file through the pages; returns the confirm response.</summary>
    public static async Task<HttpResponseMessage> ImportThroughPagesAsync(HttpClient page, byte[] file)
    {
        var preview = await Html.ParseAsync(await PreviewAsync(page, file));
        var content = preview.QuerySelector("input[name=FileContent]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The preview offered no import: " + preview.QuerySelector(".ds_error-summary").Text());
        return await page.PostFormAsync("/frameworks/import?handler=Confirm", ("FileContent", content));
    }
}
