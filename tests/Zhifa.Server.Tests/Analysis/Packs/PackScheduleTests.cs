using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Analysis.Packs;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis.Packs;

/// <summary>The schedule makes each centre's last ended day, week and month once, however many workers run it; on the clock's own server.</summary>
[Collection(ClockCollection.Name)]
public sealed class PackScheduleTests(ZhifaApp app)
{
    [Fact]
    public async Task TwoWorkersAtOnce_MakeEachCentresPacksOnce_AndTheNextDaysAfterItEnds()
    {
        app.MoveTo(app.Time.GetUtcNow().AddDays(1));
        var centers = app.Services.GetRequiredService<ReferenceData>().CommandCenters.Count;
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());

        var made = await Task.WhenAll(RunAsync(), RunAsync());
        var again = await RunAsync();

        Assert.Equal(0, again);
        foreach (var kind in Enum.GetValues<AnalysisPackKind>())
        {
            var period = PackPeriods.KeyOf(kind, PackPeriods.LastEnded(kind, today));
            var scheduled = await ScheduledAsync(kind, period);
            Assert.Equal(centers, scheduled.Count);
            Assert.Equal(centers, scheduled.Select(p => p.CenterCode).Distinct().Count());
            Assert.All(scheduled, p => Assert.Null(p.GeneratedBy));
        }
        Assert.Equal(3 * centers, made.Sum());

        // The day ends: the next pass makes that day's pack, and only the daily ones unless a week or month ended too.
        app.MoveTo(app.Time.GetUtcNow().AddDays(1));
        await RunAsync();
        var yesterday = PackPeriods.KeyOf(AnalysisPackKind.Daily, PackPeriods.LastEnded(AnalysisPackKind.Daily, today.AddDays(1)));
        Assert.Equal($"{today:yyyy-MM-dd}", yesterday);
        var daily = await ScheduledAsync(AnalysisPackKind.Daily, yesterday);
        Assert.Equal(centers, daily.Count);
        var nanxun = daily.Single(p => p.CenterCode == "330503-ZHZX");
        Assert.Equal("330503", nanxun.RegionCode);

        // What the schedule made reads like any pack, and the centre's readers list it.
        var view = await (await app.Cast.As("dispatcher.nanxun").GetAsync($"/api/v1/analysis/packs/{nanxun.Id}")).ReadAsync<PackView>();
        Assert.Equal(today, view.Daily!.Day);
        Assert.Null(view.GeneratedBy);
    }

    private async Task<int> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PackSchedule>().RunAsync(CancellationToken.None);
    }

    private async Task<List<AnalysisPack>> ScheduledAsync(AnalysisPackKind kind, string period)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        return await db.AnalysisPacks.AsNoTracking().Where(p => p.Kind == kind && p.Period == period && p.ScheduleKey != null).ToListAsync();
    }
}
