using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Zhifa.Core.Geo;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Data.Seeding;

/// <summary>
/// The region tree from the seed file, with generated demo geometry: each county's demo box cut
/// into one cell per township, each township into grids about <see cref="GridKm"/> across.
/// </summary>
internal static class RegionSeed
{
    public const double GridKm = 1.3;

    public static (List<Region> Regions, List<Grid> Grids) Build(string path)
    {
        var city = JsonSerializer.Deserialize<RegionFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} is empty.");
        var regions = new List<Region>();
        var grids = new List<Grid>();
        var countyBoxes = new List<BoundingBox>();
        foreach (var county in city.Children ?? [])
        {
            var box = BoundingBox.FromArray(county.DemoBox ?? throw new InvalidDataException($"County {county.Code} has no demoBox."));
            countyBoxes.Add(box);
            regions.Add(NewRegion(county, RegionLevel.County, city.Code, box.ToWkt()));
            var townships = county.Children ?? [];
            var cells = DemoGeometry.SplitInto(box, townships.Count);
            for (var i = 0; i < townships.Count; i++)
            {
                regions.Add(NewRegion(townships[i], RegionLevel.Township, county.Code, cells[i].ToWkt()));
                grids.AddRange(GridsOf(townships[i], county.Code, cells[i]));
            }
        }
        var cityShape = new MultiPolygon(countyBoxes.Select(b => (Polygon)Read(b.ToWkt())).ToArray());
        regions.Insert(0, NewRegion(city, RegionLevel.City, null, cityShape.AsText()));
        return (regions, grids);
    }

    private static IEnumerable<Grid> GridsOf(RegionFile township, string countyCode, BoundingBox cell) =>
        DemoGeometry.GridCells(cell, GridKm).Select((box, i) =>
        {
            var seq = (i + 1).ToString("000", CultureInfo.InvariantCulture);
            return new Grid
            {
                Code = township.Code + seq,
                Name = $"{township.Name}第{seq}网格",
                TownshipCode = township.Code,
                CountyCode = countyCode,
                BoundaryWkt = box.ToWkt(),
                CenterLat = box.Center.Lat,
                CenterLon = box.Center.Lon,
            };
        });

    private static Region NewRegion(RegionFile file, RegionLevel level, string? parent, string wkt)
    {
        var inside = Boundaries.Inside(Read(wkt));
        return new Region
        {
            Code = file.Code,
            Name = file.Name,
            NameEn = file.NameEn,
            Level = level,
            ParentCode = parent,
            Kind = file.Kind,
            BoundaryWkt = wkt,
            CenterLat = inside.Lat,
            CenterLon = inside.Lon,
        };
    }

    private static Geometry Read(string wkt) => new WKTReader().Read(wkt);
}
