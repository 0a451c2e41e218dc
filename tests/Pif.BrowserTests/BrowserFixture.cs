using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Pif.Testing;
using Pif.Web.Data;
using Pif.Web.Modules.Organisations.Accounts;

[assembly: AssemblyFixture(typeof(Pif.BrowserTests.BrowserFixture))]

namespace Pif.BrowserTests;

/// <summary>
/// One real Kestrel host on a throwaway database and one Debian Chromium for the whole run.
/// Playwright drives the system browser (<see cref="Chromium"/>); it never downloads one.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PifWebFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>
    /// The system Chromium the tests drive, and the app prints PDFs with: PIF_CHROMIUM, else Debian's headless shell
    /// (ADR 11), else its full browser.
    /// </summary>
    public static string Chromium => Environment.GetEnvironmentVariable("PIF_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists(HeadlessShell) || !File.Exists(FullBrowser) ? HeadlessShell : FullBrowser;

    private const string HeadlessShell = "/usr/bin/chromium-headless-shell";

    private const string FullBrowser = "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        BaseAddress = Serve(Factory);

        var chromium = Chromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"No Chromium at {chromium}: install Debian's chromium-headless-shell package or set PIF_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>Starts the host on a real Kestrel port of its own, for the browser; returns its address.</summary>
    public static Uri Serve(PifWebFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>A new user of Fife (a viewer), for journeys that change an account so must not share one.</summary>
    public async Task<string> CreateUserAsync(string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}@fife.example";
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PifUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new PifUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, PifWebFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var fife = await db.Organisations.Where(o => o.Name == "Fife").Select(o => o.Id).SingleAsync();
        db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = fife, Role = OrganisationRole.Viewer });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>
    /// A fresh browser context (no cookies), with JavaScript on or off; dispose it when done.
    /// A step that hangs fails after 20 seconds rather than holding up the run. Motion is reduced, as a person may set it. Its pages go to the shared host
    /// unless a journey with a host of its own gives that host's address.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(bool javaScript, int width = 1280, int height = 900, Uri? host = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = (host ?? BaseAddress).ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "en-GB",
            // The design system scrolls smoothly unless motion is reduced, and Playwright waits for an element
            // to stop moving before it clicks: smooth scrolling held up nearly every click by a third of a second.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(20_000);
        var errors = new List<string>();
        ConsoleErrors.Add(context, errors);
        context.WebError += (_, error) => Record(errors, $"uncaught: {error.Error}");
        context.Console += (_, message) =>
        {
            // A page the test asked for with an error status logs that status as a failed load of the
            // page itself; any other failed load (a stylesheet, a script) is a real error.
            if (message.Type == "error" && !(message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Page is { } page && message.Location.StartsWith(page.Url + ":", StringComparison.Ordinal)))
            {
                Record(errors, $"{message.Text} at {message.Location}");
            }
        };
        return context;
    }

    /// <summary>The console errors and uncaught exceptions each context's pages have produced so far.</summary>
    public static IReadOnlyList<string> ConsoleErrorsOf(IBrowserContext context)
    {
        if (!ConsoleErrors.TryGetValue(context, out var errors))
        {
            return [];
        }

        lock (errors)
        {
            return [.. errors];
        }
    }

    private static void Record(List<string> errors, string error)
    {
        lock (errors)
        {
            errors.Add(error);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IBrowserContext, List<string>> ConsoleErrors = [];

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
