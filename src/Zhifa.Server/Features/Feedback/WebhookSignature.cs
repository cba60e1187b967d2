using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zhifa.Server.Features.Feedback;

/// <summary>
/// <c>X-Zhifa-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}"}</c>. The time is signed
/// with the body so that a receiver can refuse an old call replayed; v1 leaves room for another scheme.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Zhifa-Signature";
    public const string EventHeader = "X-Zhifa-Event";
    public const string DeliveryHeader = "X-Zhifa-Delivery";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string header, string body)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var given)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        var expected = Sign(secret, DateTimeOffset.FromUnixTimeSeconds(seconds), body).Split("v1=")[1];
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}
