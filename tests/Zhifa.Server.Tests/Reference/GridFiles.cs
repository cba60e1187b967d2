using System.Text.Json;

namespace Zhifa.Server.Tests.Reference;

/// <summary>
/// GeoJSON grid files for the import's tests. Their squares lie south-west of Huzhou, outside every
/// seeded grid, so the points other tests report at are never located in them.
/// </summary>
internal static class GridFiles
{
    /// <summary>山川乡, 安吉县 (API tests) and 上墅乡 (browser tests): townships no other test reports in.</summary>
    public const string Shanchuan = "330523203", Shangshu = "330523202";

    /// <summary>A feature: a square <paramref name="size"/> degrees across with its south-west corner at (<paramref name="lat"/>, <paramref name="lon"/>).</summary>
    public static object Square(string code, string name, string townshipCode, double lat, double lon, double size = 0.01) => new
    {
        type = "Feature",
        properties = new { code, name, townshipCode },
        geometry = new
        {
            type = "Polygon",
            coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + size, lat }, new[] { lon + size, lat + size }, new[] { lon, lat + size }, new[] { lon, lat } } },
        },
    };

    public static string Collection(params object[] features) => JsonSerializer.Serialize(new { type = "FeatureCollection", features });

    public static StringContent GeoJson(string json) => new(json, System.Text.Encoding.UTF8, "application/geo+json");
}
