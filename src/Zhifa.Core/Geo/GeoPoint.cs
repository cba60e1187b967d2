namespace Zhifa.Core.Geo;

/// <summary>A WGS-84 point.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public bool IsValid => IsLatitude(Lat) && IsLongitude(Lon);

    public static bool IsLatitude(double value) => value is >= -90 and <= 90;

    // NaN fails both range tests, so no separate finiteness check is needed.
    public static bool IsLongitude(double value) => value is >= -180 and <= 180;
}
