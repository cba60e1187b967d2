using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// The seed's river scenario played by the demo cast, each step by the person whose job it is, and
/// the wrong people refused: outside their jurisdiction the incident does not exist for them (404),
/// inside it an action that is not theirs is refused (403), and nothing changes either way.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JurisdictionTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private HttpClient As(string userName) => app.Cast.As(userName);

    [Fact]
    public async Task RiverScenario_WhenPlayedByTheRightPeople_ClosesWithEachOfThemOnTheTimeline()
    {
        var incident = await ReportAsGridWorkerAsync();
        Assert.Equal(IncidentStatus.Dispatched, incident.Status);

        await ActAsync("officer.nanxun.nync", incident, "accept", new { note = "已签收" }, HttpStatusCode.OK);
        // The co-departments' parts: 水利局 works the river bank; the lead lets 和孚镇's team go.
        await ActAsync("officer.nanxun.sl", incident, "assignments/330503-SL/accept", new { }, HttpStatusCode.OK);
        await ActAsync("officer.nanxun.sl", incident, "assignments/330503-SL/resolve", new { result = "河岸巡查完毕" }, HttpStatusCode.OK);
        await ActAsync("leader.nanxun.nync", incident, "assignments/330503106-ZFD/release", new { reason = "无需乡镇配合" }, HttpStatusCode.OK);
        await ActAsync("leader.nanxun.nync", incident, "resolve", new { result = "现场清理地笼12个" }, HttpStatusCode.OK);
        var closed = await ActAsync("grid.hefu", incident, "verify", new { passed = true }, HttpStatusCode.OK);

        var timeline = (await closed.ReadAsync<IncidentDetail>()).Timeline;
        Assert.Equal(IncidentStatus.Closed, timeline[^1].ToStatus);
        Assert.Equal(["grid.hefu", "router", "officer.nanxun.nync", "officer.nanxun.sl", "officer.nanxun.sl", "leader.nanxun.nync", "leader.nanxun.nync", "grid.hefu"],
            timeline.Select(t => t.Actor));
    }

    [Fact]
    public async Task OfficerOfAnotherCounty_CanNeitherSeeNorAcceptTheNanxunIncident()
    {
        var incident = await ReportAsGridWorkerAsync();
        var changxing = As("officer.changxing.nync");

        await ProblemAssert.IsProblemAsync(await changxing.GetAsync($"/api/v1/incidents/{incident.Id}"), HttpStatusCode.NotFound, "incident.not_found");
        await ActAsync("officer.changxing.nync", incident, "accept", new { }, HttpStatusCode.NotFound);
        var list = await (await changxing.GetAsync($"/api/v1/incidents?q={incident.Number}")).ReadAsync<PagedList<IncidentSummary>>();
        Assert.Equal(0, list.Total);
        await AssertUnchangedAsync(incident);
    }

    [Fact]
    public async Task GridWorker_CannotDispatch()
    {
        var incident = await ReportAsGridWorkerAsync(matterCode: null);
        Assert.Equal(IncidentStatus.Reported, incident.Status);

        await ActAsync("grid.hefu", incident, "dispatch", new { departmentCode = "330503-NYNC" }, HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(incident);
    }

    [Fact]
    public async Task Dispatcher_CannotAcceptOnBehalfOfTheDepartment()
    {
        var incident = await ReportAsGridWorkerAsync();

        await ActAsync("dispatcher.nanxun", incident, "accept", new { }, HttpStatusCode.Forbidden);
        await AssertUnchangedAsync(incident);
    }

    [Fact]
    public async Task CoDepartmentOfficer_SeesTheIncidentButCannotAcceptForTheLead()
    {
        var incident = await ReportAsGridWorkerAsync();

        Assert.Equal(HttpStatusCode.OK, (await As("officer.nanxun.sl").GetAsync($"/api/v1/incidents/{incident.Id}")).StatusCode);
        var response = await ActAsync("officer.nanxun.sl", incident, "accept", new { }, HttpStatusCode.Forbidden);
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "incident.forbidden_actor");
        Assert.Equal(["departmentOfficer", "departmentLeader"], problem.GetProperty("allowedRoles").EnumerateArray().Select(r => r.GetString()));
        await AssertUnchangedAsync(incident);
    }

    [Fact]
    public async Task Dispatcher_WhenRefusedAnAction_IsToldWhoMayTakeIt_WithoutTheRouter()
    {
        var incident = await ReportAsGridWorkerAsync(matterCode: null);

        var response = await ActAsync("dispatcher.hefu", incident, "dispatch", new { departmentCode = "330503-NYNC" }, HttpStatusCode.Forbidden);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "incident.forbidden_actor");
        Assert.Equal(["dispatcher"], problem.GetProperty("allowedRoles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task TownshipDispatcher_SeesAnIncidentInItsTownshipHandledByTheCountyButCannotDispatchIt()
    {
        var incident = await ReportAsGridWorkerAsync(matterCode: null);
        Assert.Equal("330503-ZHZX", incident.HandlingCenterCode);

        Assert.Equal(HttpStatusCode.OK, (await As("dispatcher.hefu").GetAsync($"/api/v1/incidents/{incident.Id}")).StatusCode);
        await ActAsync("dispatcher.hefu", incident, "dispatch", new { departmentCode = "330503-NYNC" }, HttpStatusCode.Forbidden);
        await ActAsync("dispatcher.nanxun", incident, "dispatch", new { departmentCode = "330503-NYNC" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task CountyDispatcher_CannotMergeIntoAnIncidentItEscalated()
    {
        var nanxun = As("dispatcher.nanxun");
        var first = await ReportAsGridWorkerAsync(matterCode: null);
        await ActAsync("dispatcher.nanxun", first, "escalate", new { reason = "跨区事项" }, HttpStatusCode.OK);
        var escalated = await _scenario.GetAsync(first.Id);
        var own = await ReportAsGridWorkerAsync(matterCode: null);
        Assert.Equal(("330500-ZHZX", "330503-ZHZX"), (escalated.HandlingCenterCode, own.HandlingCenterCode));
        Assert.Equal(HttpStatusCode.OK, (await nanxun.GetAsync($"/api/v1/incidents/{escalated.Id}")).StatusCode);

        var response = await nanxun.PostJsonAsync($"/api/v1/incidents/{own.Id}/merge", new { intoIncidentId = escalated.Id });

        await ProblemAssert.NamesFieldAsync(response, "intoIncidentId");
        await AssertUnchangedAsync(escalated);
        await AssertUnchangedAsync(own);
    }

    [Fact]
    public async Task Clue_WhenAnotherPersonAlreadySentItsExternalId_Answers409AndShowsNothingOfTheirs()
    {
        var externalId = $"app-{Guid.NewGuid():N}";
        var at = await _scenario.NextGridPointAsync();
        object Clue() => new { channel = Channels.Grid, externalId, text = "河道内发现地笼", lat = at.Lat, lon = at.Lon };
        var first = await (await As("grid.hefu").PostJsonAsync("/api/v1/clues", Clue())).ReadAsync<ClueAccepted>();
        var other = app.Cast.As(await app.Cast.MakeAsync(Core.Organization.Role.GridWorker, "330522001-ZHZX"), AuthApi.TestPassword);

        var response = await other.PostJsonAsync("/api/v1/clues", Clue());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "intake.external_id_taken");
        Assert.DoesNotContain(first.IncidentNumber, problem.ToString());
        Assert.Equal(first.IncidentId, (await (await As("grid.hefu").PostJsonAsync("/api/v1/clues", Clue())).ReadAsync<ClueAccepted>()).IncidentId);
    }

    [Fact]
    public async Task GridWorker_SeesOwnReportsAndResolvedWorkInTheirGridsOnly()
    {
        var own = await ReportAsGridWorkerAsync();
        var others = await _scenario.ReportAsync("SY01", Scenario.Hefu, channel: Channels.Hotline12345, at: await _scenario.NextGridPointAsync());
        var grid = As("grid.hefu");

        Assert.Equal(HttpStatusCode.OK, (await grid.GetAsync($"/api/v1/incidents/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/v1/incidents/{others.Id}")).StatusCode);

        await _scenario.DoAsync(others.Id, "accept");
        await _scenario.DoAsync(others.Id, "resolve", new { result = "已清理" });
        Assert.Equal(HttpStatusCode.OK, (await grid.GetAsync($"/api/v1/incidents/{others.Id}")).StatusCode);
    }

    [Fact]
    public async Task Admin_ManagesButDoesNotReadIncidents()
    {
        var incident = await ReportAsGridWorkerAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await As("admin").GetAsync($"/api/v1/incidents/{incident.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As("admin").GetAsync("/api/v1/incidents")).StatusCode);
    }

    [Fact]
    public async Task Clue_WhenAGridWorkerReportsThroughAnotherChannel_Answers403AndCreatesNothing()
    {
        var marker = $"CH{Guid.NewGuid():N}"[..16];

        var response = await As("grid.hefu").PostJsonAsync("/api/v1/clues", new { channel = Channels.Hotline12345, text = marker, lat = 30.805, lon = 120.4375 });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "intake.channel_mismatch");
        var list = await (await _scenario.Client.GetAsync($"/api/v1/incidents?q={marker}")).ReadAsync<PagedList<IncidentSummary>>();
        Assert.Equal(0, list.Total);
    }

    [Fact]
    public async Task Request_WhenAnonymous_Answers401()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/matters")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("/api/v1/clues", new { channel = "grid", text = "x", lat = 30.8, lon = 120.4 })).StatusCode);
    }

    /// <summary>grid.hefu reports in their grids at 和孚镇's centre: SY01 is dispatched to 南浔区农业农村局 at once.</summary>
    private async Task<IncidentDetail> ReportAsGridWorkerAsync(string? matterCode = "SY01")
    {
        var at = await _scenario.NextGridPointAsync();
        var response = await As("grid.hefu").PostJsonAsync("/api/v1/clues", new
        {
            channel = Channels.Grid, text = matterCode is null ? Scenario.UnplacedText : "河道内发现地笼，疑似非法捕捞", matterCode, lat = at.Lat, lon = at.Lon,
        });
        return await _scenario.GetAsync((await response.ReadAsync<ClueAccepted>()).IncidentId);
    }

    private async Task<HttpResponseMessage> ActAsync(string userName, IncidentDetail incident, string action, object body, HttpStatusCode expected)
    {
        var response = await As(userName).PostJsonAsync($"/api/v1/incidents/{incident.Id}/{action}", body);
        Assert.True(response.StatusCode == expected, $"{userName} {action}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private async Task AssertUnchangedAsync(IncidentDetail before)
    {
        var after = await _scenario.GetAsync(before.Id);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
    }
}
