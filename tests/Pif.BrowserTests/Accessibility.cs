using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pif.BrowserTests;

internal static partial class Accessibility
{
    private static readonly ConditionalWeakTable<IPage, IPage> Checkers = [];

    /// <summary>
    /// Fails on any console error or uncaught exception the page's context has reported so far, then
    /// runs axe with its default rules (best practice included, none disabled) and fails on any
    /// violation, naming each rule and the elements that broke it.
    /// </summary>
    /// <remarks>
    /// axe is JavaScript, which cannot run in a page opened with JavaScript off. Such a page is
    /// checked as a copy: its HTML exactly as served (scripts removed, so nothing changes it),
    /// at the same address and size, with the same stylesheets, in a context where axe can run:
    /// the first copy is loaded at the page's address, and later ones written over it.
    /// </remarks>
    public static async Task AssertNoViolationsAsync(this IPage page, BrowserFixture browser, bool javaScript)
    {
        var errors = BrowserFixture.ConsoleErrorsOf(page.Context);
        Assert.True(errors.Count == 0, $"The browser reported errors by {page.Url}:\n" + string.Join("\n", errors));
        if (javaScript)
        {
            await CheckAsync(page);
            await Screenshots.SaveAsync(page, javaScript);
            return;
        }

        var html = ScriptElement().Replace(await page.ContentAsync(), "");
        var copy = await CheckerForAsync(page, browser);
        var url = page.Url;
        if (copy.Url != "about:blank" && new Uri(copy.Url).GetLeftPart(UriPartial.Authority) == new Uri(url).GetLeftPart(UriPartial.Authority))
        {
            // Written into the checker's own document, which keeps axe loaded: navigating to each copy
            // cost a load and axe's half a megabyte compiled again, doubling the time of every check.
            await copy.EvaluateAsync("""
                ([html, url]) => {
                    history.replaceState(null, '', url);
                    document.open();
                    document.write(html);
                    document.close();
                }
                """, new[] { html, url });
            await copy.WaitForFunctionAsync("() => document.readyState === 'complete'");
        }
        else
        {
            await copy.RouteAsync(url, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
            try
            {
                await copy.GotoAsync(url);
            }
            finally
            {
                await copy.UnrouteAsync(url);
            }
        }

        await CheckAsync(copy);
        await Screenshots.SaveAsync(copy, javaScript);
    }

    /// <summary>
    /// The page (JavaScript on, same size) that checks the copies of one JavaScript-off page: made on the
    /// first check and closed with the page's context, since a browser context for every check costs
    /// the machine a renderer process each time.
    /// </summary>
    private static async Task<IPage> CheckerForAsync(IPage page, BrowserFixture browser)
    {
        var size = page.ViewportSize!;
        if (Checkers.TryGetValue(page, out var checker))
        {
            if (checker.ViewportSize is { } current && (current.Width != size.Width || current.Height != size.Height))
            {
                await checker.SetViewportSizeAsync(size.Width, size.Height);
            }

            return checker;
        }

        var context = await browser.NewContextAsync(javaScript: true, size.Width, size.Height);
        checker = await context.NewPageAsync();
        page.Context.Close += (_, _) => _ = context.CloseAsync();
        Checkers.Add(page, checker);
        return checker;
    }

    /// <summary>
    /// Runs axe (every rule but the experimental ones, as <c>RunAxe</c> does) and fails with its violations.
    /// axe is put on the page once and asked for violations only: the package's <c>RunAxe</c> injected
    /// it and read every result back on each call, which took two to three seconds a page where axe
    /// itself takes a tenth of that.
    /// </summary>
    private static async Task CheckAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var problems = await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        Assert.True(problems.Length == 0, $"axe found problems on {page.Url}:\n" + string.Join("\n", problems));
    }

    private static readonly Lazy<string> AxeSource = new(() => new Deque.AxeCore.Commons.BundledAxeScriptProvider().GetScript());

    [GeneratedRegex(@"<script\b[^>]*>.*?</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}

/// <summary>Saves a screenshot of every checked page when PIF_SCREENSHOTS names a folder, for people to look at.</summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, bool javaScript)
    {
        var folder = Environment.GetEnvironmentVariable("PIF_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var name = new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-');
        var file = $"{(name.Length == 0 ? "home" : name)}-{(javaScript ? "js" : "nojs")}-{page.ViewportSize?.Width}.png";
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, file), FullPage = true });
    }
}
