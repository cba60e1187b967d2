using System.Net;
using Zhifa.Server.Features.Analysis.Hotspots;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;
using static Zhifa.Server.Tests.Analysis.Hotspots.HotspotPlaces;

namespace Zhifa.Server.Tests.Analysis.Hotspots;

/// <summary>
/// The week's hotspots and the chronic places over HTTP: planted in 和孚镇, found for 南浔区's readers and
/// not for 长兴县's. On the clock collection's server: the tests move the clock.
/// </summary>
[Collection(ClockCollection.Name)]
public sealed class HotspotApiTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    private HttpClient Dispatcher => app.Cast.As("dispatcher.nanxun");

    [Fact]
    public async Task Hotspots_FindThisWeeksPlantedGrid_WithItsIncidents_ForItsCountyButNotForAnother()
    {
        // SR09 (open burning) is reported by no other test: the grid's baseline is empty, tested against the floor.
        var monday = app.NextMonday(new TimeOnly(9, 0));
        var (grid, planted) = await _scenario.PlantAsync("SR09", 6);
        app.MoveTo(monday.AddDays(2));

        var week = await (await Dispatcher.GetAsync($"/api/v1/analysis/hotspots?regionCode={Hefu}")).ReadAsync<HotspotWeekView>();

        Assert.Equal((Hefu, monday.AddHours(-9), monday.AddHours(-9).AddDays(7)), (week.RegionCode, week.From, week.To));
        Assert.Equal((8, 0.25, 0.01, 3), (week.BaselineWeeks, week.RateFloor, week.Alpha, week.MinCount));
        var spot = Assert.Single(week.Hotspots, h => h.GridCode == grid && h.MatterCode == "SR09");
        Assert.True(spot.Count >= 6 && spot.PValue <= week.Threshold, $"{spot.Count} reports, p = {spot.PValue}");
        Assert.Superset(spot.Incidents.Select(i => i.Id).ToHashSet(), planted.Select(p => p.Id).ToHashSet());
        var first = spot.Incidents.Single(i => i.Id == planted[0].Id);
        Assert.Equal((planted[0].Number, $"/api/v1/incidents/{planted[0].Id}"), (first.Number, first.Href));
        Assert.Contains(week.Hotspots, h => h.GridCode is null && h.MatterCode == "SR09");

        // Any day of the week names it; the week before does not hold the plant.
        var named = await (await Dispatcher.GetAsync($"/api/v1/analysis/hotspots?week={monday.AddDays(6):yyyy-MM-dd}")).ReadAsync<HotspotWeekView>();
        Assert.Contains(named.Hotspots, h => h.GridCode == grid && h.MatterCode == "SR09");
        var before = await (await Dispatcher.GetAsync($"/api/v1/analysis/hotspots?week={monday.AddDays(-1):yyyy-MM-dd}")).ReadAsync<HotspotWeekView>();
        Assert.DoesNotContain(before.Hotspots, h => h.MatterCode == "SR09" && h.GridCode == grid);

        var changxing = await app.ChangxingDispatcherAsync();
        var theirs = await (await changxing.GetAsync("/api/v1/analysis/hotspots")).ReadAsync<HotspotWeekView>();
        Assert.DoesNotContain(theirs.Hotspots, h => h.MatterCode == "SR09");
        await ProblemAssert.IsProblemAsync(await changxing.GetAsync($"/api/v1/analysis/hotspots?regionCode={Nanxun}"), HttpStatusCode.NotFound, "region.not_found");
    }

    [Fact]
    public async Task Chronic_ThreeOfOneMatterInOneGrid_AreAChronicPlace_UntilTheyAreThirtyDaysOld()
    {
        var monday = app.NextMonday(new TimeOnly(9, 0));
        var (grid, planted) = await _scenario.PlantAsync("SR10", 3);
        var ids = planted.Select(p => p.Id).ToHashSet();

        var now = await (await Dispatcher.GetAsync($"/api/v1/analysis/chronic?regionCode={Nanxun}")).ReadAsync<ChronicView>();

        Assert.Equal((Nanxun, monday, 3), (now.RegionCode, now.At, now.Threshold));
        var place = Assert.Single(now.Places, p => p.GridCode == grid && p.MatterCode == "SR10");
        Assert.Superset(place.Incidents.Select(i => i.Id).ToHashSet(), ids);
        Assert.All(place.Incidents, i => Assert.Equal($"/api/v1/incidents/{i.Id}", i.Href));

        // The window is (at − 30 days, at]: thirty days on the plant has just left it, a second before it had not yet come.
        var later = await (await Dispatcher.GetAsync($"/api/v1/analysis/chronic?at={Query(monday.AddDays(30))}")).ReadAsync<ChronicView>();
        Assert.DoesNotContain(later.Places, p => p.Incidents.Any(i => ids.Contains(i.Id)));
        var justBefore = await (await Dispatcher.GetAsync($"/api/v1/analysis/chronic?at={Query(monday.AddDays(30).AddSeconds(-1))}")).ReadAsync<ChronicView>();
        Assert.Contains(justBefore.Places, p => p.GridCode == grid && ids.IsSubsetOf(p.Incidents.Select(i => i.Id)));
        var earlier = await (await Dispatcher.GetAsync($"/api/v1/analysis/chronic?at={Query(monday.AddSeconds(-1))}")).ReadAsync<ChronicView>();
        Assert.DoesNotContain(earlier.Places, p => p.Incidents.Any(i => ids.Contains(i.Id)));

        var changxing = await app.ChangxingDispatcherAsync();
        var theirs = await (await changxing.GetAsync("/api/v1/analysis/chronic")).ReadAsync<ChronicView>();
        Assert.DoesNotContain(theirs.Places, p => p.Incidents.Any(i => ids.Contains(i.Id)));
        await ProblemAssert.IsProblemAsync(await changxing.GetAsync($"/api/v1/analysis/chronic?regionCode={Hefu}"), HttpStatusCode.NotFound, "region.not_found");

        // 和孚镇's own dispatcher reads their township, not the county above it.
        var hefu = app.Cast.As("dispatcher.hefu");
        var township = await (await hefu.GetAsync($"/api/v1/analysis/chronic?regionCode={Hefu}")).ReadAsync<ChronicView>();
        Assert.Contains(township.Places, p => p.GridCode == grid && ids.IsSubsetOf(p.Incidents.Select(i => i.Id)));
        await ProblemAssert.IsProblemAsync(await hefu.GetAsync($"/api/v1/analysis/chronic?regionCode={Nanxun}"), HttpStatusCode.NotFound, "region.not_found");
    }

    [Theory]
    [InlineData("/api/v1/analysis/hotspots?week=2026-13-01", "week")]
    [InlineData("/api/v1/analysis/hotspots?week=next", "week")]
    [InlineData("/api/v1/analysis/hotspots?regionCode=nowhere", "regionCode")]
    [InlineData("/api/v1/analysis/chronic?at=yesterday", "at")]
    [InlineData("/api/v1/analysis/chronic?regionCode=999999", "regionCode")]
    [InlineData("/api/v1/analysis/warnings?at=2026-02-30", "at")]
    [InlineData("/api/v1/analysis/warnings?regionCode=nowhere", "regionCode")]
    public async Task BadInput_IsAProblemNamingTheField(string url, string field) =>
        await ProblemAssert.NamesFieldAsync(await Dispatcher.GetAsync(url), field);
}
