using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Time;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Analysis.Packs;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Auth;

/// <summary>
/// Analysis packs: the region readers list, read, download and make them, each for the centres within their
/// jurisdiction (南浔区's in scope; 长兴县's out of it, not found).
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private readonly Dictionary<bool, Task<Guid>> _packs = [];

    private void AddPackRules(Dictionary<string, Rule> rules)
    {
        var ok = Always(HttpStatusCode.OK);
        var notFound = Always(HttpStatusCode.NotFound);
        string region(bool inScope) => inScope ? Scenario.Nanxun : "330522";

        rules["GET /api/v1/analysis/packs"] = new(AnalysisReaders,
            (c, inScope) => Send(c, HttpMethod.Get, $"/api/v1/analysis/packs?regionCode={region(inScope)}"), ok, notFound);
        rules["POST /api/v1/analysis/packs"] = new(AnalysisReaders,
            (c, inScope) => Post(c, "/api/v1/analysis/packs", new { kind = "daily", regionCode = region(inScope) }),
            Always(HttpStatusCode.Created), notFound);
        rules["GET /api/v1/analysis/packs/{id:guid}"] = new(AnalysisReaders,
            async (c, inScope) => await Send(c, HttpMethod.Get, $"/api/v1/analysis/packs/{await MatrixPackAsync(inScope)}"), ok, notFound);
        rules["GET /api/v1/analysis/packs/{id:guid}.xlsx"] = new(AnalysisReaders,
            async (c, inScope) => await Send(c, HttpMethod.Get, $"/api/v1/analysis/packs/{await MatrixPackAsync(inScope)}.xlsx"), ok, notFound);
    }

    /// <summary>One daily pack of 南浔区's centre (in scope) or 长兴县's (out of scope), made once for all callers.</summary>
    private Task<Guid> MatrixPackAsync(bool inScope) => _packs.TryGetValue(inScope, out var known) ? known : _packs[inScope] = MakePackAsync(inScope);

    private async Task<Guid> MakePackAsync(bool inScope)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var center = scope.ServiceProvider.GetRequiredService<ReferenceData>().CommandCenters[inScope ? "330503-ZHZX" : "330522-ZHZX"];
        var period = PackPeriods.LastEnded(AnalysisPackKind.Daily, PlatformTime.LocalDate(app.Time.GetUtcNow()));
        return (await scope.ServiceProvider.GetRequiredService<PackStore>().GenerateAsync(AnalysisPackKind.Daily, center, period, "matrix", CancellationToken.None)).Id;
    }
}
