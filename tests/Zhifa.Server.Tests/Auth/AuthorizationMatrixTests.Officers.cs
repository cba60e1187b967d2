using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Data.Seeding;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Officers;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// Officers and teams: read by department staff (their own), centre roles (their region) and the admin; kept
/// by the admin and the department's leader. In scope is 南浔区农业农村局, the matrix's department; out of
/// scope is 长兴县农业农村局, which only the admin sees and keeps.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static readonly Caller[] OfficerReaders =
        [Caller.Dispatcher, Caller.Analyst, Caller.Supervisor, Caller.DutyCommander, Caller.DepartmentOfficer, Caller.DepartmentLeader, Caller.Admin];
    private static readonly Caller[] OfficerKeepers = [Caller.DepartmentLeader, Caller.Admin];

    private readonly Dictionary<bool, Task<OfficerView>> _matrixOfficers = [];
    private readonly Dictionary<bool, Task<TeamView>> _matrixTeams = [];
    private readonly Dictionary<bool, Task<IncidentDetail>> _toStaff = [];

    private void AddOfficersRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var created = Always(HttpStatusCode.Created);
        // Out of scope, the admin alone reaches 长兴's officers; everyone else finds none there.
        Func<Caller, HttpStatusCode> adminOr(HttpStatusCode success, HttpStatusCode otherwise) => c => c == Caller.Admin ? success : otherwise;

        rules["GET /api/v1/officers"] = new(OfficerReaders, (c, _) => Send(c, HttpMethod.Get, "/api/v1/officers"), ok, ok);
        rules["GET /api/v1/officers/stats"] = new(OfficerReaders, (c, _) => Send(c, HttpMethod.Get, "/api/v1/officers/stats"), ok, ok);
        rules["GET /api/v1/officers/{id:guid}"] = new(OfficerReaders,
            async (c, inScope) => await Send(c, HttpMethod.Get, $"/api/v1/officers/{(await MatrixOfficerAsync(inScope)).Id}"),
            ok, adminOr(HttpStatusCode.OK, HttpStatusCode.NotFound));
        rules["POST /api/v1/officers"] = new(OfficerKeepers,
            (c, inScope) => Post(c, "/api/v1/officers", new { name = "矩阵执法员", departmentCode = Department(inScope) }),
            created, adminOr(HttpStatusCode.Created, HttpStatusCode.Forbidden));
        rules["PUT /api/v1/officers/{id:guid}"] = new(OfficerKeepers,
            async (c, inScope) => await SendJson(c, HttpMethod.Put, $"/api/v1/officers/{(await MatrixOfficerAsync(inScope)).Id}",
                new { name = "矩阵执法员", departmentCode = Department(inScope) }),
            ok, adminOr(HttpStatusCode.OK, HttpStatusCode.NotFound));
        rules["POST /api/v1/officers/{id:guid}/trainings"] = new(OfficerKeepers,
            async (c, inScope) => await Post(c, $"/api/v1/officers/{(await MatrixOfficerAsync(inScope)).Id}/trainings",
                new { course = "矩阵培训", hours = 2, date = "2026-01-05" }),
            created, adminOr(HttpStatusCode.Created, HttpStatusCode.NotFound));

        rules["GET /api/v1/teams"] = new(OfficerReaders, (c, _) => Send(c, HttpMethod.Get, "/api/v1/teams"), ok, ok);
        rules["POST /api/v1/teams"] = new(OfficerKeepers,
            (c, inScope) => Post(c, "/api/v1/teams", new { code = $"{Department(inScope)}-M{Guid.NewGuid().ToString("N")[..6]}", name = "矩阵中队", departmentCode = Department(inScope) }),
            created, adminOr(HttpStatusCode.Created, HttpStatusCode.Forbidden));
        rules["PUT /api/v1/teams/{code}/members"] = new(OfficerKeepers,
            async (c, inScope) => await SendJson(c, HttpMethod.Put, $"/api/v1/teams/{(await MatrixTeamAsync(inScope)).Code}/members", new { officerIds = Array.Empty<Guid>() }),
            ok, adminOr(HttpStatusCode.OK, HttpStatusCode.NotFound));

        // Naming officers on an incident: the lead department's staff; readers of the incident list them.
        rules["GET /api/v1/incidents/{id:guid}/officers"] = new(Readers,
            async (c, inScope) => await Send(c, HttpMethod.Get, $"/api/v1/incidents/{(await ReadableAsync(inScope)).Id}/officers"), ok, Always(HttpStatusCode.NotFound));
        rules["POST /api/v1/incidents/{id:guid}/officers"] = new([Caller.DepartmentOfficer, Caller.DepartmentLeader],
            async (c, inScope) => await Post(c, $"/api/v1/incidents/{(await ToStaffAsync(inScope)).Id}/officers", new { officerIds = new[] { DemoOfficers.Shen } }),
            ok, Always(HttpStatusCode.NotFound));
    }


    /// <summary>An officer the rules read, change and train: of the matrix's department, or of 长兴's.</summary>
    private Task<OfficerView> MatrixOfficerAsync(bool inScope) => _matrixOfficers.TryGetValue(inScope, out var known) ? known
        : _matrixOfficers[inScope] = Created<OfficerView>("/api/v1/officers", new { name = "矩阵执法员", departmentCode = Department(inScope) });

    private Task<TeamView> MatrixTeamAsync(bool inScope) => _matrixTeams.TryGetValue(inScope, out var known) ? known
        : _matrixTeams[inScope] = Created<TeamView>("/api/v1/teams",
            new { code = $"{Department(inScope)}-MX{(inScope ? 1 : 2)}", name = "矩阵中队", departmentCode = Department(inScope) });

    /// <summary>A dispatched incident led by 南浔区农业农村局 in 和孚镇, or the same in 长兴县; naming again is allowed.</summary>
    private Task<IncidentDetail> ToStaffAsync(bool inScope) => _toStaff.TryGetValue(inScope, out var known) ? known
        : _toStaff[inScope] = _scenario.InStatusAsync(IncidentStatus.Dispatched, inScope ? Scenario.Hefu : Elsewhere);

    private async Task<T> Created<T>(string url, object body) => await (await _clients[Caller.Admin].PostJsonAsync(url, body)).ReadAsync<T>();
}
