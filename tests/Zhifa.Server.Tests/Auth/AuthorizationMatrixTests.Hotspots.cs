using System.Net;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// Hotspots, chronic places and warnings: the region readers, each for a region within their jurisdiction
/// (南浔区 in scope; 长兴县's 雉城街道 out of it, not found). Warning rules: read by the region readers, kept
/// by supervisors, analysts and the admin, a county's keepers only for their own county's regions.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static readonly Caller[] AnalysisReaders = [Caller.Dispatcher, Caller.Analyst, Caller.Supervisor, Caller.DutyCommander];
    private static readonly Caller[] AnalysisKeepers = [Caller.Analyst, Caller.Supervisor, Caller.Admin];

    private void AddHotspotRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var notFound = Always(HttpStatusCode.NotFound);
        Func<Caller, HttpStatusCode> adminOr(HttpStatusCode success) => c => c == Caller.Admin ? success : HttpStatusCode.Forbidden;
        string region(bool inScope) => inScope ? Scenario.Nanxun : Elsewhere;

        foreach (var place in new[] { "hotspots", "chronic", "warnings" })
            rules[$"GET /api/v1/analysis/{place}"] = new(AnalysisReaders,
                (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/analysis/{place}?regionCode={region(inScope)}"), ok, notFound);

        rules["GET /api/v1/analysis/warning-rules"] = new([.. AnalysisReaders, Caller.Admin], (c, _) => Send(c, HttpMethod.Get, "/api/v1/analysis/warning-rules"), ok, ok);
        rules["POST /api/v1/analysis/warning-rules"] = new(AnalysisKeepers,
            (c, inScope) => Post(c, "/api/v1/analysis/warning-rules", MatrixWarningRule(inScope)),
            Always(HttpStatusCode.Created), adminOr(HttpStatusCode.Created));
        rules["PUT /api/v1/analysis/warning-rules/{id:guid}"] = new(AnalysisKeepers,
            async (c, inScope) => await SendJson(c, HttpMethod.Put, $"/api/v1/analysis/warning-rules/{await AdminsWarningRuleAsync(inScope)}", MatrixWarningRule(inScope)),
            ok, adminOr(HttpStatusCode.OK));
        rules["DELETE /api/v1/analysis/warning-rules/{id:guid}"] = new(AnalysisKeepers,
            async (c, inScope) => await Send(c, HttpMethod.Delete, $"/api/v1/analysis/warning-rules/{await AdminsWarningRuleAsync(inScope)}"),
            Always(HttpStatusCode.NoContent), adminOr(HttpStatusCode.NoContent));
    }

    /// <summary>A rule for 和孚镇 (in scope) or 雉城街道 (out of scope), under a name of its own.</summary>
    private static object MatrixWarningRule(bool inScope) => new
    {
        name = $"矩阵规则-{Guid.NewGuid().ToString("N")[..10]}",
        regionCode = inScope ? Scenario.Hefu : Elsewhere,
        threshold = 5,
        windowHours = 24,
        severity = "notice",
    };

    /// <summary>A fresh rule the admin adds for each call: a removal leaves none to remove again.</summary>
    private async Task<Guid> AdminsWarningRuleAsync(bool inScope) =>
        (await (await _clients[Caller.Admin].PostJsonAsync("/api/v1/analysis/warning-rules", MatrixWarningRule(inScope))).ReadAsync<WarningRuleView>()).Id;
}
