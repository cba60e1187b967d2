using System.Net;
using System.Net.Http.Json;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Coordination;

/// <summary>
/// 合成作战 over HTTP: an SY01 report in 和孚镇 is led by 南浔区农业农村局 with 水利局 and 和孚镇's team as
/// co-departments; each co-department works its own part, and the lead's resolve waits for them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JointHandlingApiTests(ZhifaApp app)
{
    private const string Lead = "330503-NYNC";
    private const string Water = "330503-SL";
    private const string Township = "330503106-ZFD";

    private readonly Scenario _scenario = new(app);

    private static string Part(Guid id, string department, string step) => $"/api/v1/incidents/{id}/assignments/{department}/{step}";

    [Fact]
    public async Task CoDepartment_AcceptsAndResolvesItsPart_OnTheTimeline()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        var water = await app.Cast.OfficerOfAsync(Water);

        var accepted = await (await water.PostJsonAsync(Part(incident.Id, Water, "accept"), new { note = "派员到场" })).ReadAsync<IncidentDetail>();
        var resolved = await (await water.PostJsonAsync(Part(incident.Id, Water, "resolve"), new { result = "河岸已清理" })).ReadAsync<IncidentDetail>();

        Assert.Equal(AssignmentStatus.Accepted, accepted.Assignments.Single(a => a.DepartmentCode == Water).Status);
        Assert.Equal(AssignmentStatus.Resolved, resolved.Assignments.Single(a => a.DepartmentCode == Water).Status);
        Assert.Equal(IncidentStatus.InProgress, resolved.Status);
        Assert.Equal([("co-accept", $"{Water}: 派员到场"), ("co-resolve", $"{Water}: 河岸已清理")],
            resolved.Timeline.TakeLast(2).Select(t => (t.Action, t.Note!)));
    }

    [Fact]
    public async Task LeadResolve_WhileACoPartIsOwed_IsRefused_ThenAllowedOnceReleased()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        var lead = await app.Cast.OfficerOfAsync(Lead);
        var water = await app.Cast.OfficerOfAsync(Water);
        await water.PostJsonAsync(Part(incident.Id, Water, "accept"), new { });
        await water.PostJsonAsync(Part(incident.Id, Water, "resolve"), new { result = "河岸已清理" });
        var before = await _scenario.GetAsync(incident.Id);
        Assert.DoesNotContain("resolve", before.AllowedActions);

        var refused = await lead.PostJsonAsync($"/api/v1/incidents/{incident.Id}/resolve", new { result = "已清理" });

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, "incident.invalid_transition");
        Assert.Contains(Township, problem.GetProperty("detail").GetString());
        Assert.Equal(before.Version, (await _scenario.GetAsync(incident.Id)).Version);

        // The lead lets the township team go: its part is not needed.
        (await lead.PostJsonAsync(Part(incident.Id, Township, "release"), new { reason = "无需乡镇配合" })).EnsureSuccessStatusCode();
        var done = await (await lead.PostJsonAsync($"/api/v1/incidents/{incident.Id}/resolve", new { result = "已清理" })).ReadAsync<IncidentDetail>();

        Assert.Equal(IncidentStatus.Resolved, done.Status);
        Assert.Equal([AssignmentStatus.Resolved, AssignmentStatus.Resolved, AssignmentStatus.Released],
            done.Assignments.Select(a => a.Status));
    }

    [Fact]
    public async Task CoPart_IsWorkedOnlyByItsOwnDepartment()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        var lead = await app.Cast.OfficerOfAsync(Lead);
        var township = await app.Cast.OfficerOfAsync(Township);

        var byLead = await lead.PostJsonAsync(Part(incident.Id, Water, "accept"), new { });
        var byOther = await township.PostJsonAsync(Part(incident.Id, Water, "resolve"), new { result = "x" });
        var byDispatcher = await _scenario.Client.PostJsonAsync(Part(incident.Id, Water, "accept"), new { });

        await ProblemAssert.IsProblemAsync(byLead, HttpStatusCode.Forbidden, "incident.forbidden_actor");
        await ProblemAssert.IsProblemAsync(byOther, HttpStatusCode.Forbidden, "incident.forbidden_actor");
        Assert.Equal(HttpStatusCode.Forbidden, byDispatcher.StatusCode);
        Assert.Equal(incident.Version, (await _scenario.GetAsync(incident.Id)).Version);
    }

    [Fact]
    public async Task Release_ByTheHandlingCentresDispatcher_Works_ButNotByACoDepartment()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        var water = await app.Cast.OfficerOfAsync(Water);

        var bySide = await water.PostJsonAsync(Part(incident.Id, Township, "release"), new { reason = "不需要" });
        var byCentre = await _scenario.Client.PostJsonAsync(Part(incident.Id, Township, "release"), new { reason = "不需要乡镇配合" });

        await ProblemAssert.IsProblemAsync(bySide, HttpStatusCode.Forbidden, "incident.forbidden_actor");
        var released = await byCentre.ReadAsync<IncidentDetail>();
        Assert.Equal(AssignmentStatus.Released, released.Assignments.Single(a => a.DepartmentCode == Township).Status);
    }

    [Fact]
    public async Task CoSteps_ForAnIncidentOutOfSight_AreNotFound()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        var elsewhere = await app.Cast.OfficerOfAsync("330522-SL");

        var response = await elsewhere.PostJsonAsync(Part(incident.Id, "330522-SL", "accept"), new { });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "incident.not_found");
    }

    [Fact]
    public async Task CoSteps_WithBadInput_NameTheField_AndChangeNothing()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        var water = await app.Cast.OfficerOfAsync(Water);

        await ProblemAssert.NamesFieldAsync(await water.PostJsonAsync(Part(incident.Id, Water, "resolve"), new { result = " " }), "result");
        await ProblemAssert.NamesFieldAsync(await water.PostJsonAsync(Part(incident.Id, Water, "accept"), new { note = new string('长', 1001) }), "note");
        await ProblemAssert.NamesFieldAsync(await _scenario.Client.PostJsonAsync(Part(incident.Id, Water, "release"), new { }), "reason");

        Assert.Equal(incident.Version, (await _scenario.GetAsync(incident.Id)).Version);
    }

    [Fact]
    public async Task CoSteps_OutOfOrder_AreConflicts()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        var water = await app.Cast.OfficerOfAsync(Water);

        var early = await water.PostJsonAsync(Part(incident.Id, Water, "resolve"), new { result = "河岸已清理" });
        var notCo = await (await app.Cast.OfficerOfAsync(Lead)).PostJsonAsync(Part(incident.Id, Lead, "accept"), new { });

        await ProblemAssert.IsProblemAsync(early, HttpStatusCode.Conflict, "assignment.invalid_step");
        await ProblemAssert.IsProblemAsync(notCo, HttpStatusCode.Conflict, "assignment.not_found");
    }

    [Fact]
    public async Task CoSteps_HonourIfMatch()
    {
        var incident = await _scenario.InStatusAsync(IncidentStatus.Dispatched);
        var water = await app.Cast.OfficerOfAsync(Water);
        using var request = new HttpRequestMessage(HttpMethod.Post, Part(incident.Id, Water, "accept")) { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{incident.Version - 1}\"");

        var response = await water.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.PreconditionFailed, "incident.stale");
    }
}
