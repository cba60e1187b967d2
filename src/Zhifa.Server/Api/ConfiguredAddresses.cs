using System.Net;

namespace Zhifa.Server.Api;

/// <summary>
/// Lists of addresses and CIDR networks in configuration (<c>Key:0</c>, <c>Key:1</c>, …): blank
/// entries skipped, a mistyped one stopping the start with the setting it is in.
/// </summary>
public static class ConfiguredAddresses
{
    public static List<IPNetwork> Networks(IConfiguration configuration, string key) =>
        Read(configuration, key, "a network in CIDR form, such as 10.8.0.0/16", text => (IPNetwork.TryParse(text, out var n), n));

    public static List<IPAddress> Addresses(IConfiguration configuration, string key) =>
        Read(configuration, key, "an IP address", text => (IPAddress.TryParse(text, out var a), a!));

    private static List<T> Read<T>(IConfiguration configuration, string key, string expected, Func<string, (bool Parsed, T Value)> parse) =>
        [.. (configuration.GetSection(key).Get<string[]>() ?? []).Select((text, i) => (text, i)).Where(e => !string.IsNullOrWhiteSpace(e.text))
            .Select(e => parse(e.text.Trim()) is (true, var value) ? value
                : throw new InvalidOperationException($"{key}:{e.i} = '{e.text}' is not {expected}."))];
}
