using Zhifa.Core.Geo;
using Zhifa.Core.Organization;

namespace Zhifa.Core.Tests.Geo;

public class GridIndexTests
{
    // Two grids side by side in 和孚镇, sharing the edge at longitude 120.20.
    private static readonly BoundingBox WestBox = new(30.70, 120.10, 30.80, 120.20);
    private static readonly BoundingBox EastBox = new(30.70, 120.20, 30.80, 120.30);

    private static Grid Grid(string code, BoundingBox box) => new()
    {
        Code = code,
        Name = code,
        TownshipCode = "330503106",
        CountyCode = "330503",
        BoundaryWkt = box.ToWkt(),
        CenterLat = box.Center.Lat,
        CenterLon = box.Center.Lon,
    };

    private static GridIndex Index() =>
        new([Grid("330503106-G02", WestBox), Grid("330503106-G01", EastBox)]);

    [Fact]
    public void Constructor_WhenGridsGiven_CountsThem()
    {
        Assert.Equal(2, Index().Count);
    }

    [Fact]
    public void Locate_WhenPointInsideGrid_ReturnsThatGrid()
    {
        var location = Index().Locate(new GeoPoint(30.75, 120.15));

        Assert.Equal(new GridLocation("330503106-G02", "330503106", "330503"), location);
    }

    [Fact]
    public void Locate_WhenPointInsideOtherGrid_ReturnsThatGrid()
    {
        Assert.Equal("330503106-G01", Index().Locate(new GeoPoint(30.75, 120.25))?.GridCode);
    }

    [Fact]
    public void Locate_WhenPointOutsideEveryGrid_ReturnsNull()
    {
        Assert.Null(Index().Locate(new GeoPoint(30.90, 120.15)));
    }

    [Fact]
    public void Locate_WhenPointInvalid_ReturnsNull()
    {
        Assert.Null(Index().Locate(new GeoPoint(200, 120.15)));
    }

    [Fact]
    public void Locate_WhenPointNotFinite_ReturnsNull()
    {
        Assert.Null(Index().Locate(new GeoPoint(double.NaN, 120.15)));
    }

    [Fact]
    public void Locate_WhenPointOnSharedEdge_ReturnsLowestCode()
    {
        var onEdge = new GeoPoint(30.75, 120.20);

        Assert.Equal("330503106-G01", Index().Locate(onEdge)?.GridCode);
    }

    [Fact]
    public void Locate_WhenPointOnSharedEdge_IgnoresInsertionOrder()
    {
        var reversed = new GridIndex([Grid("330503106-G01", EastBox), Grid("330503106-G02", WestBox)]);

        Assert.Equal("330503106-G01", reversed.Locate(new GeoPoint(30.75, 120.20))?.GridCode);
    }

    [Fact]
    public void Locate_WhenPointOnOuterBoundary_ReturnsTheGrid()
    {
        Assert.Equal("330503106-G02", Index().Locate(new GeoPoint(30.70, 120.15))?.GridCode);
    }

    [Fact]
    public void Locate_WhenGridsFromDemoGeometry_FindsEachCellByItsCentre()
    {
        var cells = DemoGeometry.GridCells(new BoundingBox(30.70, 120.10, 30.80, 120.30), 2.0);
        var index = new GridIndex(cells.Select((box, i) => Grid($"330503106-G{i + 1:00}", box)));

        for (var i = 0; i < cells.Count; i++)
            Assert.Equal($"330503106-G{i + 1:00}", index.Locate(cells[i].Center)?.GridCode);
    }

    [Fact]
    public void Locate_WhenNoGrids_ReturnsNull()
    {
        Assert.Null(new GridIndex([]).Locate(new GeoPoint(30.75, 120.15)));
    }
}
