namespace Zhifa.Core.Geo;

/// <summary>
/// GCJ-02, the obfuscated datum that every map app sold in China (高德, 腾讯, and 百度 before its
/// own extra shift) shows and reports. Points from those apps lie 300–700 m off their WGS-84
/// place; stored as they come, a clue would land in the neighbouring grid. The forward offset is
/// the published formula (Krasovsky ellipsoid); the inverse has no closed form, so it is found by
/// fixed-point iteration, which converges to well under a millimetre in a few steps.
/// </summary>
public static class Gcj02
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;

    /// <summary>Outside this box the apps apply no offset, so neither does the conversion.</summary>
    public static bool AppliesTo(GeoPoint p) => p.Lon is >= 72.004 and <= 137.8347 && p.Lat is >= 0.8293 and <= 55.8271;

    /// <summary>Where a map app in China would show a WGS-84 point.</summary>
    public static GeoPoint FromWgs84(GeoPoint wgs)
    {
        if (!AppliesTo(wgs))
            return wgs;
        var (dLat, dLon) = Offset(wgs);
        return new GeoPoint(wgs.Lat + dLat, wgs.Lon + dLon);
    }

    /// <summary>The WGS-84 point that a map app shows at <paramref name="gcj"/>.</summary>
    public static GeoPoint ToWgs84(GeoPoint gcj)
    {
        if (!AppliesTo(gcj))
            return gcj;
        var wgs = gcj;
        for (var step = 0; step < 10; step++)
        {
            var shown = FromWgs84(wgs);
            var (errLat, errLon) = (shown.Lat - gcj.Lat, shown.Lon - gcj.Lon);
            wgs = new GeoPoint(wgs.Lat - errLat, wgs.Lon - errLon);
            if (Math.Abs(errLat) < 1e-10 && Math.Abs(errLon) < 1e-10)
                break;
        }
        return wgs;
    }

    private static (double DLat, double DLon) Offset(GeoPoint p)
    {
        var x = p.Lon - 105.0;
        var y = p.Lat - 35.0;
        var radLat = p.Lat / 180.0 * Math.PI;
        var magic = 1 - EccentricitySquared * Math.Sin(radLat) * Math.Sin(radLat);
        var sqrtMagic = Math.Sqrt(magic);
        var dLat = LatitudeShift(x, y) * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        var dLon = LongitudeShift(x, y) * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLon);
    }

    private static double LatitudeShift(double x, double y) =>
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.Sqrt(Math.Abs(x))
        + Waves(x)
        + (20.0 * Math.Sin(y * Math.PI) + 40.0 * Math.Sin(y / 3.0 * Math.PI)) * 2.0 / 3.0
        + (160.0 * Math.Sin(y / 12.0 * Math.PI) + 320.0 * Math.Sin(y * Math.PI / 30.0)) * 2.0 / 3.0;

    private static double LongitudeShift(double x, double y) =>
        300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.Sqrt(Math.Abs(x))
        + Waves(x)
        + (20.0 * Math.Sin(x * Math.PI) + 40.0 * Math.Sin(x / 3.0 * Math.PI)) * 2.0 / 3.0
        + (150.0 * Math.Sin(x / 12.0 * Math.PI) + 300.0 * Math.Sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;

    private static double Waves(double x) =>
        (20.0 * Math.Sin(6.0 * x * Math.PI) + 20.0 * Math.Sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
}
