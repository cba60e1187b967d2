using System.Net;

namespace Zhifa.Server.Tests.Auth;

/// <summary>The dashboard's rule: the region readers, each answered for their own jurisdiction.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private void AddDashboardRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        rules["GET /api/v1/dashboard"] = new([Caller.Dispatcher, Caller.Analyst, Caller.Supervisor, Caller.DutyCommander],
            (c, _) => Send(c, HttpMethod.Get, "/api/v1/dashboard"), ok, ok);
    }
}
