using System.Net;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Analysis.Assessment;
using Zhifa.Server.Features.Analysis.Packs;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Analysis.Hotspots;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis.Packs;

/// <summary>Packs made on demand over HTTP: their contents, the list, scoping to the caller's jurisdiction, and bad input.</summary>
[Collection(ApiCollection.Name)]
public sealed class PackApiTests(ZhifaApp app)
{
    private const string NanxunCenter = "330503-ZHZX";
    private readonly Scenario _scenario = new(app);

    private HttpClient Dispatcher => app.Cast.As("dispatcher.nanxun");
    private DateOnly Today => PlatformTime.LocalDate(app.Time.GetUtcNow());

    public static async Task<PackView> GenerateAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/analysis/packs", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<PackView>();
    }

    [Fact]
    public async Task ADailyPack_ListsTheDaysUrgentIncidents_TheOpenDisputes_AndTheDaysFigures()
    {
        var urgent = await _scenario.ReportAsync("SR08", text: "日关注测试：夜间施工噪声扰民");
        var normal = await _scenario.ReportAsync("SR01", text: "日关注测试：占道经营");
        var disputed = await _scenario.InStatusAsync(IncidentStatus.Disputed);
        var indicators = await (await Dispatcher.GetAsync($"/api/v1/analysis/indicators?from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}")).ReadAsync<Features.Analysis.IndicatorReportView>();

        var pack = await GenerateAsync(Dispatcher, new { kind = "daily", period = $"{Today:yyyy-MM-dd}" });

        Assert.Equal(("daily", NanxunCenter, Scenario.Nanxun, $"{Today:yyyy-MM-dd}", "dispatcher.nanxun"),
            (pack.Kind, pack.CenterCode, pack.RegionCode, pack.Period, pack.GeneratedBy));
        var daily = Assert.IsType<DailyFocus>(pack.Daily);
        Assert.Null(pack.Weekly);
        var listed = Assert.Single(daily.NewUrgent, i => i.Id == urgent.Id);
        Assert.Equal((urgent.Number, urgent.Summary, $"/api/v1/incidents/{urgent.Id}"), (listed.Number, listed.Summary, listed.Href));
        Assert.DoesNotContain(daily.NewUrgent, i => i.Id == normal.Id);
        Assert.Contains(daily.Disputes, i => i.Id == disputed.Id);
        Assert.True(daily.Headline.Received >= 3);
        Assert.Equal((indicators.Total.Received, indicators.Total.Closed, indicators.Total.OnTimeRate),
            (daily.Headline.Received, daily.Headline.Closed, daily.Headline.OnTimeRate));

        // Kept: reading it again gives the figures of its making, though more is reported since.
        await _scenario.ReportAsync("SR08", text: "日关注测试：又一起夜间施工噪声");
        var again = await (await Dispatcher.GetAsync($"/api/v1/analysis/packs/{pack.Id}")).ReadAsync<PackView>();
        Assert.Equal(daily.Headline.Received, again.Daily!.Headline.Received);
        Assert.Equal(daily.NewUrgent.Select(i => i.Id), again.Daily.NewUrgent.Select(i => i.Id));
    }

    [Fact]
    public async Task AWeeklyAndAMonthlyPack_HoldTheirSections_AndHandMadeOnesAddVersions()
    {
        await _scenario.ReportAsync("SR01");
        var week = PackPeriods.KeyOf(AnalysisPackKind.Weekly, PackPeriods.Holding(AnalysisPackKind.Weekly, Today));

        var weekly = await GenerateAsync(Dispatcher, new { kind = "weekly", period = week, regionCode = Scenario.Nanxun });
        var second = await GenerateAsync(Dispatcher, new { kind = "weekly", period = week, centerCode = NanxunCenter });
        var monthly = await GenerateAsync(Dispatcher, new { kind = "monthly" });

        var w = weekly.Weekly!;
        Assert.Equal(7, w.Trend.Length);
        Assert.Equal(w.Total.Received, w.Trend.Sum(d => d.Received));
        Assert.Equal(w.Total.Received, w.ByDepartment.Sum(r => r.Received));
        Assert.Equal(PackBuilder.MinimumJudged, w.Ranking.MinimumJudged);
        Assert.All(w.Ranking.Best.Concat(w.Ranking.Worst), r => Assert.True(r.Judged >= PackBuilder.MinimumJudged));
        Assert.NotEqual(weekly.Id, second.Id);
        var m = monthly.Monthly!;
        Assert.Equal(PackPeriods.LastEnded(AnalysisPackKind.Monthly, Today).First, m.From);
        Assert.Equal($"{m.From:yyyy-MM}", monthly.Period);
        Assert.Equal(NanxunCenter, m.Agenda.CenterCode);
        Assert.Equal(m.Total.Received, m.ByRegion.Sum(r => r.Received));

        // The month's assessment in the pack is the assessment's own answer for the month and region.
        var running = (await GenerateAsync(Dispatcher, new { kind = "monthly", period = $"{Today:yyyy-MM}" })).Monthly!;
        var assessed = await (await Dispatcher.GetAsync($"/api/v1/analysis/assessment?month={Today:yyyy-MM}&regionCode={Scenario.Nanxun}"))
            .ReadAsync<AssessmentReportView>();
        Assert.NotEmpty(running.Assessment!);
        Assert.Equal(assessed.Rows.Select(r => (r.DepartmentCode, r.Score, r.Rank, r.Indicators.Received)),
            running.Assessment!.Select(r => (r.DepartmentCode, r.Score, r.Rank, r.Indicators.Received)));

        var list = await (await Dispatcher.GetAsync($"/api/v1/analysis/packs?kind=weekly&regionCode={Scenario.Nanxun}&pageSize=100")).ReadAsync<PagedList<PackSummary>>();
        Assert.Contains(list.Items, p => p.Id == weekly.Id);
        Assert.Contains(list.Items, p => p.Id == second.Id);
        Assert.All(list.Items, p => Assert.Equal(("weekly", Scenario.Nanxun), (p.Kind, p.RegionCode)));
    }

    [Fact]
    public async Task AnotherCountysReader_NeitherListsNorReadsNorMakesNanxunsPacks()
    {
        var pack = await GenerateAsync(Dispatcher, new { kind = "daily" });
        var changxing = await app.ChangxingDispatcherAsync();

        var theirs = await (await changxing.GetAsync("/api/v1/analysis/packs?pageSize=100")).ReadAsync<PagedList<PackSummary>>();
        Assert.DoesNotContain(theirs.Items, p => p.Id == pack.Id);
        Assert.All(theirs.Items, p => Assert.Equal("330522", p.RegionCode[..6]));
        await ProblemAssert.IsProblemAsync(await changxing.GetAsync($"/api/v1/analysis/packs/{pack.Id}"), HttpStatusCode.NotFound, "pack.not_found");
        await ProblemAssert.IsProblemAsync(await changxing.GetAsync($"/api/v1/analysis/packs/{pack.Id}.xlsx"), HttpStatusCode.NotFound, "pack.not_found");
        await ProblemAssert.IsProblemAsync(await changxing.GetAsync($"/api/v1/analysis/packs?regionCode={Scenario.Nanxun}"), HttpStatusCode.NotFound, "region.not_found");
        await ProblemAssert.IsProblemAsync(await changxing.PostJsonAsync("/api/v1/analysis/packs", new { kind = "daily", regionCode = Scenario.Hefu }),
            HttpStatusCode.NotFound, "region.not_found");

        // The city reads the county's packs.
        var city = app.Cast.As(Cast.CityDispatcher);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/v1/analysis/packs/{pack.Id}")).StatusCode);
        // A township's pack is the county's to read.
        var hefu = await GenerateAsync(Dispatcher, new { kind = "daily", regionCode = Scenario.Hefu });
        Assert.Equal(("330503106-ZHZX", Scenario.Hefu), (hefu.CenterCode, hefu.RegionCode));
    }

    [Theory]
    [InlineData("{\"kind\":\"yearly\"}", "kind")]
    [InlineData("{\"period\":\"2026-11\"}", "kind")]
    [InlineData("{\"kind\":\"1\"}", "kind")]
    [InlineData("{\"kind\":\"daily\",\"period\":\"2026-13-01\"}", "period")]
    [InlineData("{\"kind\":\"weekly\",\"period\":\"2026-11-27\"}", "period")]
    [InlineData("{\"kind\":\"weekly\",\"period\":\"2026-W54\"}", "period")]
    [InlineData("{\"kind\":\"monthly\",\"period\":\"2026-W48\"}", "period")]
    [InlineData("{\"kind\":\"monthly\",\"period\":\"2999-12\"}", "period")]
    [InlineData("{\"kind\":\"daily\",\"regionCode\":\"999999\"}", "regionCode")]
    [InlineData("{\"kind\":\"daily\",\"centerCode\":\"NOPE-ZHZX\"}", "centerCode")]
    [InlineData("{\"kind\":\"daily\",\"centerCode\":\"330503-ZHZX\",\"regionCode\":\"330503\"}", "centerCode")]
    [InlineData("{\"kind\":7}", "kind")]
    public async Task BadRequests_NameTheField_AndMakeNothing(string body, string field)
    {
        var before = (await (await Dispatcher.GetAsync("/api/v1/analysis/packs?pageSize=1")).ReadAsync<PagedList<PackSummary>>()).Total;
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        await ProblemAssert.NamesFieldAsync(await Dispatcher.PostAsync("/api/v1/analysis/packs", content), field);

        Assert.Equal(before, (await (await Dispatcher.GetAsync("/api/v1/analysis/packs?pageSize=1")).ReadAsync<PagedList<PackSummary>>()).Total);
    }

    [Theory]
    [InlineData("kind=yearly", "kind")]
    [InlineData("regionCode=999999", "regionCode")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task BadListQueries_NameTheField(string query, string field) =>
        await ProblemAssert.NamesFieldAsync(await Dispatcher.GetAsync($"/api/v1/analysis/packs?{query}"), field);

    [Fact]
    public async Task AnUnknownPack_IsNotFound() =>
        await ProblemAssert.IsProblemAsync(await Dispatcher.GetAsync($"/api/v1/analysis/packs/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "pack.not_found");
}
