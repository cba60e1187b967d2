using System.Net;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>Indicators and the daily trend: the region readers, for a region within their jurisdiction (南浔区), not another county's.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private void AddIndicatorRules(Dictionary<string, Rule> rules)
    {
        string region(bool inScope) => inScope ? Scenario.Nanxun : Elsewhere;
        rules["GET /api/v1/analysis/indicators"] = new(AnalysisReaders,
            (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/analysis/indicators?groupBy=matter&regionCode={region(inScope)}"),
            Always(HttpStatusCode.OK), Always(HttpStatusCode.NotFound));
        rules["GET /api/v1/analysis/trend"] = new(AnalysisReaders,
            (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/analysis/trend?regionCode={region(inScope)}"),
            Always(HttpStatusCode.OK), Always(HttpStatusCode.NotFound));
    }
}
