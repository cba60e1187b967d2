using Zhifa.Core.Time;

namespace Zhifa.Core.Tests.Time;

public sealed class PlatformTimeTests
{
    [Fact]
    public void TryParse_WhenTimeHasNoOffset_ReadsItAsShanghaiTime()
    {
        Assert.True(PlatformTime.TryParse("2026-11-28T09:30:00", out var instant));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void TryParse_WhenOnlyADate_ReadsTheStartOfThatDayInShanghai()
    {
        Assert.True(PlatformTime.TryParse("2026-11-28", out var instant));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Theory]
    [InlineData("2026-11-28T09:30:00+08:00")]
    [InlineData("2026-11-28T01:30:00Z")]
    [InlineData("2026-11-28T02:30:00+01:00")]
    public void TryParse_WhenTimeHasAnOffset_KeepsTheInstant(string text)
    {
        Assert.True(PlatformTime.TryParse(text, out var instant));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 1, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("11/28/2026")]
    [InlineData("28 Nov 2026 09:30")]
    [InlineData("0001-01-01")]
    [InlineData("0001-01-01T07:59:59")]
    [InlineData(null)]
    public void TryParse_WhenNotATime_Fails(string? text) => Assert.False(PlatformTime.TryParse(text, out _));

    [Fact]
    public void LocalDate_WhenUtcIsStillTheDayBefore_GivesTheShanghaiDate() =>
        Assert.Equal(new DateOnly(2026, 11, 28), PlatformTime.LocalDate(new DateTimeOffset(2026, 11, 27, 16, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void ToLocal_WhenGivenUtc_ShowsPlusEight() =>
        Assert.Equal(TimeSpan.FromHours(8), PlatformTime.ToLocal(DateTimeOffset.UnixEpoch).Offset);

    [Fact]
    public void TryParse_WhenBareDateIsARangeEnd_ReadsTheEndOfThatDay()
    {
        Assert.True(PlatformTime.TryParse("2026-11-28", out var end, endOfDay: true));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.FromHours(8)), end);
    }

    [Fact]
    public void TryParse_WhenTimeIsARangeEnd_KeepsTheTime()
    {
        Assert.True(PlatformTime.TryParse("2026-11-28T10:00:00", out var end, endOfDay: true));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)), end);
    }
}
