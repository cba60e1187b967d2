using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Incidents;

/// <summary>An incident offers only the actions that would succeed: the table's rows whose guards pass.</summary>
[Collection(ApiCollection.Name)]
public sealed class AllowedActionsTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task AllowedActions_WhenReportedAndNeverReturned_DoNotOfferDispute()
    {
        var reported = await _scenario.InStatusAsync(IncidentStatus.Reported);

        Assert.Equal(["dispatch", "reject", "merge", "escalate"], reported.AllowedActions);
    }

    [Fact]
    public async Task AllowedActions_WhenReturned_OfferDispute()
    {
        var returned = await _scenario.DoAsync((await _scenario.ReportAsync()).Id, "return", new { reason = "不属于本部门职责" });

        Assert.Contains("dispute", returned.AllowedActions);
    }

    [Fact]
    public async Task AllowedActions_WhenARulingBinds_DoNotOfferReturn()
    {
        var disputed = await _scenario.InStatusAsync(IncidentStatus.Disputed);
        var ruled = await _scenario.DoAsync(disputed.Id, "rule", new { departmentCode = "330503-NYNC", reason = "属渔业执法职责" });

        Assert.Equal(["accept"], ruled.AllowedActions);
        var refused = await _scenario.ActAsync(ruled.Id, "return", new { reason = "仍不属于本部门" });
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict, InvalidTransitionException.ErrorCode);
        Assert.Equal(["accept"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }
}
