using Zhifa.Core.Geo;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Intake;

/// <summary>crs on POST /api/v1/clues: GCJ-02 points from Chinese map apps are stored in WGS-84.</summary>
[Collection(ApiCollection.Name)]
public sealed class CoordinateTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Theory]
    [InlineData("gcj02")]
    [InlineData("GCJ02")]
    public async Task Report_WhenGcj02_StoresTheWgs84PointAndItsGrid(string crs)
    {
        // Well inside the township: the same numbers taken as GPS land up to 700 m away, still on the grids.
        var place = await _scenario.NextInnerPointAsync(Scenario.Hefu, 1000);
        var truth = new GeoPoint(place.Lat, place.Lon);
        var shown = Gcj02.FromWgs84(truth);

        var accepted = await (await _scenario.PostClueAsync(new { channel = "app", text = "高德地图选点上报：路边乱堆放", lat = shown.Lat, lon = shown.Lon, crs }))
            .ReadAsync<ClueAccepted>();
        var incident = await _scenario.GetAsync(accepted.IncidentId);
        var asWgs84 = await _scenario.GetAsync((await (await _scenario.PostClueAsync(new { channel = "app", text = "同一选点当作GPS坐标上报", lat = shown.Lat, lon = shown.Lon }))
            .ReadAsync<ClueAccepted>()).IncidentId);

        Assert.True(truth.DistanceMeters(new GeoPoint(incident.Lat, incident.Lon)) < 0.05, $"stored ({incident.Lat}, {incident.Lon}), true place {truth}");
        Assert.Equal(await GridOfAsync(truth), incident.GridCode);
        // Taken as GPS, the same numbers land hundreds of metres away.
        Assert.InRange(truth.DistanceMeters(new GeoPoint(asWgs84.Lat, asWgs84.Lon)), 300, 700);
    }

    [Fact]
    public async Task Report_WhenGcj02PointOfAPlaceOutsideTheCity_Answers400NamingLatAndLon()
    {
        // 杭州西湖, as a map app shows it: in China, but not on the platform's grids.
        var shown = Gcj02.FromWgs84(new GeoPoint(30.2431, 120.1412));

        var response = await _scenario.PostClueAsync(new { channel = "app", text = "区域外的点", lat = shown.Lat, lon = shown.Lon, crs = "gcj02" });

        var problem = await ProblemAssert.NamesFieldAsync(response, "lat");
        Assert.True(problem.GetProperty("errors").TryGetProperty("lon", out _));
        Assert.Contains("outside the platform's area", problem.GetProperty("errors").GetProperty("lat")[0].GetString());
    }

    /// <summary>The grid the platform puts a WGS-84 point in, as a plain GPS report shows.</summary>
    private async Task<string?> GridOfAsync(GeoPoint point) =>
        (await _scenario.GetAsync((await (await _scenario.PostClueAsync(new { channel = "app", text = "GPS定位对照", lat = point.Lat, lon = point.Lon }))
            .ReadAsync<ClueAccepted>()).IncidentId)).GridCode;
}
