using System.Net;
using Zhifa.Core.Organization;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// The duty roster's rules: every person reads any centre's; the admin edits every roster, a duty
/// commander those of their centre's scope (和孚镇 is below the matrix's 南浔区 home, 长兴县 is not); only
/// the commander on duty hands over, and no matrix caller is ever on duty.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private const string HefuCenter = "330503106-ZHZX";
    private const string ChangxingCenter = "330522-ZHZX";

    private void AddDutyRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var forbidden = Always(HttpStatusCode.Forbidden);
        static string Center(bool inScope) => inScope ? HefuCenter : ChangxingCenter;
        Func<Caller, HttpStatusCode> adminOnly(HttpStatusCode status) => c => c == Caller.Admin ? status : HttpStatusCode.Forbidden;

        rules["GET /api/v1/command-centers/{code}/duty"] = new(People, (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/command-centers/{Center(inScope)}/duty"), ok, ok);
        rules["GET /api/v1/command-centers/{code}/roster"] = new(People, (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/command-centers/{Center(inScope)}/roster"), ok, ok);
        // The notes are the centre's: its people's and those above it, and the admin's; to others the centre does not exist.
        rules["GET /api/v1/command-centers/{code}/handovers"] = new(People, (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/command-centers/{Center(inScope)}/handovers"),
            c => c is Caller.GridWorker or Caller.DepartmentOfficer or Caller.DepartmentLeader ? HttpStatusCode.NotFound : HttpStatusCode.OK,
            c => c == Caller.Admin ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        // A rotation far ahead, so that nobody is on duty and the other rules' escalations still reach the centres.
        rules["PUT /api/v1/command-centers/{code}/roster"] = new([Caller.Admin, Caller.DutyCommander],
            (c, inScope) => SendJson(c, HttpMethod.Put, $"/api/v1/command-centers/{Center(inScope)}/roster",
                new { rotation = Array.Empty<string>(), startDate = "2099-01-01" }), ok, adminOnly(HttpStatusCode.OK));
        rules["POST /api/v1/command-centers/{code}/roster/swaps"] = new([Caller.Admin, Caller.DutyCommander], async (c, inScope) =>
            await Post(c, $"/api/v1/command-centers/{Center(inScope)}/roster/swaps",
                new { date = "2099-01-02", userName = await CommanderOfAsync(Center(inScope)), reason = "矩阵测试" }),
            Always(HttpStatusCode.Created), adminOnly(HttpStatusCode.Created), Order: 1);
        rules["POST /api/v1/command-centers/{code}/handovers"] = new([Caller.DutyCommander],
            (c, inScope) => Post(c, $"/api/v1/command-centers/{Center(inScope)}/handovers", new { note = "矩阵测试" }), forbidden, forbidden);
    }

    private readonly Dictionary<string, string> _commanders = [];

    /// <summary>A duty commander of the centre, made once: the one a swap gives the day to.</summary>
    private async Task<string> CommanderOfAsync(string center) =>
        _commanders.TryGetValue(center, out var known) ? known
        : _commanders[center] = await app.Cast.MakeAsync(Role.DutyCommander, center, totpKey: AuthApi.DemoTotpKey);
}
