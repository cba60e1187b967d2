namespace Zhifa.Server.Tests.Auth;

/// <summary>The tests' own TOTP helper, checked against RFC 6238's SHA-1 vectors so a failing sign-in is never its fault.</summary>
public sealed class TotpCodeTests
{
    /// <summary>RFC 6238's SHA-1 seed, the ASCII bytes "12345678901234567890", in base32.</summary>
    private const string RfcSeed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void At_WithRfc6238Vector_AnswersItsLastSixDigits(long unixSeconds, string expected) =>
        Assert.Equal(expected, TotpCode.At(RfcSeed, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Base32Decode_WithKnownKeys_AnswersTheirBytes()
    {
        Assert.Equal("12345678901234567890"u8.ToArray(), TotpCode.Base32Decode(RfcSeed));
        Assert.Equal([.. "Hello!"u8, 0xDE, 0xAD, 0xBE, 0xEF], TotpCode.Base32Decode("JBSWY3DPEHPK3PXP"));
        Assert.Equal(20, TotpCode.Base32Decode("jbswy3dpehpk3pxp jbswy3dpehpk3pxp").Length);
    }

    [Fact]
    public void Wrong_WhenComparedWithTheCodesNearNow_MatchesNone()
    {
        var wrong = TotpCode.Wrong(RfcSeed);
        Assert.Matches("^[0-9]{6}$", wrong);
        for (var steps = -TotpCode.AcceptedSteps; steps <= TotpCode.AcceptedSteps; steps++)
            Assert.NotEqual(TotpCode.At(RfcSeed, DateTimeOffset.UtcNow.AddSeconds(steps * TotpCode.StepSeconds)), wrong);
    }
}
