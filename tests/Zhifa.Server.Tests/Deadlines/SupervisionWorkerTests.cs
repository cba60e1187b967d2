using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Supervision;
using Zhifa.Data;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Deadlines;

[Collection(ClockCollection.Name)]
public sealed class SupervisionWorkerTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task TwoWorkers_RunningAtOnceOverTheSameDueClocks_IssueEachNoticeOnce()
    {
        app.NextMonday(new TimeOnly(9, 0));
        var incidents = new List<Guid>();
        for (var i = 0; i < 40; i++)
            incidents.Add((await _scenario.ReportAsync()).Id);
        // Past every accept-by (11:00) but before level 2: each clock owes exactly one notice.
        app.MoveTo(app.Time.GetUtcNow().AddHours(3));

        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(app.SuperviseAsync)));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var notices = await db.SupervisionNotices.AsNoTracking().Where(n => incidents.Contains(n.IncidentId)).ToListAsync();
        Assert.Equal(40, notices.Count);
        Assert.All(notices, n => Assert.Equal(SupervisionLevel.Notice, n.Level));
        Assert.Equal(40, notices.Select(n => n.IncidentId).Distinct().Count());
        Assert.Equal(40, notices.Select(n => n.Number).Distinct().Count());
        var stages = await db.Deadlines.AsNoTracking().Where(d => incidents.Contains(d.IncidentId)).Select(d => d.Stage).ToListAsync();
        Assert.All(stages, s => Assert.Equal(2, s));
    }
}
