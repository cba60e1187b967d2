using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Zhifa.Core.Geo;
using Zhifa.Core.Organization;
using Zhifa.Server.Api;

namespace Zhifa.Server.Features.Reference;

/// <summary>One grid read from a GeoJSON feature, with the feature's place in the file for error messages.</summary>
internal sealed record GridFeature(int Index, Grid Grid);

/// <summary>
/// Reads grids from a GeoJSON FeatureCollection (RFC 7946, WGS-84 lon/lat): each feature's
/// properties <c>code</c>, <c>name</c> and <c>townshipCode</c>, and a Polygon or MultiPolygon.
/// Every feature is checked before anything is written, and each error names its exact place
/// (<c>features[3].properties.townshipCode</c>), so a file is fixed in one pass.
/// </summary>
internal static class GridFeatures
{
    public const int MaxFeatures = 20_000;
    /// <summary>Beyond this many the rest of the file is not checked: the answer is already long enough to act on.</summary>
    private const int MaxErrors = 100;
    private const int MaxCodeLength = 16, MaxNameLength = 64;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>A bad value found while reading one feature: that feature's checking stops there.</summary>
    private sealed class BadField(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }

    public static List<GridFeature> Read(JsonElement root, IReadOnlyDictionary<string, Region> regions, FieldErrors errors)
    {
        var grids = new List<GridFeature>();
        if (root.ValueKind != JsonValueKind.Object || Text(root, "type") != "FeatureCollection")
        {
            errors.Add("type", "The body is a GeoJSON object with \"type\": \"FeatureCollection\".");
            return grids;
        }
        if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array || features.GetArrayLength() == 0)
        {
            errors.Add("features", "features is an array of one or more Feature objects.");
            return grids;
        }
        if (features.GetArrayLength() > MaxFeatures)
        {
            errors.Add("features", $"One import holds at most {MaxFeatures} features; split the file by township.");
            return grids;
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var at = $"features[{index}]";
            try
            {
                var grid = Feature(feature, at, regions);
                if (seen.TryGetValue(grid.Code, out var first))
                    throw new BadField($"{at}.properties.code", $"Grid '{grid.Code}' is also features[{first}]; each grid appears once.");
                seen[grid.Code] = index;
                grids.Add(new GridFeature(index, grid));
            }
            catch (BadField bad)
            {
                errors.Add(bad.Field, bad.Message);
                if (errors.All.Count() >= MaxErrors)
                    break;
            }
            index++;
        }
        return grids;
    }

    private static Grid Feature(JsonElement feature, string at, IReadOnlyDictionary<string, Region> regions)
    {
        if (feature.ValueKind != JsonValueKind.Object || Text(feature, "type") != "Feature")
            throw new BadField($"{at}.type", "Each feature is an object with \"type\": \"Feature\".");
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
            throw new BadField($"{at}.properties", "properties is an object with code, name and townshipCode.");
        var code = Property(properties, $"{at}.properties", "code", MaxCodeLength);
        if (!code.All(char.IsAsciiLetterOrDigit))
            throw new BadField($"{at}.properties.code", "code is letters and digits only, such as 330503106101.");
        var name = Property(properties, $"{at}.properties", "name", MaxNameLength);
        var townshipCode = Property(properties, $"{at}.properties", "townshipCode", 12);
        if (!regions.TryGetValue(townshipCode, out var township) || township.Level != RegionLevel.Township)
            throw new BadField($"{at}.properties.townshipCode", $"'{townshipCode}' is not a township (乡镇/街道) code, such as 330503106.");

        var shape = Shape(feature, $"{at}.geometry");
        var inside = Boundaries.Inside(shape);
        return new Grid
        {
            Code = code, Name = name, TownshipCode = township.Code, CountyCode = township.ParentCode!,
            BoundaryWkt = shape.AsText(), CenterLat = inside.Lat, CenterLon = inside.Lon,
        };
    }

    /// <summary>A property as text: a string, or an integer as some tools write codes.</summary>
    private static string Property(JsonElement properties, string at, string name, int maxLength)
    {
        var value = properties.TryGetProperty(name, out var v) ? v switch
        {
            { ValueKind: JsonValueKind.String } => v.GetString()!.Trim(),
            { ValueKind: JsonValueKind.Number } when v.TryGetInt64(out var n) && n >= 0 => n.ToString(CultureInfo.InvariantCulture),
            _ => null,
        } : null;
        if (string.IsNullOrEmpty(value))
            throw new BadField($"{at}.{name}", $"{name} is required.");
        if (value.Length > maxLength)
            throw new BadField($"{at}.{name}", $"{name} is at most {maxLength} characters.");
        return value;
    }

    private static Geometry Shape(JsonElement feature, string at)
    {
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object)
            throw new BadField(at, "geometry is a GeoJSON Polygon or MultiPolygon.");
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            throw new BadField($"{at}.coordinates", "coordinates is an array.");
        Geometry shape = Text(geometry, "type") switch
        {
            "Polygon" => Polygon(coordinates, $"{at}.coordinates"),
            "MultiPolygon" => Factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select((p, i) => Polygon(p, $"{at}.coordinates[{i}]"))]),
            _ => throw new BadField($"{at}.type", "geometry.type is Polygon or MultiPolygon: a grid is an area."),
        };
        if (shape.IsEmpty)
            throw new BadField($"{at}.coordinates", "The geometry has no polygon.");
        var validity = new IsValidOp(shape).ValidationError;
        if (validity is not null)
            throw new BadField($"{at}.coordinates", $"The polygon is not valid: {validity.Message} near lon {validity.Coordinate?.X}, lat {validity.Coordinate?.Y}.");
        return shape;
    }

    private static Polygon Polygon(JsonElement rings, string at)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
            throw new BadField(at, "A polygon is an array of linear rings, the outer ring first.");
        var read = rings.EnumerateArray().Select((r, i) => Ring(r, $"{at}[{i}]")).ToList();
        return Factory.CreatePolygon(read[0], [.. read.Skip(1)]);
    }

    private static LinearRing Ring(JsonElement ring, string at)
    {
        if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
            throw new BadField(at, "A linear ring has four or more positions, the last the same as the first.");
        var positions = ring.EnumerateArray().Select((p, i) => Position(p, $"{at}[{i}]")).ToArray();
        if (!positions[0].Equals2D(positions[^1]))
            throw new BadField(at, "A linear ring is closed: its last position repeats its first.");
        return Factory.CreateLinearRing(positions);
    }

    /// <summary>[lon, lat] in WGS-84 degrees, as GeoJSON orders them; an altitude is allowed and ignored.</summary>
    private static Coordinate Position(JsonElement position, string at)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number
            || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat))
            throw new BadField(at, "A position is [longitude, latitude] in degrees.");
        if (!GeoPoint.IsLongitude(lon) || !GeoPoint.IsLatitude(lat))
            throw new BadField(at, $"[{lon}, {lat}] is not [longitude, latitude] in WGS-84 degrees.");
        return new Coordinate(lon, lat);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
