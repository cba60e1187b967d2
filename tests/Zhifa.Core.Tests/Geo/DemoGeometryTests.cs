using Zhifa.Core.Geo;

namespace Zhifa.Core.Tests.Geo;

public class DemoGeometryTests
{
    /// <summary>About 30 km × 25 km around 南浔区.</summary>
    private static readonly BoundingBox County = new(30.70, 120.15, 30.93, 120.50);

    private const double Epsilon = 1e-9;

    private static double Area(BoundingBox b) => b.Height * b.Width;

    private static double OverlapArea(BoundingBox a, BoundingBox b) =>
        Math.Max(0, Math.Min(a.North, b.North) - Math.Max(a.South, b.South)) *
        Math.Max(0, Math.Min(a.East, b.East) - Math.Max(a.West, b.West));

    private static void AssertTiles(BoundingBox whole, IReadOnlyList<BoundingBox> cells)
    {
        Assert.Equal(Area(whole), cells.Sum(Area), Epsilon);
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.True(cells[i].Height > 0 && cells[i].Width > 0, $"cell {i} is empty");
            Assert.True(cells[i].South >= whole.South - Epsilon && cells[i].North <= whole.North + Epsilon
                && cells[i].West >= whole.West - Epsilon && cells[i].East <= whole.East + Epsilon, $"cell {i} leaves the box");
            for (var j = i + 1; j < cells.Count; j++)
                Assert.True(OverlapArea(cells[i], cells[j]) < Epsilon * Area(whole), $"cells {i} and {j} overlap by {OverlapArea(cells[i], cells[j])}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(22)]
    public void SplitInto_WhenCountGiven_ReturnsExactlyThatManyCells(int count)
    {
        Assert.Equal(count, DemoGeometry.SplitInto(County, count).Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(22)]
    public void SplitInto_WhenCountGiven_TilesTheBoxWithoutOverlap(int count)
    {
        AssertTiles(County, DemoGeometry.SplitInto(County, count));
    }

    [Fact]
    public void SplitInto_WhenBoxVeryTall_StillReturnsExactCount()
    {
        var tall = new BoundingBox(30.0, 120.0, 31.0, 120.01);

        var cells = DemoGeometry.SplitInto(tall, 5);

        Assert.Equal(5, cells.Count);
        AssertTiles(tall, cells);
    }

    [Fact]
    public void SplitInto_WhenCountBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoGeometry.SplitInto(County, 0));
    }

    [Fact]
    public void GridCells_WhenTownshipGiven_TilesItWithoutOverlap()
    {
        var township = DemoGeometry.SplitInto(County, 9)[4];

        var cells = DemoGeometry.GridCells(township, 1.5);

        Assert.True(cells.Count > 1);
        AssertTiles(township, cells);
    }

    [Fact]
    public void GridCells_WhenTownshipGiven_CoversEverySampledPoint()
    {
        var township = DemoGeometry.SplitInto(County, 9)[4];
        var cells = DemoGeometry.GridCells(township, 1.5);

        for (var i = 0; i <= 20; i++)
        for (var j = 0; j <= 20; j++)
        {
            var p = new GeoPoint(township.South + township.Height * i / 20, township.West + township.Width * j / 20);
            Assert.Contains(cells, c => c.Contains(p));
        }
    }

    [Fact]
    public void GridCells_WhenTownshipSmallerThanTarget_ReturnsTheTownship()
    {
        var small = new BoundingBox(30.80, 120.30, 30.805, 120.305);

        Assert.Equal([small], DemoGeometry.GridCells(small, 2.0));
    }

    [Fact]
    public void SplitInto_WhenCalledTwice_IsDeterministic()
    {
        Assert.Equal(DemoGeometry.SplitInto(County, 11), DemoGeometry.SplitInto(County, 11));
    }
}
