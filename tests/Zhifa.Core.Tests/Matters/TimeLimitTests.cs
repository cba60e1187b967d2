using Zhifa.Core.Matters;

namespace Zhifa.Core.Tests.Matters;

public class TimeLimitTests
{
    [Theory]
    [InlineData("2wh", 2, TimeLimitUnit.WorkingHours)]
    [InlineData("1wd", 1, TimeLimitUnit.WorkingDays)]
    [InlineData("30nm", 30, TimeLimitUnit.NaturalMinutes)]
    [InlineData("4nh", 4, TimeLimitUnit.NaturalHours)]
    public void Parse_WhenValidText_ReadsAmountAndUnit(string text, int amount, TimeLimitUnit unit)
    {
        Assert.Equal(new TimeLimit(amount, unit), TimeLimit.Parse(text));
    }

    [Theory]
    [InlineData("2wh")]
    [InlineData("1wd")]
    [InlineData("30nm")]
    [InlineData("4nh")]
    public void ToString_WhenParsed_GivesTheTextBack(string text)
    {
        Assert.Equal(text, TimeLimit.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0wh")]
    [InlineData("2xx")]
    [InlineData("-1wd")]
    [InlineData("wh")]
    [InlineData(" 2wh")]
    [InlineData("2WH")]
    public void TryParse_WhenBadText_ReturnsFalse(string text)
    {
        Assert.False(TimeLimit.TryParse(text, out var limit));
        Assert.Equal(default, limit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0wh")]
    [InlineData("2xx")]
    [InlineData("-1wd")]
    [InlineData("wh")]
    public void Parse_WhenBadText_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => TimeLimit.Parse(text));
    }

    [Fact]
    public void TryParse_WhenNull_ReturnsFalse()
    {
        Assert.False(TimeLimit.TryParse(null, out _));
    }
}
