using System.Net;
using Zhifa.Core.Officers;
using Zhifa.Core.Organization;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Officers.OfficerApi;

namespace Zhifa.Server.Tests.Officers;

/// <summary>Officers: read by their department and region, kept by the admin and their department's leader.</summary>
[Collection(ApiCollection.Name)]
public sealed class OfficerEndpointTests(ZhifaApp app)
{
    [Fact]
    public async Task Create_ByTheDepartmentsLeader_IsReadBack_WithTheCertificatesState()
    {
        var leader = app.Cast.As("leader.nanxun.nync");

        var response = await leader.PostJsonAsync(OfficersUrl, Body(app, "330503-NYNC", validForDays: 10, qualified: true, name: "严建新"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<OfficerView>();
        var read = await (await leader.GetAsync($"{OfficersUrl}/{created.Id}")).ReadAsync<OfficerView>();
        Assert.Equal(("严建新", "330503-NYNC", CertificateState.Expiring, true, false), (read.Name, read.DepartmentCode, read.Certificate.State, read.LegalQualification, read.LegalPost));
        Assert.Equal(Today(app).AddDays(10), read.Certificate.ValidUntil);
        // The id is dated by the platform's clock (the tests' fake one), not the machine's.
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeMilliseconds(), Convert.ToInt64(created.Id.ToString("N")[..12], 16));
    }

    [Fact]
    public async Task Update_ChangesTheRecord_AndTrainingsAddUp()
    {
        var officer = await CreateAsync(app, "330503-NYNC", validForDays: -1);
        Assert.Equal(CertificateState.Expired, officer.Certificate.State);
        var leader = app.Cast.As("leader.nanxun.nync");

        var updated = await (await leader.PutJsonAsync($"{OfficersUrl}/{officer.Id}", Body(app, "330503-NYNC", validForDays: 400, legalPost: true, name: officer.Name)))
            .ReadAsync<OfficerView>();
        var trained = await leader.PostJsonAsync($"{OfficersUrl}/{officer.Id}/trainings", new { course = "渔业执法实务", hours = 12.5, date = Day(Today(app)) });

        Assert.Equal((CertificateState.Valid, true), (updated.Certificate.State, updated.LegalPost));
        Assert.Equal(HttpStatusCode.Created, trained.StatusCode);
        var training = Assert.Single((await trained.ReadAsync<OfficerView>()).Trainings);
        Assert.Equal(("渔业执法实务", 12.5m, Today(app)), (training.Course, training.Hours, training.Date));
    }

    [Theory]
    [InlineData("name", null, "330503-NYNC", "ZF1", "2025-01-01", "2027-01-01")]
    [InlineData("departmentCode", "张三", "330503-NOPE", "ZF1", "2025-01-01", "2027-01-01")]
    [InlineData("certificateNumber", "张三", "330503-NYNC", "   ", "2025-01-01", "2027-01-01")]
    [InlineData("certificateNumber", "张三", "330503-NYNC", "ZF0123456789012345678901234567890", "2025-01-01", "2027-01-01")]
    [InlineData("certificateValidUntil", "张三", "330503-NYNC", "ZF1", "2025-01-01", "2024-12-31")]
    [InlineData("certificateValidFrom", "张三", "330503-NYNC", "ZF1", "2025-02-30", "2027-01-01")]
    [InlineData("certificateValidUntil", "张三", "330503-NYNC", "ZF1", "2025-01-01", null)]
    [InlineData("certificateNumber", "张三", "330503-NYNC", null, "2025-01-01", "2027-01-01")]
    public async Task Create_WithABadField_NamesIt_AndAddsNoOne(string field, string? name, string department, string? number, string? from, string? until)
    {
        var admin = app.Cast.As("admin");
        var before = (await AllAsync<OfficerView>(admin, OfficersUrl)).Count;

        var response = await admin.PostJsonAsync(OfficersUrl, new
        {
            name, departmentCode = department, certificateNumber = number, certificateValidFrom = from, certificateValidUntil = until,
        });

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(before, (await AllAsync<OfficerView>(admin, OfficersUrl)).Count);
    }

    [Fact]
    public async Task Create_WithAnUnknownUserName_NamesIt()
    {
        var body = new { name = "张三", departmentCode = "330503-NYNC", userName = "nobody.at.all" };

        await ProblemAssert.NamesFieldAsync(await app.Cast.As("admin").PostJsonAsync(OfficersUrl, body), "userName");
    }

    [Theory]
    [InlineData("course", null, 8.0, "2026-01-01")]
    [InlineData("hours", "法律法规", 0.0, "2026-01-01")]
    [InlineData("hours", "法律法规", 1000.5, "2026-01-01")]
    [InlineData("hours", "法律法规", -2.0, "2026-01-01")]
    [InlineData("date", "法律法规", 8.0, "2026-13-01")]
    [InlineData("date", "法律法规", 8.0, null)]
    public async Task Training_WithABadField_NamesIt(string field, string? course, double hours, string? date)
    {
        var officer = await CreateAsync(app, "330503-NYNC");

        var response = await app.Cast.As("admin").PostJsonAsync($"{OfficersUrl}/{officer.Id}/trainings", new { course, hours, date });

        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task DepartmentStaff_SeeTheirOwnAndStationedOfficers_NotOtherDepartments()
    {
        var officers = await AllAsync<OfficerView>(app.Cast.As("officer.hefu.zfd"), OfficersUrl);

        // 姚晓东 of 南浔区农业农村局 is stationed in 和孚镇's team: he serves both.
        var yao = Assert.Single(officers, o => o.Id == DemoOfficers.Yao);
        Assert.Equal(["330503-NYNC", "330503106-ZFD"], yao.ServesDepartments);
        Assert.Contains(officers, o => o.Id == DemoOfficers.Zhu);
        Assert.DoesNotContain(officers, o => o.Id == DemoOfficers.Shen);
        Assert.All(officers, o => Assert.Contains("330503106-ZFD", o.ServesDepartments));
    }

    [Fact]
    public async Task Filters_ByDepartmentServed_AndByTeam()
    {
        var admin = app.Cast.As("admin");

        var hefu = await AllAsync<OfficerView>(admin, $"{OfficersUrl}?departmentCode=330503106-ZFD");
        var water = await AllAsync<OfficerView>(admin, $"{OfficersUrl}?teamCode={DemoOfficers.NanxunWaterTeam}");

        Assert.Contains(hefu, o => o.Id == DemoOfficers.Yao);
        Assert.DoesNotContain(hefu, o => o.Id == DemoOfficers.Shen);
        Assert.Equal(["徐明", "蒋涛"], water.Select(o => o.Name).Order(StringComparer.Ordinal));
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{OfficersUrl}?departmentCode=nope"), "departmentCode");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{OfficersUrl}?teamCode=nope"), "teamCode");
    }

