using Zhifa.Core.Analysis.Hotspots;

namespace Zhifa.Core.Tests.Analysis.Hotspots;

/// <summary>Hand-built reports for the hotspot rules: 和孚镇 in 南浔区, near its centre, unless told otherwise.</summary>
internal static class Reports
{
    public const string Nanxun = "330503";
    public const string Hefu = "330503106";
    public const string Changxing = "330522";
    public const double Lat = 30.78, Lon = 120.17;

    /// <summary>Monday 2026-11-23 00:00 Beijing time: the tested week in most tests.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));

    public static SpotReport At(DateTimeOffset at, string? matter = "SR01", string? grid = "G1", double lat = Lat, double lon = Lon,
        string county = Nanxun, string? township = Hefu, string channel = "grid") =>
        new(Guid.NewGuid(), at, matter, grid, lat, lon, county, township, channel);

    /// <summary>A point <paramref name="meters"/> north of (<see cref="Lat"/>, <see cref="Lon"/>).</summary>
    public static double North(double meters) => Lat + meters / 111_195.0;
}
