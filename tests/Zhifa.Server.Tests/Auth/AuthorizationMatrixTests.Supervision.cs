using System.Net;
using System.Text.Json;
using Zhifa.Core.Incidents;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The matrix's rules for the calendar, extensions and supervision notices.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private void AddSupervisionRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var notFound = Always(HttpStatusCode.NotFound);

        // The working calendar: every person reads it; the admin edits it (a far-off day, put and taken back).
        rules["GET /api/v1/calendar"] = new(People, (c, _) => Send(c, HttpMethod.Get, "/api/v1/calendar?year=2026"), ok, ok);
        rules["PUT /api/v1/calendar/days/{date}"] = new([Caller.Admin],
            (c, _) => SendJson(c, HttpMethod.Put, "/api/v1/calendar/days/2099-01-02", new { working = false, name = "矩阵测试" }), ok, ok, Order: 1);
        rules["DELETE /api/v1/calendar/days/{date}"] = new([Caller.Admin],
            (c, _) => Send(c, HttpMethod.Delete, "/api/v1/calendar/days/2099-01-02"), Always(HttpStatusCode.NoContent), Always(HttpStatusCode.NoContent), Order: 2);

        // Extensions: the lead department asks, the handling centre's dispatchers decide; readers of the incident list them.
        rules["GET /api/v1/incidents/{id:guid}/extensions"] = new(Readers,
            async (c, inScope) => await Send(c, HttpMethod.Get, $"/api/v1/incidents/{(await ReadableAsync(inScope)).Id}/extensions"), ok, notFound);
        rules["POST /api/v1/incidents/{id:guid}/extensions"] = new([Caller.DepartmentOfficer, Caller.DepartmentLeader],
            OnEach(IncidentStatus.InProgress, (c, incident) => Post(c, $"/api/v1/incidents/{incident.Id}/extensions", Extension)),
            Always(HttpStatusCode.Created), notFound);
        rules["POST /api/v1/incidents/{id:guid}/suspension-requests"] = new([Caller.DepartmentOfficer, Caller.DepartmentLeader],
            OnEach(IncidentStatus.InProgress, (c, incident) => Post(c, $"/api/v1/incidents/{incident.Id}/suspension-requests", new { reason = "等待检测报告" })),
            ok, notFound);
        foreach (var decision in new[] { "approve", "refuse" })
        {
            rules[$"POST /api/v1/incidents/{{id:guid}}/extensions/{{extensionId:guid}}/{decision}"] = new([Caller.Dispatcher],
                OnEach(IncidentStatus.InProgress, async (c, incident) =>
                {
                    // Asked by the incident's own lead department, in scope or not.
                    var officer = await app.Cast.OfficerOfAsync(incident.Assignments.First(a => a.Role == AssignmentRole.Lead).DepartmentCode);
                    var asked = await officer.PostJsonAsync($"/api/v1/incidents/{incident.Id}/extensions", Extension);
                    var id = (await asked.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
                    return await Post(c, $"/api/v1/incidents/{incident.Id}/extensions/{id}/{decision}", new { note = "矩阵测试" });
                }), ok, notFound);
        }

        // Notices: the centres' people and the departments read them; the addressed department acknowledges
        // (a dispatcher only a notice to the centre); supervisors and duty commanders issue them by hand.
        Caller[] noticeReaders = [Caller.Dispatcher, Caller.Analyst, Caller.Supervisor, Caller.DutyCommander, Caller.DepartmentOfficer, Caller.DepartmentLeader];
        rules["GET /api/v1/notices"] = new(noticeReaders, (c, _) => Send(c, HttpMethod.Get, "/api/v1/notices?pageSize=5"), ok, ok);
        rules["GET /api/v1/notices/counts"] = new(noticeReaders, (c, _) => Send(c, HttpMethod.Get, "/api/v1/notices/counts"), ok, ok);
        rules["POST /api/v1/incidents/{id:guid}/notices"] = new([Caller.Supervisor, Caller.DutyCommander],
            OnEach(IncidentStatus.Dispatched, (c, incident) => Post(c, $"/api/v1/incidents/{incident.Id}/notices", new { level = "notice", reason = "矩阵测试" })),
            Always(HttpStatusCode.Created), notFound);
        rules["POST /api/v1/notices/{id:guid}/acknowledge"] = new([Caller.DepartmentOfficer, Caller.DepartmentLeader, Caller.Dispatcher],
            OnEach(IncidentStatus.Dispatched, async (c, incident) =>
            {
                var issued = await app.Cast.As("supervisor.city").PostJsonAsync($"/api/v1/incidents/{incident.Id}/notices", new { reason = "矩阵测试" });
                var id = (await issued.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
                return await Post(c, $"/api/v1/notices/{id}/acknowledge", new { note = "已收到" });
            }),
            c => c == Caller.Dispatcher ? HttpStatusCode.Forbidden : HttpStatusCode.OK, notFound);
    }

    private static readonly object Extension = new { newLimit = "30wd", reason = "需等待检测结果" };

    /// <summary>A request on an incident of its own in <paramref name="status"/> for each call: in scope in 和孚镇, out of scope in 长兴县.</summary>
    private Func<Caller, bool, Task<HttpStatusCode>> OnEach(IncidentStatus status, Func<Caller, IncidentDetail, Task<HttpStatusCode>> send) =>
        async (caller, inScope) => await send(caller, await _scenario.InStatusAsync(status, inScope ? Scenario.Hefu : Elsewhere));
}
