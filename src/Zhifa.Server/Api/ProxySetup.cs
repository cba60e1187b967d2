using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Zhifa.Server.Api;

/// <summary>
/// Behind a reverse proxy, the client is the one the proxy names in <c>X-Forwarded-For</c> (and the
/// scheme in <c>X-Forwarded-Proto</c>), so that rate limits, the audit trail and links see the caller,
/// not the proxy. Only proxies on this machine (loopback) and those listed in <c>Proxy:KnownProxies</c>
/// (addresses) or <c>Proxy:KnownNetworks</c> (CIDR) are believed; anyone else's header is ignored.
/// </summary>
public static class ProxySetup
{
    public static IServiceCollection AddZhifaProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Entries(configuration, "Proxy:KnownProxies", text => IPAddress.TryParse(text, out var a) ? a : null);
        var networks = Entries(configuration, "Proxy:KnownNetworks", text => System.Net.IPNetwork.TryParse(text, out var n) ? (object)n : null)
            .Cast<System.Net.IPNetwork>().ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front: its own entry is the client's; a longer chain lists each proxy.
            o.ForwardLimit = 1 + proxies.Count + networks.Count;
            foreach (var proxy in proxies)
                o.KnownProxies.Add(proxy);
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    private static List<T> Entries<T>(IConfiguration configuration, string key, Func<string, T?> parse) where T : class =>
        [.. (configuration.GetSection(key).Get<string[]>() ?? []).Where(e => !string.IsNullOrWhiteSpace(e))
            .Select((e, i) => parse(e.Trim()) ?? throw new InvalidOperationException($"{key}:{i} = '{e}' is not an address or a network in CIDR form."))];
}
