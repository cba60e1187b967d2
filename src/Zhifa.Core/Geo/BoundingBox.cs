using System.Globalization;

namespace Zhifa.Core.Geo;

/// <summary>An axis-aligned box in WGS-84 degrees: [south, west, north, east].</summary>
public readonly record struct BoundingBox(double South, double West, double North, double East)
{
    public double Height => North - South;
    public double Width => East - West;
    public GeoPoint Center => new((South + North) / 2, (West + East) / 2);

    public bool Contains(GeoPoint p) => p.Lat >= South && p.Lat <= North && p.Lon >= West && p.Lon <= East;

    /// <summary>The box as a closed WKT polygon (x = longitude).</summary>
    public string ToWkt() => string.Create(CultureInfo.InvariantCulture,
        $"POLYGON (({West} {South}, {East} {South}, {East} {North}, {West} {North}, {West} {South}))");

    public static BoundingBox FromArray(IReadOnlyList<double> box) =>
        box.Count == 4 ? new(box[0], box[1], box[2], box[3]) : throw new ArgumentException("A box is [south, west, north, east].", nameof(box));
}
