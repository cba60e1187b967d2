namespace Zhifa.Core.Geo;

/// <summary>A WGS-84 point.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    public bool IsValid => IsLatitude(Lat) && IsLongitude(Lon);

    public static bool IsLatitude(double value) => value is >= -90 and <= 90;

    // NaN fails both range tests, so no separate finiteness check is needed.
    public static bool IsLongitude(double value) => value is >= -180 and <= 180;

    /// <summary>Great-circle distance (haversine, mean Earth radius): within 0.5% of the ellipsoid, plenty for "same spot".</summary>
    public double DistanceMeters(GeoPoint other)
    {
        var dLat = ToRadians(other.Lat - Lat);
        var dLon = ToRadians(other.Lon - Lon);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(ToRadians(Lat)) * Math.Cos(ToRadians(other.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
