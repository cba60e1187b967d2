using Microsoft.Extensions.DependencyInjection;
using Zhifa.Data;
using Zhifa.Server.Features.Triage;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Triage;

/// <summary>Which clues a retraining learns from: those whose matter a dispatcher decided, with the incident's final matter.</summary>
[Collection(ApiCollection.Name)]
public sealed class DecidedExamplesTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);
    private readonly string _marker = $"判例{Guid.NewGuid():N}"[..14];

    [Fact]
    public async Task Decided_WhenADispatcherSetTheMatterOfAClueWithout_IsLearntWithThatMatter()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, text: Text("未写事项"));
        await _scenario.DoAsync(incident.Id, "dispatch", new { departmentCode = "330503-SL", matterCode = "SY04" });

        Assert.Equal([new TriageExample("SY04", Text("未写事项"))], await DecidedAsync());
    }

    [Fact]
    public async Task Decided_WhenADispatcherChangedTheReportedMatter_IsLearntWithTheNewMatter()
    {
        var returned = await _scenario.DoAsync((await _scenario.ReportAsync(text: Text("事项改正"))).Id, "return", new { reason = "不是捕捞" });
        await _scenario.DoAsync(returned.Id, "dispatch", new { departmentCode = "330503-SL", matterCode = "SY03" });

        Assert.Equal([new TriageExample("SY03", Text("事项改正"))], await DecidedAsync());
    }

    [Fact]
    public async Task Decided_WhenTheReportedMatterWasKeptOrTheRouterDispatched_IsNotLearnt()
    {
        await _scenario.ReportAsync(text: Text("路由派遣"));
        var returned = await _scenario.DoAsync((await _scenario.ReportAsync(text: Text("原样再派"))).Id, "return", new { reason = "请核实" });
        await _scenario.DoAsync(returned.Id, "dispatch", new { departmentCode = "330503-NYNC" });

        Assert.Empty(await DecidedAsync());
    }

    [Fact]
    public async Task Decided_WhenTheIncidentWasRejectedAfterADispatcherSetItsMatter_IsNotLearnt()
    {
        var incident = await _scenario.ReportAsync(matterCode: null, text: Text("最终驳回"));
        await _scenario.DoAsync(incident.Id, "dispatch", new { departmentCode = "330503-SL", matterCode = "SY05" });
        await _scenario.DoAsync(incident.Id, "return", new { reason = "非执法事项" });
        await _scenario.DoAsync(incident.Id, "reject", new { reason = "非执法事项" });

        Assert.Empty(await DecidedAsync());
    }

    private string Text(string what) => $"{_marker} {what}";

    /// <summary>This test's decided examples, found by its marker among everything the suite has decided.</summary>
    private async Task<List<TriageExample>> DecidedAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var all = await TriageExamples.DecidedAsync(scope.ServiceProvider.GetRequiredService<ZhifaDbContext>(), int.MaxValue, CancellationToken.None);
        return [.. all.Where(e => e.Text.StartsWith(_marker, StringComparison.Ordinal))];
    }
}
