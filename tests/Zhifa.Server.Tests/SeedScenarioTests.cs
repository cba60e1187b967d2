using Zhifa.Core.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests;

/// <summary>The seed's river scenario end to end: illegal fishing cages in 和孚镇, 南浔区.</summary>
[Collection(ApiCollection.Name)]
public sealed class SeedScenarioTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task RiverCages_WhenReportedWithMatterAndPlace_AreDispatchedHandledAndClosed()
    {
        var incident = await _scenario.ReportAsync("SY01", Scenario.Hefu);

        Assert.Equal(IncidentStatus.Dispatched, incident.Status);
        Assert.Equal("330503-ZHZX", incident.HandlingCenterCode);
        Assert.StartsWith("330503106", incident.GridCode);
        Assert.Matches(@"^330503-\d{8}-\d{4}$", incident.Number);
        Assert.Collection(incident.Assignments,
            a => Assert.Equal(("330503-NYNC", "Lead"), (a.DepartmentCode, a.Role.ToString())),
            a => Assert.Equal(("330503-SL", "Co"), (a.DepartmentCode, a.Role.ToString())),
            a => Assert.Equal(("330503106-ZFD", "Co"), (a.DepartmentCode, a.Role.ToString())));

        await _scenario.DoAsync(incident.Id, "accept", new { note = "已签收" });
        await _scenario.DoAsync(incident.Id, "resolve", new { result = "现场清理地笼12个，对当事人教育劝导" });
        var closed = await _scenario.DoAsync(incident.Id, "verify", new { passed = true });

        Assert.Equal(IncidentStatus.Closed, closed.Status);
        var fetched = await _scenario.GetAsync(incident.Id);
        // Before the lead resolves, each co-department (水利局, 和孚镇's team) accepts and resolves its part.
        Assert.Equal(["report", "dispatch", "accept", "co-accept", "co-resolve", "co-accept", "co-resolve", "resolve", "verify"], fetched.Timeline.Select(t => t.Action));
        Assert.Equal(Enumerable.Range(1, 9), fetched.Timeline.Select(t => t.Seq));
        Assert.Equal(IncidentStatus.Closed, fetched.Timeline[^1].ToStatus);
    }
}
