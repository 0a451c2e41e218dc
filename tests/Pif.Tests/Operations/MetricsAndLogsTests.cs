using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Pif.Testing;

namespace Pif.Tests.Operations;

/// <summary>What operators watch: Prometheus metrics that promtool accepts, and JSON log lines with the request and user ids.</summary>
public sealed class MetricsAndLogsTests
{
    [Fact]
    public async Task Metrics_ScrapedFromAnAllowedAddress_AreValidPrometheusText_WithRequestDatabaseAndUserFigures()
    {
        await using var factory = Scraped("127.0.0.1");
        var client = factory.CreateClient();
        await client.SignInAsync("lead.glasgow@pif.example");
        await client.GetAsync("/self-evaluations", TestContext.Current.CancellationToken);

        var text = await ScrapeUntilAsync(client, "pif_users_active");

        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("pif_db_command_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("pif_users_active", text, StringComparison.Ordinal);
        var promtool = Environment.GetEnvironmentVariable("PIF_PROMTOOL") is { Length: > 0 } configured ? configured : "/usr/bin/promtool";
        if (!File.Exists(promtool))
        {
            var why = $"No promtool at {promtool}: install Debian's prometheus package (scripts/test.sh does as root) or set PIF_PROMTOOL.";
            Assert.SkipWhen(Environment.GetEnvironmentVariable("PIF_REQUIRE_ALL") != "1", why);
            Assert.Fail(why);
        }

        var check = Process.Start(new ProcessStartInfo(promtool, ["check", "metrics"]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        await check.StandardInput.WriteAsync(text);
        check.StandardInput.Close();
        var said = await check.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken) + await check.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await check.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(check.ExitCode == 0, "promtool check metrics: " + said);
    }

    [Fact]
    public async Task Metrics_FromAnyOtherAddress_AreNotThere()
    {
        await using var factory = Scraped("127.0.0.7");

        var response = await factory.CreateClient().GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Logs_OutsideDevelopment_AreJsonLines_WithTheRequestAndUserIds_AndNoAddresses()
    {
        var captured = new CapturingLoggerProvider();
        await using var factory = new PifWebFactory
        {
            ExtraServices = s =>
            {
                s.AddSingleton<ILoggerProvider>(captured);
                s.AddSingleton<IStartupFilter>(new LogProbe());
            },
        };
        var client = factory.CreateClient();
        await client.SignInAsync("contributor1.fife@pif.example");

        await client.GetAsync("/log-probe", TestContext.Current.CancellationToken);

        Assert.Equal(ConsoleFormatterNames.Json, factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var probe = Assert.Single(captured.Entries, e => e.Message == "Probe");
        Assert.Contains(probe.Scope, p => p.Key == "RequestId");
        var user = await Security.SecuritySteps.UserIdAsync(factory, "contributor1.fife@pif.example");
        Assert.Contains(probe.Scope, p => p.Key == "UserId" && p.Value == user.ToString());
        Assert.DoesNotContain(captured.Entries.SelectMany(e => e.Scope.Select(p => p.Value).Append(e.Message)), v => v.Contains("@pif.example", StringComparison.Ordinal));
    }

    private static PifWebFactory Scraped(string from) => new PifWebFactory { ExtraServices = s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse(from))) }
        .With("Metrics:Enabled", "true");

    /// <summary>The exporter collects on a timer of its own: scrape until the figure has appeared.</summary>
    private static async Task<string> ScrapeUntilAsync(HttpClient client, string name)
    {
        var text = "";
        for (var i = 0; i < 50 && !text.Contains(name, StringComparison.Ordinal); i++)
        {
            var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            await Task.Delay(i == 0 ? 0 : 200, TestContext.Current.CancellationToken);
        }

        return text;
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

    /// <summary>Answers a signed-in request that matched no page by writing one log line, inside the app's own scopes.</summary>
    private sealed class LogProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                Probed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Pif.Tests.Probe"), null);
                return Task.CompletedTask;
            });
        };
    }

    private static readonly Action<ILogger, Exception?> Probed = LoggerMessage.Define(LogLevel.Warning, new EventId(1, "Probe"), "Probe");

    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public System.Collections.Concurrent.ConcurrentBag<(string Message, List<KeyValuePair<string, string>> Scope)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scope = new List<KeyValuePair<string, string>>();
                provider._scopes.ForEachScope((s, list) =>
                {
                    if (s is IEnumerable<KeyValuePair<string, object>> pairs)
                    {
                        list.AddRange(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value?.ToString() ?? "")));
                    }
                }, scope);
                provider.Entries.Add((formatter(state, exception), scope));
            }
        }
    }
}
