using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Zhifa.Data;

namespace Zhifa.Server.Features.Audit;

/// <summary>The hash chain: SHA-256 over an entry's canonical form, which ends with the previous entry's hash.</summary>
public static class AuditChain
{
    /// <summary>
    /// A JSON array of the fields in a fixed order: unambiguous whatever the texts contain. Times in
    /// UTC to the millisecond, which both databases store exactly.
    /// </summary>
    public static string Canonical(AuditEntry e) => JsonSerializer.Serialize(new object?[]
    {
        e.Seq, e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        e.Actor, e.Ip, e.Action, e.Target, e.Status, e.Summary, e.PreviousHash,
    });

    public static string HashOf(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>The instant as the chain keeps it: whole milliseconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
}
