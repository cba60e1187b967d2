using System.Net;
using Zhifa.Core.Organization;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Officers.OfficerApi;

namespace Zhifa.Server.Tests.Officers;

/// <summary>Teams and their members: a township team takes officers of its county's departments (县属乡用).</summary>
[Collection(ApiCollection.Name)]
public sealed class TeamEndpointTests(ZhifaApp app)
{
    [Fact]
    public async Task ALeader_SetsUpATeam_AndStationsACountyOfficerInIt()
    {
        var county = await CreateAsync(app, "330503-NYNC");
        var own = await CreateAsync(app, "330503106-ZFD");
        var hefuLeader = app.Cast.As(await app.Cast.MakeAsync(Role.DepartmentLeader, departmentCode: "330503106-ZFD"), AuthApi.TestPassword);
        var code = $"330503106-ZFD-{Guid.NewGuid().ToString("N")[..4]}";

        var created = await hefuLeader.PostJsonAsync(TeamsUrl, new { code, name = "和孚二中队", departmentCode = "330503106-ZFD", townshipCode = "330503106" });
        var members = await hefuLeader.PutJsonAsync($"{TeamsUrl}/{code}/members", new { officerIds = new[] { county.Id, own.Id, county.Id } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var team = await members.ReadAsync<TeamView>();
        // Ids made at one moment of the platform's clock do not sort by creation: compare as sets.
        Assert.Equal(new[] { county.Id, own.Id }.Order(), team.Members.Select(m => m.Id).Order());
        var stationed = await (await hefuLeader.GetAsync($"{OfficersUrl}/{county.Id}")).ReadAsync<OfficerView>();
        Assert.Equal(["330503-NYNC", "330503106-ZFD"], stationed.ServesDepartments);
        var listed = await AllAsync<TeamView>(hefuLeader, TeamsUrl);
        Assert.Contains(listed, t => t.Code == code);
        Assert.All(listed, t => Assert.Equal("330503106-ZFD", t.DepartmentCode));
    }

    [Fact]
    public async Task Members_CanBeReplaced_AndEmptied()
    {
        var (a, b) = (await CreateAsync(app, "330503-SL"), await CreateAsync(app, "330503-SL"));
        var team = await TeamAsync(app, "330503-SL", a.Id, b.Id);

        var replaced = await (await app.Cast.As("admin").PutJsonAsync($"{TeamsUrl}/{team.Code}/members", new { officerIds = new[] { b.Id } })).ReadAsync<TeamView>();
        var emptied = await (await app.Cast.As("admin").PutJsonAsync($"{TeamsUrl}/{team.Code}/members", new { officerIds = Array.Empty<Guid>() })).ReadAsync<TeamView>();

        Assert.Equal([b.Id], replaced.Members.Select(m => m.Id));
        Assert.Empty(emptied.Members);
    }

    [Fact]
    public async Task Members_FromAnotherCounty_OrUnknown_AreNamedByIndex()
    {
        var changxing = await CreateAsync(app, "330522-NYNC");

        var response = await app.Cast.As("admin").PutJsonAsync($"{TeamsUrl}/{DemoOfficers.HefuTeam}/members",
            new { officerIds = new[] { DemoOfficers.Zhu, changxing.Id, Guid.NewGuid() } });

        var problem = await ProblemAssert.NamesFieldAsync(response, "officerIds[1]");
        Assert.True(problem.GetProperty("errors").TryGetProperty("officerIds[2]", out _));
        var hefu = (await AllAsync<TeamView>(app.Cast.As("admin"), TeamsUrl)).Single(t => t.Code == DemoOfficers.HefuTeam);
        Assert.Contains(hefu.Members, m => m.Id == DemoOfficers.Yao);
    }

    [Theory]
    [InlineData("code", null, "中队", "330503-SL", null)]
    [InlineData("code", "has space", "中队", "330503-SL", null)]
    [InlineData("name", "330503-SL-X1", null, "330503-SL", null)]
    [InlineData("departmentCode", "330503-SL-X2", "中队", "330503-NOPE", null)]
    [InlineData("townshipCode", "330503-SL-X3", "中队", "330503-SL", "330503")]
    [InlineData("townshipCode", "330503-SL-X4", "中队", "330503-SL", "330522001")]
    public async Task Create_WithABadField_NamesIt(string field, string? code, string? name, string department, string? township) =>
        await ProblemAssert.NamesFieldAsync(
            await app.Cast.As("admin").PostJsonAsync(TeamsUrl, new { code, name, departmentCode = department, townshipCode = township }), field);

    [Fact]
    public async Task MovingAMemberToAnotherCountysDepartment_IsRefused_UntilTheyLeaveTheTeam()
    {
        var officer = await CreateAsync(app, "330503-SL");
        var team = await TeamAsync(app, "330503-SL", officer.Id);
        var admin = app.Cast.As("admin");

        await ProblemAssert.NamesFieldAsync(await admin.PutJsonAsync($"{OfficersUrl}/{officer.Id}", Body(app, "330522-NYNC", name: officer.Name)), "departmentCode");
        Assert.Equal("330503-SL", (await (await admin.GetAsync($"{OfficersUrl}/{officer.Id}")).ReadAsync<OfficerView>()).DepartmentCode);

        await admin.PutJsonAsync($"{TeamsUrl}/{team.Code}/members", new { officerIds = Array.Empty<Guid>() });
        var moved = await admin.PutJsonAsync($"{OfficersUrl}/{officer.Id}", Body(app, "330522-NYNC", name: officer.Name));
        Assert.Equal("330522-NYNC", (await moved.ReadAsync<OfficerView>()).DepartmentCode);
    }

    [Fact]
    public async Task ConcurrentMemberChanges_AnswerOkOrConflict_Never500()
    {
        var (a, b) = (await CreateAsync(app, "330503-SL"), await CreateAsync(app, "330503-SL"));
        var team = await TeamAsync(app, "330503-SL", a.Id);
        var admin = app.Cast.As("admin");

        // Both remove a and add b: the second to save finds a's row gone, or b's row there.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            admin.PutJsonAsync($"{TeamsUrl}/{team.Code}/members", new { officerIds = new[] { b.Id } })));

        Assert.All(answers, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        foreach (var conflict in answers.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            await ProblemAssert.IsProblemAsync(conflict, HttpStatusCode.Conflict, "team.changed");
        var final = (await AllAsync<TeamView>(admin, TeamsUrl)).Single(t => t.Code == team.Code);
        Assert.Equal([b.Id], final.Members.Select(m => m.Id));
    }

    [Fact]
    public async Task Create_WithATakenCode_Conflicts() =>
        await ProblemAssert.IsProblemAsync(
            await app.Cast.As("admin").PostJsonAsync(TeamsUrl, new { code = DemoOfficers.HefuTeam, name = "重复", departmentCode = "330503106-ZFD" }),
            HttpStatusCode.Conflict, "teams.code_taken");

    [Fact]
    public async Task AChangxingLeader_NeitherSeesNorChangesNanxunsTeams()
    {
        var changxing = app.Cast.As(await app.Cast.MakeAsync(Role.DepartmentLeader, departmentCode: "330522-NYNC"), AuthApi.TestPassword);

        var list = await AllAsync<TeamView>(changxing, TeamsUrl);
        var put = await changxing.PutJsonAsync($"{TeamsUrl}/{DemoOfficers.NanxunAgricultureTeam}/members", new { officerIds = Array.Empty<Guid>() });
        var create = await changxing.PostJsonAsync(TeamsUrl, new { code = "330503-NYNC-99", name = "越权", departmentCode = "330503-NYNC" });

        Assert.DoesNotContain(list, t => t.DepartmentCode.StartsWith("330503", StringComparison.Ordinal));
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.NotFound, "teams.not_found");
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden, "officers.not_yours");
        var nync = (await AllAsync<TeamView>(app.Cast.As("admin"), TeamsUrl)).Single(t => t.Code == DemoOfficers.NanxunAgricultureTeam);
        Assert.NotEmpty(nync.Members);
    }
}
