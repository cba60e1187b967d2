using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Tests.Auth;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Officers.OfficerApi;

namespace Zhifa.Server.Tests.Officers;

/// <summary>The lead department names officers with a valid certificate who serve it, at home or stationed.</summary>
[Collection(ApiCollection.Name)]
public sealed class IncidentOfficerTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private static string Url(Guid id) => $"/api/v1/incidents/{id}/officers";

    [Fact]
    public async Task TheLeadDepartment_NamesItsOfficers_OnTheTimelineAndInTheList()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        Assert.Equal("330503-NYNC", incident.Assignments.Single(a => a.Role == AssignmentRole.Lead).DepartmentCode);
        var officer = app.Cast.As("officer.nanxun.nync");

        var response = await officer.PostJsonAsync(Url(incident.Id), new { officerIds = new[] { DemoOfficers.Shen, DemoOfficers.Yao } });

        var named = await response.ReadAsync<List<IncidentOfficerView>>();
        Assert.Equal(["姚晓东", "沈建华"], named.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.All(named, o => Assert.Equal("officer.nanxun.nync", o.AssignedBy));
        var after = await _scenario.GetAsync(incident.Id);
        var entry = after.Timeline[^1];
        Assert.Equal(("assign-officers", IncidentStatus.Dispatched, incident.Version + 1), (entry.Action, after.Status, after.Version));
        Assert.Contains("沈建华", entry.Note);
        Assert.Contains("姚晓东", entry.Note);
        // Whoever reads the incident reads its officers.
        var listed = await (await _scenario.Client.GetAsync(Url(incident.Id))).ReadAsync<List<IncidentOfficerView>>();
        Assert.Equal(named.Select(o => o.OfficerId).Order(), listed.Select(o => o.OfficerId).Order());
    }

    [Fact]
    public async Task NamingAgain_KeepsEachOfficerOnce()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        var officer = app.Cast.As("officer.nanxun.nync");

        await (await officer.PostJsonAsync(Url(incident.Id), new { officerIds = new[] { DemoOfficers.Shen } })).ReadAsync<List<IncidentOfficerView>>();
        var second = await (await officer.PostJsonAsync(Url(incident.Id), new { officerIds = new[] { DemoOfficers.Shen, DemoOfficers.Yao } })).ReadAsync<List<IncidentOfficerView>>();

        Assert.Equal(2, second.Count);
    }

    [Fact]
    public async Task AnExpiredCertificate_IsRefused_NamingTheOfficersPlace_AndNothingChanges()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);

        var response = await app.Cast.As("officer.nanxun.nync").PostJsonAsync(Url(incident.Id), new { officerIds = new[] { DemoOfficers.Shen, DemoOfficers.Lu } });

        var problem = await ProblemAssert.NamesFieldAsync(response, "officerIds[1]");
        Assert.False(problem.GetProperty("errors").TryGetProperty("officerIds[0]", out _));
        Assert.Equal(incident.Version, (await _scenario.GetAsync(incident.Id)).Version);
        Assert.Empty(await (await _scenario.Client.GetAsync(Url(incident.Id))).ReadAsync<List<IncidentOfficerView>>());
    }

    [Fact]
    public async Task ACertificateEndingToday_IsStillValid_OneEndingYesterdayIsNot()
    {
        var today = await CreateAsync(app, "330503-NYNC", validForDays: 0);
        var yesterday = await CreateAsync(app, "330503-NYNC", validForDays: -1);
        var none = await CreateAsync(app, "330503-NYNC", validForDays: null);
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);

        var response = await app.Cast.As("officer.nanxun.nync").PostJsonAsync(Url(incident.Id), new { officerIds = new[] { today.Id, yesterday.Id, none.Id } });

        var errors = (await ProblemAssert.NamesFieldAsync(response, "officerIds[1]")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("officerIds[2]", out _));
        Assert.False(errors.TryGetProperty("officerIds[0]", out _));
    }

    [Fact]
    public async Task AnOfficerOfAnotherDepartment_OrUnknown_IsRefused()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);

        var response = await app.Cast.As("officer.nanxun.nync").PostJsonAsync(Url(incident.Id), new { officerIds = new[] { DemoOfficers.Zhu, Guid.NewGuid() } });

        var errors = (await ProblemAssert.NamesFieldAsync(response, "officerIds[0]")).GetProperty("errors");
        // 朱卫国 is of 和孚镇's 执法队, which the 农业农村局's staff do not see: unknown to them, and not named.
        var refusal = errors.GetProperty("officerIds[0]")[0].GetString()!;
        Assert.Equal($"No officer has id {DemoOfficers.Zhu}.", refusal);
        Assert.DoesNotContain("朱卫国", (await response.Content.ReadAsStringAsync()));
        Assert.True(errors.TryGetProperty("officerIds[1]", out _));
    }

    [Fact]
    public async Task AStationedCountyOfficer_ServesAnIncidentLedByTheTownshipTeam()
    {
        var reported = await _scenario.InStatusAsync(IncidentStatus.Reported);
        var dispatched = await (await _scenario.Client.PostJsonAsync($"/api/v1/incidents/{reported.Id}/dispatch", new { departmentCode = "330503106-ZFD" }))
            .ReadAsync<IncidentDetail>();

        var response = await app.Cast.As("officer.hefu.zfd").PostJsonAsync(Url(dispatched.Id), new { officerIds = new[] { DemoOfficers.Yao, DemoOfficers.Zhu } });
        var notStationed = await app.Cast.As("officer.hefu.zfd").PostJsonAsync(Url(dispatched.Id), new { officerIds = new[] { DemoOfficers.Shen } });

        Assert.Equal(2, (await response.ReadAsync<List<IncidentOfficerView>>()).Count);
        await ProblemAssert.NamesFieldAsync(notStationed, "officerIds[0]");
    }

    [Theory]
    [InlineData(IncidentStatus.Suspended)]
    [InlineData(IncidentStatus.Resolved)]
    public async Task OutsideDispatchedOrInProgress_Conflicts(IncidentStatus status)
    {
        var incident = await _scenario.InStatusAsync(status);

        var response = await app.Cast.As("officer.nanxun.nync").PostJsonAsync(Url(incident.Id), new { officerIds = new[] { DemoOfficers.Shen } });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "incident.officers_not_open");
    }

    [Fact]
    public async Task ACoDepartment_MayNotName_AndOthersDoNotSeeTheIncident()
    {
        var reported = await _scenario.InStatusAsync(IncidentStatus.Reported);
        var dispatched = await (await _scenario.Client.PostJsonAsync($"/api/v1/incidents/{reported.Id}/dispatch",
            new { departmentCode = "330503-NYNC", coDepartmentCodes = new[] { "330503-SL" } })).ReadAsync<IncidentDetail>();
        var changxing = app.Cast.As(await app.Cast.MakeAsync(Role.DepartmentLeader, departmentCode: "330522-NYNC"), AuthApi.TestPassword);

        var co = await app.Cast.As("officer.nanxun.sl").PostJsonAsync(Url(dispatched.Id), new { officerIds = new[] { DemoOfficers.Shen } });
        var other = await changxing.PostJsonAsync(Url(dispatched.Id), new { officerIds = new[] { DemoOfficers.Shen } });
        var otherRead = await changxing.GetAsync(Url(dispatched.Id));

        await ProblemAssert.IsProblemAsync(co, HttpStatusCode.Forbidden, "officers.assign_forbidden");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRead.StatusCode);
    }

    [Fact]
    public async Task AStaleIfMatch_OrNoOfficers_ChangesNothing()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        var officer = app.Cast.As("officer.nanxun.nync");
        using var stale = new HttpRequestMessage(HttpMethod.Post, Url(incident.Id))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { officerIds = new[] { DemoOfficers.Shen } }),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await officer.SendAsync(stale)).StatusCode);
        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(Url(incident.Id), new { officerIds = Array.Empty<Guid>() }), "officerIds");
        await ProblemAssert.NamesFieldAsync(await officer.PostJsonAsync(Url(incident.Id), new { }), "officerIds");
        Assert.Equal(incident.Version, (await _scenario.GetAsync(incident.Id)).Version);
    }

    [Fact]
    public async Task AMistypedOfficerId_Answers400()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);

        var response = await app.Cast.As("officer.nanxun.nync").PostRawJsonAsync(Url(incident.Id), """{"officerIds":["not-a-guid"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
