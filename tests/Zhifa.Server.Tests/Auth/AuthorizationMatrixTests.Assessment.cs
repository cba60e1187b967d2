using System.Net;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// The monthly assessment: read by the region readers for a region within their jurisdiction (南浔区 in
/// scope; 长兴县's 雉城街道 out of it, not found). Its weights: read by the region readers, set by
/// supervisors, analysts and the admin; they belong to no region.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>The default weights: the matrix sets them without changing what other tests on the server see.</summary>
    private static readonly object DefaultAssessmentWeights = new
    {
        onTimeRate = 30, closureRate = 20, returnRate = 15, reworkRate = 15, extensionRate = 10, meanHandlingMinutes = 10,
    };

    private void AddAssessmentRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        rules["GET /api/v1/analysis/assessment"] = new(AnalysisReaders,
            (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/analysis/assessment?regionCode={(inScope ? Scenario.Nanxun : Elsewhere)}"),
            ok, Always(HttpStatusCode.NotFound));
        rules["GET /api/v1/analysis/assessment/weights"] = new(AnalysisReaders,
            (c, _) => Send(c, HttpMethod.Get, "/api/v1/analysis/assessment/weights"), ok, ok);
        rules["PUT /api/v1/analysis/assessment/weights"] = new(AnalysisKeepers,
            (c, _) => SendJson(c, HttpMethod.Put, "/api/v1/analysis/assessment/weights", DefaultAssessmentWeights), ok, ok);
    }
}
