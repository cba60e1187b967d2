using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Reference;

/// <summary>The seeded reference data: regions, grids, departments, matters, command centres.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReferenceDataTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private HttpClient Client => _scenario.Client;

    [Fact]
    public async Task Regions_WhenListed_AreOneCityFiveCountiesAnd71Townships()
    {
        var all = await GetAsync<List<RegionView>>("/api/v1/regions");

        Assert.Equal(77, all.Count);
        Assert.Equal("330500", Assert.Single(all, r => r.Level == RegionLevel.City).Code);
        Assert.Equal(5, all.Count(r => r.Level == RegionLevel.County));
        Assert.Equal(71, all.Count(r => r.Level == RegionLevel.Township));
        Assert.All(all, r => Assert.Equal($"{r.Code}-ZHZX", r.CommandCenterCode));
    }

    [Fact]
    public async Task Regions_WhenFilteredByLevelAndParent_AnswerTheMatchingOnes()
    {
        Assert.Single(await GetAsync<List<RegionView>>("/api/v1/regions?level=city"));
        var counties = await GetAsync<List<RegionView>>("/api/v1/regions?level=County");
        Assert.Equal(["330502", "330503", "330521", "330522", "330523"], counties.Select(r => r.Code));
        Assert.Equal(71, (await GetAsync<List<RegionView>>("/api/v1/regions?level=township")).Count);

        var nanxun = await GetAsync<List<RegionView>>($"/api/v1/regions?parentCode={Scenario.Nanxun}");
        Assert.Equal(10, nanxun.Count);
        Assert.All(nanxun, r => Assert.Equal((RegionLevel.Township, Scenario.Nanxun), (r.Level, r.ParentCode)));
        Assert.Contains(nanxun, r => r.Code == Scenario.Hefu && r.Name == "和孚镇");
    }

    [Theory]
    [InlineData("province")]
    [InlineData("1")]
    public async Task Regions_WhenLevelUnknown_Answer400NamingLevel(string level)
    {
        await ProblemAssert.NamesFieldAsync(await Client.GetAsync($"/api/v1/regions?level={level}"), "level");
    }

    [Fact]
    public async Task Region_WhenFetched_HasBoundaryAndCenter()
    {
        var hefu = await GetAsync<RegionView>($"/api/v1/regions/{Scenario.Hefu}");

        Assert.Equal(("和孚镇", RegionLevel.Township, Scenario.Nanxun), (hefu.Name, hefu.Level, hefu.ParentCode));
        Assert.StartsWith("POLYGON", hefu.BoundaryWkt);
        Assert.InRange(hefu.Center.Lat, 30.7, 30.98);
        Assert.InRange(hefu.Center.Lon, 120.25, 120.5);
    }

    [Fact]
    public async Task RegionCenter_WhenReportedAt_LocatesInsideThatRegion()
    {
        foreach (var region in await GetAsync<List<RegionView>>("/api/v1/regions"))
        {
            var incident = await ReportAtAsync(region.Center, $"区域中心定位 {region.Code}");
            switch (region.Level)
            {
                case RegionLevel.Township:
                    Assert.Equal(region.Code, incident.RegionCode);
                    break;
                case RegionLevel.County:
                    Assert.Equal(region.Code, incident.CountyCode);
                    break;
                default:
                    Assert.NotNull(incident.CountyCode);
                    break;
            }
        }
    }

    [Fact]
    public async Task Grids_WhenFilteredByTownship_ListOnlyItsGridsWhoseCentersLocateToThem()
    {
        var page = await GetAsync<PagedList<GridView>>($"/api/v1/grids?regionCode={Scenario.Hefu}&pageSize=1000");

        Assert.NotEmpty(page.Items);
        Assert.Equal(page.Total, page.Items.Count);
        Assert.All(page.Items, g => Assert.Equal((Scenario.Hefu, Scenario.Nanxun), (g.TownshipCode, g.CountyCode)));
        foreach (var grid in page.Items)
            Assert.Equal(grid.Code, (await ReportAtAsync(grid.Center, $"网格中心定位 {grid.Code}")).GridCode);
    }

    [Fact]
    public async Task Grids_WhenListedForCityAndCounties_NumberBetween3000And6000AndAddUp()
    {
        var all = (await GetAsync<PagedList<GridView>>("/api/v1/grids?pageSize=1")).Total;
        var city = (await GetAsync<PagedList<GridView>>("/api/v1/grids?regionCode=330500&pageSize=1")).Total;
        var byCounty = 0;
        foreach (var county in await GetAsync<List<RegionView>>("/api/v1/regions?level=county"))
            byCounty += (await GetAsync<PagedList<GridView>>($"/api/v1/grids?regionCode={county.Code}&pageSize=1")).Total;

        Assert.InRange(all, 3000, 6000);
        Assert.Equal(all, city);
        Assert.Equal(all, byCounty);
    }

    [Fact]
    public async Task Grids_WhenPageFarBeyondTheEnd_AnswerAnEmptyPage()
    {
        var page = await GetAsync<PagedList<GridView>>("/api/v1/grids?page=3000000&pageSize=1000");

        Assert.Empty(page.Items);
        Assert.Equal((3_000_000, 1000), (page.Page, page.PageSize));
    }

    [Fact]
    public async Task Grid_WhenFetched_HasBoundaryAndTheListedCenter()
    {
        var listed = (await GetAsync<PagedList<GridView>>($"/api/v1/grids?regionCode={Scenario.Hefu}&pageSize=1")).Items[0];

        var grid = await GetAsync<GridView>($"/api/v1/grids/{listed.Code}");

        Assert.Equal((listed.Code, listed.Name, listed.Center), (grid.Code, grid.Name, grid.Center));
        Assert.StartsWith("POLYGON", grid.BoundaryWkt);
    }

    [Theory]
    [InlineData("/api/v1/grids?regionCode=999999", "regionCode")]
    [InlineData("/api/v1/grids?pageSize=1001", "pageSize")]
    [InlineData("/api/v1/grids?page=0", "page")]
    [InlineData("/api/v1/departments?regionCode=999999", "regionCode")]
    [InlineData("/api/v1/departments?typeCode=NOPE", "typeCode")]
    public async Task Filter_WhenUnknownOrOutOfRange_Answers400NamingIt(string url, string field)
    {
        await ProblemAssert.NamesFieldAsync(await Client.GetAsync(url), field);
    }

    [Fact]
    public async Task Department_WhenFetched_HasItsRegionalName()
    {
        var nync = await GetAsync<DepartmentView>("/api/v1/departments/330503-NYNC");

        Assert.Equal(("南浔区农业农村局", "NYNC", Scenario.Nanxun), (nync.Name, nync.TypeCode, nync.RegionCode));
        Assert.Equal("和孚镇综合行政执法队", (await GetAsync<DepartmentView>("/api/v1/departments/330503106-ZFD")).Name);
    }

    [Fact]
    public async Task Departments_WhenFilteredByType_PlaceTeamsInTownshipsAndFireBrigadesInCounties()
    {
        var regions = (await GetAsync<List<RegionView>>("/api/v1/regions")).ToDictionary(r => r.Code);

        var teams = await GetAsync<List<DepartmentView>>("/api/v1/departments?typeCode=ZFD");
        Assert.Equal(71, teams.Count);
        Assert.All(teams, d => Assert.Equal(RegionLevel.Township, regions[d.RegionCode].Level));

        var fire = await GetAsync<List<DepartmentView>>("/api/v1/departments?typeCode=XF");
        Assert.Equal(5, fire.Count);
        Assert.All(fire, d => Assert.Equal(RegionLevel.County, regions[d.RegionCode].Level));
        Assert.Empty(await GetAsync<List<DepartmentView>>("/api/v1/departments?regionCode=330500&typeCode=XF"));
    }

    [Fact]
    public async Task Departments_WhenFilteredByRegion_ListOnlyThatRegionsDepartments()
    {
        Assert.Equal(["330503106-ZFD"], (await GetAsync<List<DepartmentView>>($"/api/v1/departments?regionCode={Scenario.Hefu}")).Select(d => d.Code));
        var nanxun = await GetAsync<List<DepartmentView>>($"/api/v1/departments?regionCode={Scenario.Nanxun}");
        Assert.All(nanxun, d => Assert.Equal(Scenario.Nanxun, d.RegionCode));
        Assert.Contains(nanxun, d => d.Code == "330503-XF");
        Assert.Equal(["330503-SL"], (await GetAsync<List<DepartmentView>>($"/api/v1/departments?regionCode={Scenario.Nanxun}&typeCode=SL")).Select(d => d.Code));
    }

    [Fact]
    public async Task Matters_WhenListed_Are55WithRoutingAndTimeLimits()
    {
        Assert.Equal(55, (await GetAsync<List<MatterView>>("/api/v1/matters")).Count);

        var fishing = await GetAsync<MatterView>("/api/v1/matters/SY01");
        Assert.Equal(("NYNC", false), (fishing.LeadDepartmentType, fishing.DelegatedToTownship));
        Assert.Equal(["SL", "ZFD"], fishing.CoDepartmentTypes);
        Assert.Equal(("2wh", "1wd"), (fishing.AcceptLimit, fishing.HandleLimit));
        Assert.True((await GetAsync<MatterView>("/api/v1/matters/SR01")).DelegatedToTownship);
    }

    [Fact]
    public async Task CommandCenters_WhenListed_Are77WithTownshipsUnderTheirCounty()
    {
        var centers = await GetAsync<List<CommandCenterView>>("/api/v1/command-centers");

        Assert.Equal(77, centers.Count);
        Assert.Null(Assert.Single(centers, c => c.Level == RegionLevel.City).ParentCode);
        var regions = (await GetAsync<List<RegionView>>("/api/v1/regions")).ToDictionary(r => r.Code);
        Assert.All(centers.Where(c => c.Level != RegionLevel.City),
            c => Assert.Equal($"{regions[c.RegionCode].ParentCode}-ZHZX", c.ParentCode));
        var hefu = await GetAsync<CommandCenterView>("/api/v1/command-centers/330503106-ZHZX");
        Assert.Equal(("330503-ZHZX", RegionLevel.Township, Scenario.Hefu), (hefu.ParentCode, hefu.Level, hefu.RegionCode));
        Assert.Equal(10, (await GetAsync<List<CommandCenterView>>("/api/v1/command-centers?parentCode=330503-ZHZX")).Count);
    }

    [Theory]
    [InlineData("/api/v1/regions/999999", "region.not_found")]
    [InlineData("/api/v1/grids/330503106999", "grid.not_found")]
    [InlineData("/api/v1/departments/330503-NOPE", "department.not_found")]
    [InlineData("/api/v1/departments/330500-XF", "department.not_found")]
    [InlineData("/api/v1/matters/XX99", "matter.not_found")]
    [InlineData("/api/v1/command-centers/999999-ZHZX", "command_center.not_found")]
    public async Task Get_WhenCodeUnknown_Answers404Problem(string url, string code)
    {
        await ProblemAssert.IsProblemAsync(await Client.GetAsync(url), HttpStatusCode.NotFound, code);
    }

    private async Task<T> GetAsync<T>(string url) => await (await Client.GetAsync(url)).ReadAsync<T>();

    /// <summary>A clue without matter at <paramref name="at"/>: the incident shows where the platform located it.</summary>
    private async Task<IncidentDetail> ReportAtAsync(Point at, string text)
    {
        var accepted = await (await _scenario.PostClueAsync(new { channel = "manual", text, lat = at.Lat, lon = at.Lon })).ReadAsync<ClueAccepted>();
        return await _scenario.GetAsync(accepted.IncidentId);
    }
}
