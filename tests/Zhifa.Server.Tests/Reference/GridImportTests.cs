using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Geo;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Reference.GridFiles;

namespace Zhifa.Server.Tests.Reference;

/// <summary>POST /api/v1/grids/import: surveyed grids from GeoJSON, all of a file or none of it.</summary>
[Collection(ApiCollection.Name)]
public sealed class GridImportTests(ZhifaApp app)
{
    private const string Import = "/api/v1/grids/import";

    private HttpClient Admin => app.Cast.As("admin");

    private GridIndex Index => app.Services.GetRequiredService<ReferenceData>().Grids;

    [Fact]
    public async Task Import_OfANewCollection_CreatesGridsThatLocateAPointInside()
    {
        var before = await TotalAsync();
        var json = Collection(Square("330523203901", "山川乡第901网格", Shanchuan, 29.50, 119.00), Square("330523203902", "山川乡第902网格", Shanchuan, 29.50, 119.01));

        var result = await (await Admin.PostAsync(Import, GeoJson(json))).ReadAsync<GridImportResult>();

        Assert.Equal(new GridImportResult(2, 0, before + 2), result);
        Assert.Equal(new GridLocation("330523203901", Shanchuan, "330523"), Index.Locate(new GeoPoint(29.505, 119.005)));
        Assert.Equal("330523203902", Index.Locate(new GeoPoint(29.505, 119.015))?.GridCode);
        var grid = await (await Admin.GetAsync("/api/v1/grids/330523203901")).ReadAsync<GridView>();
        Assert.Equal(("山川乡第901网格", Shanchuan, "330523"), (grid.Name, grid.TownshipCode, grid.CountyCode));
        Assert.StartsWith("POLYGON", grid.BoundaryWkt);
        Assert.Equal(29.505, grid.Center.Lat, 6);
        Assert.Equal(119.005, grid.Center.Lon, 6);
        var counts = await (await Admin.GetAsync("/api/v1/grids/counts")).ReadAsync<List<TownshipGridCount>>();
        Assert.True(counts.Single(c => c.TownshipCode == Shanchuan).Grids >= 2);
    }

    [Fact]
    public async Task Import_OfAKnownCode_UpdatesItsNameAndBoundary()
    {
        var first = Collection(Square("330523203911", "旧名", Shanchuan, 29.60, 119.00));
        await (await Admin.PostAsync(Import, GeoJson(first))).ReadAsync<GridImportResult>();
        var moved = Collection(Square("330523203911", "山川乡第911网格", Shanchuan, 29.62, 119.00));

        var result = await (await Admin.PostAsync(Import, GeoJson(moved))).ReadAsync<GridImportResult>();

        Assert.Equal((0, 1), (result.Created, result.Updated));
        Assert.Equal("山川乡第911网格", (await (await Admin.GetAsync("/api/v1/grids/330523203911")).ReadAsync<GridView>()).Name);
        Assert.Equal("330523203911", Index.Locate(new GeoPoint(29.625, 119.005))?.GridCode);
        Assert.Null(Index.Locate(new GeoPoint(29.605, 119.005)));
    }

    [Fact]
    public async Task Import_AsAMultipartFile_CreatesTheGrids()
    {
        using var form = new MultipartFormDataContent();
        form.Add(GeoJson(Collection(Square("330523203921", "山川乡第921网格", Shanchuan, 29.70, 119.00))), "file", "shanchuan.geojson");

        var result = await (await Admin.PostAsync(Import, form)).ReadAsync<GridImportResult>();

        Assert.Equal(1, result.Created);
        Assert.Equal("330523203921", Index.Locate(new GeoPoint(29.705, 119.005))?.GridCode);
    }

