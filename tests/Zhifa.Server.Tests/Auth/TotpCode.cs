using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// RFC 6238 TOTP as authenticator apps compute it: HMAC-SHA1 over a base32 key, 30-second steps,
/// 6 digits. Identity checks codes against the real wall clock, so tests compute them from it too.
/// </summary>
internal static class TotpCode
{
    public const int StepSeconds = 30;

    /// <summary>Identity accepts a code up to this many steps either side of its own clock.</summary>
    public const int AcceptedSteps = 2;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>The code an authenticator app shows now.</summary>
    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    public static string At(string base32Key, DateTimeOffset time) => ForStep(Base32Decode(base32Key), Step(time));

    /// <summary>
    /// A well-formed code that matches none of the steps Identity accepts now, with one more step
    /// of margin either side for a clock tick between this call and the server's check.
    /// </summary>
    public static string Wrong(string base32Key)
    {
        var key = Base32Decode(base32Key);
        var now = Step(DateTimeOffset.UtcNow);
        var near = Enumerable.Range(-AcceptedSteps - 1, 2 * AcceptedSteps + 3).Select(i => ForStep(key, now + i)).ToHashSet();
        var candidate = int.Parse(ForStep(key, now), CultureInfo.InvariantCulture);
        string code;
        do
        {
            candidate = (candidate + 1) % 1_000_000;
            code = candidate.ToString("D6", CultureInfo.InvariantCulture);
        }
        while (near.Contains(code));
        return code;
    }

    public static byte[] Base32Decode(string text)
    {
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is '=' or ' ' or '-')
                continue;
            var value = Alphabet.IndexOf(c);
            if (value < 0)
                throw new FormatException($"'{c}' is not a base32 digit.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }

    private static long Step(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    private static string ForStep(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var truncated = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFF_FFFF;
        return (truncated % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}
