using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Pif.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy, the client's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, believed only from the proxies named in <c>Network:KnownProxies</c> (addresses)
/// and <c>Network:KnownNetworks</c> (CIDR ranges), so rate limits and the audit log see the client.
/// Without either, the headers are ignored.
/// </summary>
internal static class ForwardedHeaders
{
    public static WebApplicationBuilder AddPifForwardedHeaders(this WebApplicationBuilder builder)
    {
        var proxies = Values(builder.Configuration, "Network:KnownProxies")
            .Select(v => IPAddress.TryParse(v, out var address) ? address : throw new InvalidOperationException($"Network:KnownProxies: \"{v}\" is not an IP address.")).ToList();
        var networks = Values(builder.Configuration, "Network:KnownNetworks")
            .Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw new InvalidOperationException($"Network:KnownNetworks: \"{v}\" is not a range such as 10.0.0.0/8.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        builder.Services.AddSingleton(new TrustedProxies(proxies.Count + networks.Count > 0));
        return builder;
    }

    public static IApplicationBuilder UsePifForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<TrustedProxies>().Any ? app.UseForwardedHeaders() : app;

    /// <summary>A list as configuration arrays (<c>Key:0</c>, <c>Key:1</c>) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(ConfigurationManager configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return items.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal);
    }

    private sealed record TrustedProxies(bool Any);
}
