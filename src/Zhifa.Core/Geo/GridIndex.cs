using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;
using Zhifa.Core.Organization;

namespace Zhifa.Core.Geo;

/// <summary>
/// Point → grid → township → county, through an STRtree of the grid polygons built once at start.
/// Read-only after construction, so one instance serves every request concurrently.
/// </summary>
public sealed class GridIndex
{
    private readonly STRtree<Cell> _tree = new();
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    public GridIndex(IEnumerable<Grid> grids)
    {
        var reader = new WKTReader(_factory.GeometryServices);
        foreach (var grid in grids)
        {
            var polygon = reader.Read(grid.BoundaryWkt);
            var prepared = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(polygon);
            _tree.Insert(polygon.EnvelopeInternal, new Cell(prepared, new GridLocation(grid.Code, grid.TownshipCode, grid.CountyCode)));
            Count++;
        }
        _tree.Build();
    }

    public int Count { get; }

    /// <summary>The grid covering the point, or null when the point lies outside every grid.</summary>
    public GridLocation? Locate(GeoPoint point)
    {
        if (!point.IsValid)
            return null;
        var p = _factory.CreatePoint(new Coordinate(point.Lon, point.Lat));
        // A point on a shared edge is covered by both neighbours; the lowest code wins, so the answer is stable.
        return _tree.Query(p.EnvelopeInternal)
            .Where(c => c.Shape.Covers(p))
            .Select(c => c.Location)
            .MinBy(l => l.GridCode, StringComparer.Ordinal);
    }

    private sealed record Cell(NetTopologySuite.Geometries.Prepared.IPreparedGeometry Shape, GridLocation Location);
}
