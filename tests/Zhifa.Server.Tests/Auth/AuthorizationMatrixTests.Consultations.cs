using System.Net;
using System.Text.Json;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The matrix's rules for consultations (联合会商), their agendas and tracked actions (督办事项).</summary>
public sealed partial class AuthorizationMatrixTests
{
    private void AddConsultationsRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var created = Always(HttpStatusCode.Created);
        // Out of scope is 长兴县's consultation: only the admin, who sees the whole city, finds it.
        Func<Caller, HttpStatusCode> adminOnly(HttpStatusCode status) => c => c == Caller.Admin ? status : HttpStatusCode.NotFound;
        Caller[] readers = [Caller.Dispatcher, Caller.Supervisor, Caller.DutyCommander, Caller.DepartmentOfficer, Caller.DepartmentLeader, Caller.Admin];
        Caller[] organisers = [Caller.Dispatcher, Caller.DutyCommander, Caller.Admin];

        rules["GET /api/v1/consultations"] = new(readers, (c, _) => Send(c, HttpMethod.Get, "/api/v1/consultations?pageSize=5"), ok, ok);
        rules["POST /api/v1/consultations"] = new(organisers, (c, inScope) => Post(c, "/api/v1/consultations",
                new { topic = "矩阵测试会商", scheduledAt = app.Time.GetUtcNow(), centerCode = inScope ? "330503-ZHZX" : "330522-ZHZX" }),
            created, c => c == Caller.Admin ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        rules["GET /api/v1/consultations/{id:guid}"] = new(readers,
            async (c, inScope) => await Send(c, HttpMethod.Get, $"/api/v1/consultations/{await ConsultationAsync(inScope)}"), ok, adminOnly(HttpStatusCode.OK));
        rules["PUT /api/v1/consultations/{id:guid}/attendance"] = new(organisers, async (c, inScope) =>
                await SendJson(c, HttpMethod.Put, $"/api/v1/consultations/{await ConsultationAsync(inScope)}/attendance",
                    new { attendance = new[] { new { departmentCode = Department(inScope), name = "矩阵", present = true } } }),
            ok, adminOnly(HttpStatusCode.OK));
        rules["PUT /api/v1/consultations/{id:guid}/minutes"] = new(organisers, async (c, inScope) =>
                await SendJson(c, HttpMethod.Put, $"/api/v1/consultations/{await ConsultationAsync(inScope)}/minutes", new { minutes = "矩阵测试纪要" }),
            ok, adminOnly(HttpStatusCode.OK));
        rules["POST /api/v1/consultations/{id:guid}/decisions"] = new(organisers, async (c, inScope) =>
                await Post(c, $"/api/v1/consultations/{await ConsultationAsync(inScope)}/decisions", Decision(inScope)),
            created, adminOnly(HttpStatusCode.Created));
        // Closing is final: each call closes a consultation of its own.
        rules["POST /api/v1/consultations/{id:guid}/close"] = new(organisers, async (c, inScope) =>
                await Post(c, $"/api/v1/consultations/{await NewConsultationAsync(inScope)}/close", new { }),
            ok, adminOnly(HttpStatusCode.OK));
        rules["GET /api/v1/command-centers/{code}/agenda"] = new([Caller.Dispatcher, Caller.Supervisor, Caller.DutyCommander, Caller.Admin],
            (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/command-centers/{(inScope ? "330503-ZHZX" : "330522-ZHZX")}/agenda?kind=weekly"),
            ok, adminOnly(HttpStatusCode.OK));

        rules["GET /api/v1/actions"] = new(readers, (c, _) => Send(c, HttpMethod.Get, "/api/v1/actions?pageSize=5"), ok, ok);
        // Completing is once: each call completes an action of its own, owed by the matrix's department (in scope) or 长兴县's.
        rules["POST /api/v1/actions/{id:guid}/complete"] = new([Caller.DepartmentOfficer, Caller.DepartmentLeader], async (c, inScope) =>
            {
                using var decided = await app.Cast.As(Cast.CityDispatcher).PostJsonAsync(
                    $"/api/v1/consultations/{await ConsultationAsync(inScope)}/decisions", Decision(inScope));
                var id = (await decided.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
                return await Post(c, $"/api/v1/actions/{id}/complete", new { note = "矩阵测试完成" });
            },
            ok, Always(HttpStatusCode.NotFound));
    }


    private object Decision(bool inScope) => new { text = "矩阵测试决定", ownerDepartmentCode = Department(inScope), deadline = app.Time.GetUtcNow().AddDays(7) };

    private readonly Dictionary<bool, Guid> _consultations = [];

    /// <summary>One open consultation per scope that the rules share: 南浔区's inviting the matrix's department, or 长兴县's.</summary>
    private async Task<Guid> ConsultationAsync(bool inScope) =>
        _consultations.TryGetValue(inScope, out var known) ? known : _consultations[inScope] = await NewConsultationAsync(inScope);

    private async Task<Guid> NewConsultationAsync(bool inScope)
    {
        using var response = await app.Cast.As(Cast.CityDispatcher).PostJsonAsync("/api/v1/consultations", new
        {
            topic = "矩阵测试会商", scheduledAt = app.Time.GetUtcNow().AddMinutes(-1), centerCode = inScope ? "330503-ZHZX" : "330522-ZHZX",
            invitedDepartmentCodes = new[] { Department(inScope) },
        });
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
