using Zhifa.Core.Analysis.Hotspots;

namespace Zhifa.Core.Tests.Analysis.Hotspots;

/// <summary>The Poisson tail against values computed to 40 digits (mpmath), including far below 1e-16.</summary>
public class PoissonTailTests
{
    [Theory]
    [InlineData(3, 0.25, 0.0021614966897625126)]
    [InlineData(3, 0.5, 0.014387677966970687)]
    [InlineData(1, 1.0, 0.63212055882855768)]
    [InlineData(10, 1.0, 1.1142547833872068e-7)]
    [InlineData(12, 2.0, 1.3646151596151953e-6)]
    [InlineData(20, 1.0, 1.587527601073263e-19)]
    [InlineData(50, 2.0, 5.2143019033171681e-51)]
    [InlineData(200, 3.0, 1.7021946920587296e-281)]
    [InlineData(5, 5.0, 0.55950671493478759)]
    [InlineData(100, 100.0, 0.51329879827914866)]
    public void Tail_MatchesKnownValues_ToTwelveDigits(int k, double lambda, double expected) =>
        Assert.Equal(expected, PoissonTail.AtLeast(k, lambda), expected * 1e-12);

    [Fact]
    public void AtLeastNothing_IsCertain() => Assert.Equal(1.0, PoissonTail.AtLeast(0, 0.25));

    [Fact]
    public void Tail_FallsAsTheCountRises()
    {
        var tails = Enumerable.Range(0, 40).Select(k => PoissonTail.AtLeast(k, 3.0)).ToList();
        Assert.All(tails.Zip(tails.Skip(1)), pair => Assert.True(pair.Second < pair.First));
        Assert.All(tails, p => Assert.InRange(p, 0.0, 1.0));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ARateThatIsNotPositive_IsRefused(double lambda) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonTail.AtLeast(3, lambda));
}
