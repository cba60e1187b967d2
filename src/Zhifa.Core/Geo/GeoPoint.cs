namespace Zhifa.Core.Geo;

/// <summary>A WGS-84 point.</summary>
public readonly record struct GeoPoint(double Lat, double Lon)
{
    public bool IsValid => Lat is >= -90 and <= 90 && Lon is >= -180 and <= 180 && double.IsFinite(Lat) && double.IsFinite(Lon);
}
