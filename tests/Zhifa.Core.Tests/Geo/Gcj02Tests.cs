using Zhifa.Core.Geo;

namespace Zhifa.Core.Tests.Geo;

public sealed class Gcj02Tests
{
    /// <summary>和孚镇, 南浔区: inside the platform's area.</summary>
    private static readonly GeoPoint Hefu = new(30.78, 120.27);

    [Fact]
    public void ToWgs84_WhenPublishedReferencePoint_MatchesItToFiveDecimals()
    {
        // The reference value other GCJ-02 libraries test against (lon 123, lat 45).
        var wgs = Gcj02.ToWgs84(new GeoPoint(45, 123));

        Assert.Equal(44.99804071, wgs.Lat, 5);
        Assert.Equal(122.99395597, wgs.Lon, 5);
    }

    [Fact]
    public void FromWgs84_WhenInHuzhou_ShiftsThePointByAFewHundredMetres()
    {
        var shown = Gcj02.FromWgs84(Hefu);

        Assert.InRange(Hefu.DistanceMeters(shown), 300, 700);
    }

    [Theory]
    [InlineData(30.78, 120.27)]
    [InlineData(31.18, 119.94)]
    [InlineData(39.90872, 116.39748)]
    [InlineData(22.3, 114.17)]
    public void ToWgs84_WhenGivenWhatAMapAppShows_ReturnsTheOriginalPointWithinACentimetre(double lat, double lon)
    {
        var original = new GeoPoint(lat, lon);

        var back = Gcj02.ToWgs84(Gcj02.FromWgs84(original));

        Assert.True(original.DistanceMeters(back) < 0.01, $"{back} is {original.DistanceMeters(back)} m from {original}");
    }

    [Theory]
    [InlineData(51.5, -0.12)]
    [InlineData(0.0, 0.0)]
    [InlineData(-33.9, 151.2)]
    public void ToWgs84_WhenOutsideChina_LeavesThePointAlone(double lat, double lon)
    {
        var point = new GeoPoint(lat, lon);

        Assert.Equal(point, Gcj02.ToWgs84(point));
        Assert.Equal(point, Gcj02.FromWgs84(point));
    }

    [Fact]
    public void DistanceMeters_WhenOneThousandthOfADegreeOfLatitude_IsAbout111Metres()
    {
        Assert.Equal(111.2, Hefu.DistanceMeters(Hefu with { Lat = Hefu.Lat + 0.001 }), 1);
        Assert.Equal(0, Hefu.DistanceMeters(Hefu));
    }
}
