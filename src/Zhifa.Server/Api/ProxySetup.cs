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
        var proxies = ConfiguredAddresses.Addresses(configuration, "Proxy:KnownProxies");
        var networks = ConfiguredAddresses.Networks(configuration, "Proxy:KnownNetworks");
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
}