    [Theory]
    [InlineData("townshipCode", "330523", "features[1].properties.townshipCode")]
    [InlineData("townshipCode", "999999999", "features[1].properties.townshipCode")]
    [InlineData("code", "", "features[1].properties.code")]
    [InlineData("code", "33-05", "features[1].properties.code")]
    [InlineData("code", "330523203931", "features[1].properties.code")]
    [InlineData("name", null, "features[1].properties.name")]
    [InlineData("geometry.type", "Point", "features[1].geometry.type")]
    [InlineData("unclosed", null, "features[1].geometry.coordinates[0]")]
    [InlineData("longitude", null, "features[1].geometry.coordinates[0][2]")]
    [InlineData("bowtie", null, "features[1].geometry.coordinates")]
    public async Task Import_WithOneBadFeature_NamesItsFieldAndWritesNothing(string what, string? value, string field)
    {
        var good = Square("330523203931", "山川乡第931网格", Shanchuan, 29.80, 119.00);
        var bad = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Square("330523203932", "山川乡第932网格", Shanchuan, 29.80, 119.01)))!;
        var ring = bad["geometry"]!["coordinates"]![0]!.AsArray();
        switch (what)
        {
            case "geometry.type": bad["geometry"]!["type"] = value; break;
            case "unclosed": ring.RemoveAt(4); ring.Add(new JsonArray(119.0, 29.9)); break;
            case "longitude": ring[2] = new JsonArray(190.0, 29.81); break;
            // The outer ring crosses itself.
            case "bowtie": ring[1] = new JsonArray(119.02, 29.81); ring[2] = new JsonArray(119.02, 29.80); break;
            default: bad["properties"]![what] = value; break;
        }
        var json = $$"""{"type":"FeatureCollection","features":[{{System.Text.Json.JsonSerializer.Serialize(good)}},{{bad.ToJsonString()}}]}""";

        await ProblemAssert.NamesFieldAsync(await Admin.PostAsync(Import, GeoJson(json)), field);

        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync("/api/v1/grids/330523203931")).StatusCode);
        Assert.Null(Index.Locate(new GeoPoint(29.805, 119.005)));
    }

    [Theory]
    [InlineData("""{"type":"Feature"}""", "type")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "features")]
    [InlineData("""{"type":"FeatureCollection","features":[1]}""", "features[0].type")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1","name":"x","townshipCode":"330523203"},"geometry":{"type":"Polygon","coordinates":[[["a",1],[1,1],[1,2],["a",1]]]}}]}""", "features[0].geometry.coordinates[0][0]")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1","name":"x","townshipCode":"330523203"},"geometry":null}]}""", "features[0].geometry")]
    [InlineData("""{"type":"FeatureCollection",""", "body")]
    [InlineData("", "body")]
    public async Task Import_OfABadCollection_NamesTheField(string json, string field)
    {
        await ProblemAssert.NamesFieldAsync(await Admin.PostAsync(Import, GeoJson(json)), field);
    }

    [Fact]
    public async Task Import_AsAMultipartWithoutTheFile_NamesTheFileField()
    {
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        await ProblemAssert.NamesFieldAsync(await Admin.PostAsync(Import, form), "file");
    }

    [Fact]
    public async Task Import_MovingAKnownGridToAnotherTownship_IsRefused()
    {
        var before = await (await Admin.GetAsync("/api/v1/grids/330503106001")).Content.ReadAsStringAsync();
        var json = Collection(Square("330503106001", "和孚镇第001网格", Shanchuan, 29.90, 119.00));

        await ProblemAssert.NamesFieldAsync(await Admin.PostAsync(Import, GeoJson(json)), "features[0].properties.townshipCode");

        // Refused means untouched: its name, township and boundary as they were, and nothing placed where the file put it.
        Assert.Equal(before, await (await Admin.GetAsync("/api/v1/grids/330503106001")).Content.ReadAsStringAsync());
        Assert.Null(Index.Locate(new GeoPoint(29.905, 119.005)));
    }

    [Fact]
    public async Task Import_OverTheSizeLimit_Answers413()
    {
        var padded = Collection(Square("330523203941", "山川乡第941网格", Shanchuan, 29.95, 119.00)).Insert(1, new string(' ', (int)GridImport.DefaultMaxBytes));

        await ProblemAssert.IsProblemAsync(await Admin.PostAsync(Import, GeoJson(padded)), HttpStatusCode.RequestEntityTooLarge, "grids.too_large");
        Assert.Null(Index.Locate(new GeoPoint(29.955, 119.005)));
    }

    [Fact]
    public async Task Import_AsPlainText_Answers415()
    {
        using var text = new StringContent(Collection(Square("330523203951", "x", Shanchuan, 29.97, 119.00)), System.Text.Encoding.UTF8, "text/plain");

        await ProblemAssert.IsProblemAsync(await Admin.PostAsync(Import, text), HttpStatusCode.UnsupportedMediaType, "http.415");
    }

    [Fact]
    public async Task Import_ByADispatcher_IsForbidden()
    {
        var json = Collection(Square("330523203961", "x", Shanchuan, 29.99, 119.00));

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Cast.As(Cast.CityDispatcher).PostAsync(Import, GeoJson(json))).StatusCode);
    }

    private async Task<int> TotalAsync() =>
        (await (await Admin.GetAsync("/api/v1/grids?pageSize=1")).ReadAsync<PagedList<GridView>>()).Total;
}
