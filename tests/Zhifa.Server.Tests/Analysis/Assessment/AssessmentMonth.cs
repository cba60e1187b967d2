using Zhifa.Core.Incidents;
using Zhifa.Core.Organization;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis.Assessment;

/// <summary>
/// Tests that move the clock a month on get a server of their own: every other test's clock, sign-ins
/// and deadlines would move with it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AssessmentCollection : ICollectionFixture<ZhifaApp>
{
    public const string Name = "assessment";
}

/// <summary>
/// December 2026 in 和孚镇, made once through the API for the collection's server. 南浔区农业农村局 (SY01)
/// closes both its incidents on time, one after a failed verification (rework 1/2); the lead of SR01
/// closes one and leaves one in progress, overdue by the month's end (on time 1/2, closure 1/2). The
/// clock then stands at Monday 4 January 2027, so December is the last full month.
/// </summary>
public sealed record AssessmentMonth(string Reworking, string Late)
{
    public const string Month = "2026-12";
    public static readonly DateTimeOffset December1 = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset January4 = new(2027, 1, 4, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static AssessmentMonth? _made;

    public static async Task<AssessmentMonth> OnAsync(ZhifaApp app)
    {
        await Gate.WaitAsync();
        try
        {
            return _made ??= await MakeAsync(app, new Scenario(app));
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<AssessmentMonth> MakeAsync(ZhifaApp app, Scenario scenario)
    {
        app.Time.SetUtcNow(December1);
        var fishing = await scenario.ReportAsync("SY01");
        await CloseAsync(scenario, fishing.Id);
        var reworked = await scenario.ReportAsync("SY01");
        await scenario.DoAsync(reworked.Id, "accept");
        await scenario.DoAsync(reworked.Id, "resolve", new { result = "已清理" });
        await scenario.DoAsync(reworked.Id, "verify", new { passed = false, note = "地笼未清理干净" });
        await scenario.DoAsync(reworked.Id, "resolve", new { result = "已全部清理" });
        Assert.Equal(IncidentStatus.Closed, (await scenario.DoAsync(reworked.Id, "verify", new { passed = true })).Status);

        const string stall = "路口有人占道摆摊卖水果";
        var closed = await scenario.ReportAsync("SR01", text: stall);
        await CloseAsync(scenario, closed.Id);
        var late = await scenario.DoAsync((await scenario.ReportAsync("SR01", text: stall)).Id, "accept");
        Assert.Equal(IncidentStatus.InProgress, late.Status);

        app.Time.SetUtcNow(January4);
        return new AssessmentMonth(LeadOf(reworked), LeadOf(late));
    }

    private static async Task CloseAsync(Scenario scenario, Guid id)
    {
        await scenario.DoAsync(id, "accept");
        await scenario.DoAsync(id, "resolve", new { result = "已处理" });
        Assert.Equal(IncidentStatus.Closed, (await scenario.DoAsync(id, "verify", new { passed = true })).Status);
    }

    private static string LeadOf(IncidentDetail incident) => incident.Assignments.Single(a => a.Role == AssignmentRole.Lead).DepartmentCode;
}
