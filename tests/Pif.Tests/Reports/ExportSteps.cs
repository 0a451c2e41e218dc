using System.Net;
using System.Text.Json;
using Pif.Testing;

namespace Pif.Tests.Reports;

internal static class ExportSteps
{
    /// <summary>Asks for an export by posting the page's form, waits for the background worker to finish it, and gives its page's address.</summary>
    public static async Task<string> MakeAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var response = await client.PostFormAsync(path, fields);
        var page = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/exports/", page, StringComparison.Ordinal);
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetAsync($"{page}?handler=Status", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            using var json = JsonDocument.Parse(await status.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            if (json.RootElement.GetProperty("state").GetString() is "Done" or "Failed")
            {
                return page;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"The export at {page} was not made within 30 seconds.");
    }

    /// <summary>Makes the export and downloads it.</summary>
    public static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, string path, params (string Name, string Value)[] fields)
    {
        var page = await MakeAsync(client, path, fields);
        var file = await client.GetAsync($"{page}?handler=File", TestContext.Current.CancellationToken);
        Assert.True(file.StatusCode == HttpStatusCode.OK, $"The export at {page} was not made: {(await Html.ParseAsync(await client.GetAsync(page, TestContext.Current.CancellationToken))).QuerySelector("[role=alert]").Text()}");
        return file;
    }
}
