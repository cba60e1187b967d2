using NetTopologySuite.Geometries;

namespace Zhifa.Core.Geo;

public static class Boundaries
{
    /// <summary>A point inside the shape, where a map puts its label: unlike a centroid, it lies inside even a concave or multi-part boundary.</summary>
    public static GeoPoint Inside(Geometry shape)
    {
        var point = shape.InteriorPoint;
        return new GeoPoint(point.Y, point.X);
    }
}