    [Fact]
    public async Task AChangxingLeader_NeitherSeesNorKeepsNanxunsOfficers()
    {
        var changxing = app.Cast.As(await app.Cast.MakeAsync(Role.DepartmentLeader, departmentCode: "330522-NYNC"), AuthApi.TestPassword);

        var list = await AllAsync<OfficerView>(changxing, OfficersUrl);
        var get = await changxing.GetAsync($"{OfficersUrl}/{DemoOfficers.Shen}");
        var put = await changxing.PutJsonAsync($"{OfficersUrl}/{DemoOfficers.Shen}", Body(app, "330522-NYNC"));
        var training = await changxing.PostJsonAsync($"{OfficersUrl}/{DemoOfficers.Shen}/trainings", new { course = "x", hours = 1, date = "2026-01-01" });
        var create = await changxing.PostJsonAsync(OfficersUrl, Body(app, "330503-NYNC"));

        Assert.DoesNotContain(list, o => o.DepartmentCode.StartsWith("330503", StringComparison.Ordinal));
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "officers.not_found");
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.NotFound, "officers.not_found");
        await ProblemAssert.IsProblemAsync(training, HttpStatusCode.NotFound, "officers.not_found");
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "officers.not_yours");
        var shen = await (await app.Cast.As("admin").GetAsync($"{OfficersUrl}/{DemoOfficers.Shen}")).ReadAsync<OfficerView>();
        Assert.Equal("330503-NYNC", shen.DepartmentCode);
    }

    [Fact]
    public async Task ATownshipLeader_SeesAStationedOfficer_ButOnlyTheHomeDepartmentKeepsHim()
    {
        var hefuLeader = app.Cast.As(await app.Cast.MakeAsync(Role.DepartmentLeader, departmentCode: "330503106-ZFD"), AuthApi.TestPassword);

        var get = await hefuLeader.GetAsync($"{OfficersUrl}/{DemoOfficers.Yao}");
        var put = await hefuLeader.PutJsonAsync($"{OfficersUrl}/{DemoOfficers.Yao}", Body(app, "330503-NYNC", name: "姚晓东"));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, "officers.not_yours");
    }

    [Fact]
    public async Task CentreRoles_SeeTheirRegionsOfficers()
    {
        var nanxun = app.Cast.As(await app.Cast.MakeAsync(Role.Supervisor, centerCode: "330503-ZHZX"), AuthApi.TestPassword);
        var changxing = app.Cast.As(await app.Cast.MakeAsync(Role.Supervisor, centerCode: "330522-ZHZX"), AuthApi.TestPassword);

        var inNanxun = await AllAsync<OfficerView>(nanxun, OfficersUrl);
        var inChangxing = await AllAsync<OfficerView>(changxing, OfficersUrl);

        Assert.Contains(inNanxun, o => o.Id == DemoOfficers.Zhu);
        Assert.Contains(inNanxun, o => o.Id == DemoOfficers.Shen);
        Assert.DoesNotContain(inChangxing, o => o.Id == DemoOfficers.Zhu || o.Id == DemoOfficers.Shen);
    }

    [Fact]
    public async Task AnOfficer_ReadsButDoesNotWrite()
    {
        var officer = app.Cast.As("officer.nanxun.nync");

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"{OfficersUrl}/{DemoOfficers.Shen}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostJsonAsync(OfficersUrl, Body(app, "330503-NYNC"))).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/officers", """{"name":"张三","departmentCode":"330503-NYNC","legalPost":"yes"}""")]
    [InlineData("/api/v1/officers", """{"name":["张三"],"departmentCode":"330503-NYNC"}""")]
    [InlineData("/api/v1/officers/0193f0a0-0000-7000-8000-000000000001/trainings", """{"course":"x","hours":"eight","date":"2026-01-01"}""")]
    [InlineData("/api/v1/officers/0193f0a0-0000-7000-8000-000000000001/trainings", """{"course":"x","hours":1e400,"date":"2026-01-01"}""")]
    [InlineData("/api/v1/teams", """{"code":1,"name":"中队","departmentCode":"330503-SL"}""")]
    [InlineData("/api/v1/officers", "not json")]
    public async Task MistypedBodies_Answer400_Not500(string url, string json)
    {
        var response = await app.Cast.As("admin").PostRawJsonAsync(url, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task EmptyFilters_AreNoFilters()
    {
        var admin = app.Cast.As("admin");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{OfficersUrl}?departmentCode=&teamCode=")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{OfficersUrl}/stats?regionCode=")).StatusCode);
    }

    [Fact]
    public async Task Lists_ArePaged_AndABadPageNamesTheField()
    {
        await CreateAsync(app, "330503-NYNC");
        await CreateAsync(app, "330503-NYNC");
        var admin = app.Cast.As("admin");

        var first = await (await admin.GetAsync($"{OfficersUrl}?pageSize=1")).ReadAsync<Zhifa.Server.Features.Incidents.PagedList<OfficerView>>();
        var second = await (await admin.GetAsync($"{OfficersUrl}?page=2&pageSize=1")).ReadAsync<Zhifa.Server.Features.Incidents.PagedList<OfficerView>>();
        var teams = await (await admin.GetAsync($"{TeamsUrl}?pageSize=1")).ReadAsync<Zhifa.Server.Features.Incidents.PagedList<TeamView>>();
        var defaults = await (await admin.GetAsync(OfficersUrl)).ReadAsync<Zhifa.Server.Features.Incidents.PagedList<OfficerView>>();

        Assert.Equal((1, 1, 2), (Assert.Single(first.Items) is not null ? 1 : 0, first.PageSize, second.Page));
        Assert.NotEqual(first.Items[0].Id, Assert.Single(second.Items).Id);
        Assert.True(first.Total >= 2);
        Assert.Single(teams.Items);
        Assert.True(teams.Total >= 2);
        Assert.Equal(OfficerEndpoints.DefaultPageSize, defaults.PageSize);
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{OfficersUrl}?pageSize=201"), "pageSize");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{TeamsUrl}?page=0"), "page");
    }
}
