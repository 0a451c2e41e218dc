using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using Pif.Web.Modules.Evidence;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Security.SecuritySteps;

namespace Pif.Tests.Security;

/// <summary>Finding 12: the smaller points.</summary>
public sealed class SmallerFindingsTests
{
    [Fact]
    public async Task ApiRateLimit_CountsOneKeyOnce_HoweverTheHeaderIsWritten()
    {
        const string key = "pif_rate-limit-normalised-0123456789abcdefghij";
        await using var factory = new PifWebFactory().With("Security:ApiRequestsPerMinute", "3").With("Demo:ApiKey", key);
        var client = RawClient(factory);
        var statuses = new List<HttpStatusCode>();

        foreach (var header in new[] { $"Bearer {key}", $"bearer {key}", $"Bearer  {key}", $"BEARER {key} " })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.TryAddWithoutValidation("Authorization", header);
            statuses.Add((await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ForwardedFor_IsBelievedOnlyFromAKnownProxy(bool known)
    {
        var factory = new PifWebFactory { ExtraServices = s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("127.0.0.2"))) }
            .With("Security:SignInAttemptsPerMinute", "1");
        if (known)
        {
            factory.With("Network:KnownProxies", "127.0.0.9, 127.0.0.2");
        }

        await using (factory)
        {
            var client = factory.CreateClient();
            var token = await client.GetFormTokenAsync("/sign-in");
            var statuses = new List<HttpStatusCode>();
            foreach (var forwarded in new[] { "127.0.0.5", "127.0.0.6" })
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
                {
                    Content = new FormUrlEncodedContent([new("Input.Email", $"nobody@{forwarded}.example"), new("Input.Password", "not a password"), new("__RequestVerificationToken", token)]),
                };
                request.Headers.Add("X-Forwarded-For", forwarded);
                statuses.Add((await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
            }

            var recorded = await factory.QueryAsync(db => db.AuditEntries.Where(a => a.ActorName == "nobody@127.0.0.5.example").Select(a => a.ClientAddress).SingleAsync());
            Assert.Equal(known ? [HttpStatusCode.OK, HttpStatusCode.OK] : [HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal(known ? "127.0.0.5" : "127.0.0.2", recorded);
        }
    }

    [Theory]
    [InlineData(". . ..txt", "file.txt")]
    [InlineData("report. .pdf", "report. .pdf")]
    [InlineData("notes.txt. . .", "notes.txt")]
    public void FileNames_OnlyDotsAndSpacesBeforeTheExtension_KeepTheExtension(string name, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(name));

    [Fact]
    public async Task Decide_BySomeoneWhoIsNotTheInspector_Is403BeforeTheInputIsChecked()
    {
        await using var factory = new PifWebFactory();
        var lead = await AsAsync(factory, Lead);
        var id = await StartAsync(factory, "Decide order");
        var qis = await SubmitAsync(factory, lead, id, ("2.1", 4));

        var response = await lead.PostFormAsync($"/self-evaluations/{id}/qis/{qis["2.1"]}?handler=Decide", ("Decision.Reasons", ""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Uploads_AreBufferedInPifsOwnFolder_WhichStartUpClears()
    {
        await using var factory = new PifWebFactory();
        _ = factory.Server;
        var folder = Environment.GetEnvironmentVariable("ASPNETCORE_TEMP");
        Assert.False(string.IsNullOrEmpty(folder));
        var stale = Path.Combine(folder!, "ASPNETCORE_stale-from-a-killed-process.tmp");
        await File.WriteAllTextAsync(stale, "left behind", TestContext.Current.CancellationToken);

        await using (var second = new PifWebFactory())
        {
            _ = second.Server;
        }

        Assert.False(File.Exists(stale));
        // A client that follows redirects would buffer the whole body before sending it.
        var owner = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        await owner.PostFormAsync("/sign-in", ("Input.Email", Contributor1), ("Input.Password", PifWebFactory.DemoPassword));
        var token = await owner.GetFormTokenAsync("/evidence/add");
        var body = new PausingUpload(token);
        var upload = owner.PostAsync("/evidence/add", body, TestContext.Current.CancellationToken);
        await body.Paused.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        // Look for the open buffer file among this process's file handles: another test host starting
        // meanwhile empties the folder, which unlinks the file but leaves the upload's handle working.
        var buffered = await WaitForAsync(() => OpenFiles().Any(target => target.StartsWith(Path.Combine(folder!, "ASPNETCORE_"), StringComparison.Ordinal)));
        body.Resume.SetResult();
        await upload;

        Assert.True(buffered, $"No upload was buffered in {folder}.");
    }

    /// <summary>What this process's file handles point at (Linux), skipping handles that close while they are read.</summary>
    private static List<string> OpenFiles()
    {
        var targets = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                targets.Add(new FileInfo(fd).LinkTarget ?? "");
            }
            catch (IOException)
            {
            }
        }

        return targets;
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }

    /// <summary>A form with a 1 MiB file that stops half-way until the test has looked for its buffer.</summary>
    private sealed class PausingUpload : HttpContent
    {
        private const string Boundary = "pif-buffer-boundary";
        private readonly string _token;

        public PausingUpload(string token)
        {
            _token = token;
            Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        }

        public TaskCompletionSource Paused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Resume { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{_token}\r\n" +
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"Files\"; filename=\"half.txt\"\r\nContent-Type: text/plain\r\n\r\n"));
            var text = Encoding.ASCII.GetBytes(new string('a', 512 * 1024));
            await stream.WriteAsync(text);
            await stream.FlushAsync();
            Paused.SetResult();
            await Resume.Task;
            await stream.WriteAsync(text);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
