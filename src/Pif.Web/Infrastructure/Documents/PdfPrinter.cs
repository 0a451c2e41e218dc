using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Pif.Web.Infrastructure.Documents;

/// <summary>Where the headless Chromium that prints PDFs is (ADR 9).</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>The Chromium executable; Debian's package puts it here. Without it, PDFs are not offered and the HTML print view is.</summary>
    public string Chromium { get; set; } = "/usr/bin/chromium";

    /// <summary>How many PDFs print at once on this node; more wait their turn, so a burst of exports cannot exhaust memory.</summary>
    public int Concurrency { get; set; } = 2;
}

/// <summary>
/// Prints a self-contained HTML document to a tagged PDF with bookmarks from its headings, in one headless Chromium
/// kept for the life of the app (launching costs about half a second; a page, a tenth). The document must carry its
/// own styles and pictures (data: addresses): it is printed from a string, with scripts and every network request
/// refused by the content security policy it is wrapped in, so what a user wrote can never reach out.
/// </summary>
public sealed partial class PdfPrinter(IOptions<PdfOptions> options, ILogger<PdfPrinter> logger) : IAsyncDisposable
{
    /// <summary>The policy the printed document runs under: its own inline styles and data: pictures, nothing else.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private readonly SemaphoreSlim launching = new(1, 1);
    private readonly SemaphoreSlim printing = new(Math.Max(1, options.Value.Concurrency));
    private IBrowser? browser;

    public bool IsAvailable => File.Exists(options.Value.Chromium);

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        await printing.WaitAsync(cancellationToken);
        try
        {
            var chromium = await BrowserAsync(cancellationToken);
            await using var page = await chromium.NewPageAsync();
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetContentAsync(html, new SetContentOptions { WaitUntil = [WaitUntilNavigation.Load] });
            cancellationToken.ThrowIfCancellationRequested();
            return await page.PdfDataAsync(new PuppeteerSharp.PdfOptions
            {
                Format = PaperFormat.A4,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                MarginOptions = new MarginOptions { Top = "20mm", Bottom = "20mm", Left = "18mm", Right = "18mm" },
            });
        }
        finally
        {
            printing.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (browser is { IsConnected: true } open)
        {
            return open;
        }

        await launching.WaitAsync(cancellationToken);
        try
        {
            if (browser is { IsConnected: true } started)
            {
                return started;
            }

            if (browser is not null)
            {
                LogRelaunch(logger);
                await browser.DisposeAsync();
            }

            browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = options.Value.Chromium,
                Headless = true,
                // Chromium will not start its sandbox as root (containers, CI); the document it prints runs no script and loads nothing.
                Args = Environment.UserName == "root"
                    ? ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
                    : ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            });
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        launching.Dispose();
        printing.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF printer's Chromium had gone; starting it again")]
    private static partial void LogRelaunch(ILogger logger);
}
