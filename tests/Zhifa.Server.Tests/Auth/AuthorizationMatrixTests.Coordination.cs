using System.Net;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The matrix's rules for joint handling (co-departments' parts) and disputes.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private void AddCoordinationRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var notFound = Always(HttpStatusCode.NotFound);
        Caller[] staff = [Caller.DepartmentOfficer, Caller.DepartmentLeader];

        // 河道污染 (SY02) is led by 生态环境局 with 农业农村局 among the co-departments: the matrix's department
        // staff work 农业农村局's part in 和孚镇; in 长兴县 they do not see the incident.
        rules["POST /api/v1/incidents/{id:guid}/assignments/{departmentCode}/accept"] = new(staff, async (c, inScope) =>
        {
            var incident = await _scenario.ReportAsync(matterCode: "SY02", township: inScope ? Scenario.Hefu : Elsewhere);
            return await Post(c, $"/api/v1/incidents/{incident.Id}/assignments/{Department(inScope)}/accept", new { });
        }, ok, notFound);
        rules["POST /api/v1/incidents/{id:guid}/assignments/{departmentCode}/resolve"] = new(staff, async (c, inScope) =>
        {
            var incident = await _scenario.ReportAsync(matterCode: "SY02", township: inScope ? Scenario.Hefu : Elsewhere);
            var own = await app.Cast.OfficerOfAsync(Department(inScope));
            (await own.PostJsonAsync($"/api/v1/incidents/{incident.Id}/assignments/{Department(inScope)}/accept", new { })).EnsureSuccessStatusCode();
            return await Post(c, $"/api/v1/incidents/{incident.Id}/assignments/{Department(inScope)}/resolve", new { result = "协办完成" });
        }, ok, notFound);
        // Letting 水利局 go from an SY01 incident: the handling centre's dispatcher, or the lead 农业农村局.
        rules["POST /api/v1/incidents/{id:guid}/assignments/{departmentCode}/release"] = new([Caller.Dispatcher, .. staff], async (c, inScope) =>
        {
            var incident = await _scenario.ReportAsync(township: inScope ? Scenario.Hefu : Elsewhere);
            return await Post(c, $"/api/v1/incidents/{incident.Id}/assignments/{(inScope ? "330503-SL" : "330522-SL")}/release", new { reason = "无需配合" });
        }, ok, notFound);

        // Disputes: every reader gets their own (a list, so out of scope is an empty page, not a 404).
        rules["GET /api/v1/disputes"] = new([Caller.Dispatcher, Caller.Analyst, Caller.Supervisor, Caller.DutyCommander, .. staff],
            (c, _) => Send(c, HttpMethod.Get, "/api/v1/disputes?pageSize=1"), ok, ok);
        rules["GET /api/v1/disputes/statistics"] = new([Caller.Dispatcher, Caller.Analyst, Caller.Supervisor, Caller.DutyCommander],
            (c, _) => Send(c, HttpMethod.Get, "/api/v1/disputes/statistics"), ok, ok);
    }
}
