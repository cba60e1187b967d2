using System.Security.Cryptography;
using System.Text;

namespace Zhifa.Server.Features.ApiKeys;

/// <summary>
/// Keys are 32 random bytes, so a plain SHA-256 is enough to store them: unlike passwords they
/// cannot be guessed from a dictionary, and lookup by hash stays one indexed read.
/// </summary>
internal static class ApiKeySecrets
{
    public const string Marker = "zf_";
    public const int PrefixLength = 10;

    public static string NewKey() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Prefix(string key) => key[..Math.Min(PrefixLength, key.Length)];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
