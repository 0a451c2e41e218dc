using System.Diagnostics.Metrics;
using System.Net;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Pif.Web.Infrastructure;

/// <summary>
/// What operators watch. OpenTelemetry traces (requests, database calls) and metrics (request rate,
/// latency and errors from ASP.NET Core; database time, active users, import and export durations
/// from Pif) go to an OTLP collector when <c>OpenTelemetry:Endpoint</c> is set; the metrics are also
/// scraped as Prometheus text at <c>/metrics</c> when <c>Metrics:Enabled</c> is true, from the
/// addresses in <c>Metrics:AllowedAddresses</c> only (loopback unless set). Logs are JSON lines
/// outside Development (<c>Logging:Format</c>: <c>json</c> or <c>simple</c>), each with the request id
/// and the signed-in user's id, never an e-mail address or a password.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddPifTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var endpoint = configuration["OpenTelemetry:Endpoint"];
        var scrape = configuration.GetValue("Metrics:Enabled", false);

        var json = string.Equals(configuration["Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "simple" : "json"), "json", StringComparison.OrdinalIgnoreCase);
        if (json)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        if (string.IsNullOrWhiteSpace(endpoint) && !scrape)
        {
            return builder;
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("pif", serviceVersion: Version.Informational))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddMeter(PifMetrics.MeterName);
                if (!string.IsNullOrWhiteSpace(endpoint))
                {
                    m.AddOtlpExporter(o => o.Endpoint = new Uri(endpoint));
                }

                if (scrape)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            otel.WithTracing(t => t.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> when scraping is on: anonymous, but only from the allowed addresses (404 to anyone else).</summary>
    public static WebApplication MapPifMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue("Metrics:Enabled", false))
        {
            return app;
        }

        var allowed = (app.Configuration["Metrics:AllowedAddresses"] ?? "127.0.0.1,::1")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => IPAddress.TryParse(a, out var address) ? address : throw new InvalidOperationException($"Metrics:AllowedAddresses: \"{a}\" is not an IP address."))
            .ToList();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase), metrics => metrics.Use((context, next) =>
        {
            var from = context.Connection.RemoteIpAddress;
            if (from is null || !allowed.Any(a => a.Equals(from) || (from.IsIPv4MappedToIPv6 && a.Equals(from.MapToIPv4()))))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }

    /// <summary>Puts the signed-in user's id (never their address) on every log line of a request.</summary>
    public static IApplicationBuilder UsePifLogScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (id is null)
        {
            await next(context);
            return;
        }

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Pif.Requests");
        using (logger.BeginScope(new Dictionary<string, object> { ["UserId"] = id }))
        {
            await next(context);
        }
    });
}

/// <summary>Pif's own instruments, beside ASP.NET Core's request metrics.</summary>
public sealed class PifMetrics : IDisposable
{
    public const string MeterName = "Pif";

    private readonly Meter _meter;

    public PifMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        DatabaseTime = _meter.CreateHistogram<double>("pif.db.command.duration", "s", "Time spent in database commands");
        ImportDuration = _meter.CreateHistogram<double>("pif.import.duration", "s", "How long an import took, by what was imported");
        ExportDuration = _meter.CreateHistogram<double>("pif.export.duration", "s", "How long an export took, by what was exported");
    }

    public Histogram<double> DatabaseTime { get; }

    public Histogram<double> ImportDuration { get; }

    public Histogram<double> ExportDuration { get; }

    /// <summary>Reports the number of open sessions (people signed in) each time metrics are collected.</summary>
    public void ObserveActiveUsers(Func<long> count) =>
        _meter.CreateObservableGauge("pif.users.active", count, "{user}", "People with an open session");

    public void Dispose() => _meter.Dispose();
}

/// <summary>The running build: its version and, when built from a git checkout, its commit.</summary>
public static class Version
{
    public static string Informational { get; } =
        typeof(Version).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "unknown";
}
