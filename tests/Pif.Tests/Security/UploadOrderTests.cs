using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Pif.Testing;
using static Pif.Testing.EvaluationSteps;
using static Pif.Tests.Evidence.EvidenceSteps;

namespace Pif.Tests.Security;

/// <summary>Finding 6: an upload through the pages is refused before its body is read when the item or the right is missing.</summary>
public sealed class UploadOrderTests(UploadOrderTests.CountingFactory factory) : IClassFixture<UploadOrderTests.CountingFactory>
{
    private const long Huge = 110L * 1024 * 1024;

    [Theory]
    [InlineData("viewer.glasgow@pif.example", "own item", HttpStatusCode.NotFound)]
    [InlineData("contributor2.glasgow@pif.example", "own item", HttpStatusCode.Forbidden)]
    [InlineData("lead.fife@pif.example", "own item", HttpStatusCode.NotFound)]
    [InlineData("contributor2.glasgow@pif.example", "random id", HttpStatusCode.NotFound)]
    [InlineData("viewer.glasgow@pif.example", "add", HttpStatusCode.Forbidden)]
    [InlineData("inspector@pif.example", "add", HttpStatusCode.Forbidden)]
    public async Task Upload_WithoutTheRight_IsRefusedBeforeTheBodyIsRead(string who, string target, HttpStatusCode expected)
    {
        var owner = await AsAsync(factory, Contributor1);
        var added = await AddAsync(owner, $"Upload order {Guid.NewGuid():N}", "StaffSurvey", ("a.pdf", Pdf));
        var item = Guid.Parse(added.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[^1]);
        // A client that follows redirects holds the whole body back until it has buffered it; this one streams.
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/sign-in", ("Input.Email", who), ("Input.Password", PifWebFactory.DemoPassword))).StatusCode);
        var path = target switch
        {
            "own item" => $"/evidence/{item}?handler=Upload",
            "random id" => $"/evidence/{Guid.NewGuid()}?handler=Upload",
            _ => "/evidence/add",
        };
        var token = await client.GetFormTokenAsync("/");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new HugeBody(token) };
        var mark = Guid.NewGuid().ToString("N");
        request.Headers.Add(CountingFactory.Header, mark);

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        var read = factory.BytesRead(mark);
        Assert.True(read < 1024 * 1024, $"The server read {read:N0} bytes of a refused upload.");
    }

    /// <summary>The app, counting how many bytes of each marked request's body it reads.</summary>
    public sealed class CountingFactory : PifWebFactory
    {
        public const string Header = "X-Pif-Test-Count";

        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _read = new(StringComparer.Ordinal);

        public CountingFactory() => ExtraServices = s => s.AddSingleton<IStartupFilter>(new Counting(_read));

        public long BytesRead(string mark) => _read.GetValueOrDefault(mark);

        private sealed class Counting(System.Collections.Concurrent.ConcurrentDictionary<string, long> read) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    if (context.Request.Headers[Header].ToString() is { Length: > 0 } mark)
                    {
                        context.Request.Body = new CountingStream(context.Request.Body, n => read.AddOrUpdate(mark, n, (_, total) => total + n));
                    }

                    return following(context);
                });
                next(app);
            };
        }

        private sealed class CountingStream(Stream inner, Action<int> counted) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                Counted(await inner.ReadAsync(buffer, cancellationToken));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            private int Counted(int n)
            {
                counted(n);
                return n;
            }
        }
    }

    /// <summary>A multipart form whose one file is 110 MiB of zeros, made as it is sent.</summary>
    private sealed class HugeBody : HttpContent
    {
        private const string Boundary = "pif-upload-order-boundary";
        private readonly string _token;

        public HugeBody(string token)
        {
            _token = token;
            Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var head = Encoding.ASCII.GetBytes(
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{_token}\r\n" +
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"Files\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n");
            await stream.WriteAsync(head);
            var chunk = new byte[64 * 1024];
            try
            {
                for (long written = 0; written < Huge; written += chunk.Length)
                {
                    await stream.WriteAsync(chunk);
                }

                await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                // The server answered without reading the rest: what this test hopes for.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
