using System.Net;
using Zhifa.Server.Api;

namespace Zhifa.Server.Observability;

/// <summary>
/// Who may scrape <c>/metrics</c>: the machine itself (loopback, or no network at all: an in-process
/// or Unix-socket caller), and the networks in <c>Observability:MetricsNetworks</c> (CIDR, e.g. the
/// monitoring subnet). The figures say how busy each centre is; to anyone else the endpoint does not
/// exist (404). A reverse proxy on the same machine reaches the server from loopback, so it must not
/// pass <c>/metrics</c> on (docs/observability.md).
/// </summary>
public sealed class MetricsAccess(IConfiguration configuration)
{
    public const string Path = "/metrics";

    private readonly List<IPNetwork> _networks = ConfiguredAddresses.Networks(configuration, "Observability:MetricsNetworks");

    public bool Allows(IPAddress? address)
    {
        if (address is null)
            return true;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return IPAddress.IsLoopback(address) || _networks.Any(n => n.Contains(address));
    }

    /// <summary>Answers 404 to a scrape from elsewhere, before the exporter sees it.</summary>
    public async Task GuardAsync(HttpContext http, Func<Task> next)
    {
        // A request a proxy passed on names its client: it comes from outside, whatever address the proxy has.
        if (http.Request.Path.StartsWithSegments(Path)
            && (!Allows(http.Connection.RemoteIpAddress) || http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("X-Real-IP")))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await next();
    }
}
