namespace Zhifa.Core.Geo;

/// <summary>
/// Generated stand-in geometry for regions whose real boundaries have not been imported:
/// a county's box is cut into one cell per township, and each township cell into grid cells.
/// Deterministic, so every start and every machine produces the same codes and shapes.
/// </summary>
public static class DemoGeometry
{
    private const double KmPerDegreeLat = 111.32;

    // Each shared edge is computed by one formula from both sides, so neighbours meet exactly.

    /// <summary>Split <paramref name="box"/> into exactly <paramref name="count"/> cells of near-equal size, row by row from the north-west.</summary>
    public static IReadOnlyList<BoundingBox> SplitInto(BoundingBox box, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var aspect = WidthKm(box) / HeightKm(box);
        var rows = Math.Clamp((int)Math.Round(Math.Sqrt(count / aspect)), 1, count);
        var cells = new List<BoundingBox>(count);
        var rowHeight = box.Height / rows;
        for (var row = 0; row < rows; row++)
        {
            // Spread the remainder over the first rows so every cell is about the same size.
            var inRow = count / rows + (row < count % rows ? 1 : 0);
            var north = box.North - row * rowHeight;
            var south = row == rows - 1 ? box.South : box.North - (row + 1) * rowHeight;
            var colWidth = box.Width / inRow;
            for (var col = 0; col < inRow; col++)
            {
                var west = box.West + col * colWidth;
                var east = col == inRow - 1 ? box.East : box.West + (col + 1) * colWidth;
                cells.Add(new BoundingBox(south, west, north, east));
            }
        }
        return cells;
    }

    /// <summary>Cut a township cell into grid cells about <paramref name="targetKm"/> across.</summary>
    public static IReadOnlyList<BoundingBox> GridCells(BoundingBox township, double targetKm)
    {
        var rows = Math.Max(1, (int)Math.Round(HeightKm(township) / targetKm));
        var cols = Math.Max(1, (int)Math.Round(WidthKm(township) / targetKm));
        var cells = new List<BoundingBox>(rows * cols);
        var dLat = township.Height / rows;
        var dLon = township.Width / cols;
        for (var row = 0; row < rows; row++)
        for (var col = 0; col < cols; col++)
        {
            var north = township.North - row * dLat;
            var south = row == rows - 1 ? township.South : township.North - (row + 1) * dLat;
            var west = township.West + col * dLon;
            var east = col == cols - 1 ? township.East : township.West + (col + 1) * dLon;
            cells.Add(new BoundingBox(south, west, north, east));
        }
        return cells;
    }

    public static double HeightKm(BoundingBox box) => box.Height * KmPerDegreeLat;

    public static double WidthKm(BoundingBox box) => box.Width * KmPerDegreeLat * Math.Cos(box.Center.Lat * Math.PI / 180);
}
