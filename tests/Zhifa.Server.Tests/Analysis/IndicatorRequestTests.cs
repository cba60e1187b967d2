using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis;

/// <summary>What the indicator and trend endpoints accept, whose regions they read, and that the two agree.</summary>
[Collection(ApiCollection.Name)]
public sealed class IndicatorRequestTests(ZhifaApp app)
{
    private const string Url = "/api/v1/analysis/indicators";
    private readonly Scenario _scenario = new(app);

    [Theory]
    [InlineData("groupBy=team", "groupBy")]
    [InlineData("groupBy=1", "groupBy")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-11-20&to=2026-11-01", "from")]
    [InlineData("from=2020-01-01&to=2026-11-01", "from")]
    [InlineData("regionCode=999999", "regionCode")]
    public async Task Indicators_WithBadInput_NameTheField(string query, string field)
    {
        var response = await _scenario.Client.GetAsync($"{Url}?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAssert.NamesFieldAsync(response, field);
    }

    [Fact]
    public async Task Indicators_ByRegion_ListTheCountiesOfTheCityAndTheTownshipsOfACounty()
    {
        await _scenario.ReportAsync();
        var city = await Report(_scenario.Client, "groupBy=region");
        Assert.Contains(city.Rows, r => r.Key == Scenario.Nanxun && r.Name == "南浔区");
        Assert.Null(city.RegionCode);

        var nanxun = await Report(app.Cast.As("dispatcher.nanxun"), "groupBy=region");
        Assert.Equal(Scenario.Nanxun, nanxun.RegionCode);
        Assert.All(nanxun.Rows, r => Assert.StartsWith(Scenario.Nanxun, r.Key));
        Assert.Contains(nanxun.Rows, r => r.Key == Scenario.Hefu && r.Received > 0);
        // The county's own total is the city's row for it.
        var row = city.Rows.Single(r => r.Key == Scenario.Nanxun);
        Assert.Equal((row.Received, row.Closed, row.OpenOverdue), (nanxun.Total.Received, nanxun.Total.Closed, nanxun.Total.OpenOverdue));
    }

    [Fact]
    public async Task Indicators_OfARegionOutsideTheCallers_AreNotFound()
    {
        var township = app.Cast.As("dispatcher.hefu");
        await ProblemAssert.IsProblemAsync(await township.GetAsync($"{Url}?regionCode={Scenario.Nanxun}"), HttpStatusCode.NotFound, "region.not_found");
        Assert.Equal(Scenario.Hefu, (await Report(township, "groupBy=matter")).RegionCode);
        await ProblemAssert.IsProblemAsync(await app.Cast.As("dispatcher.nanxun").GetAsync("/api/v1/analysis/trend?regionCode=330522"),
            HttpStatusCode.NotFound, "region.not_found");
    }

    [Fact]
    public async Task Trend_DayByDay_AddsUpToTheIndicatorsOfThePeriod()
    {
        await _scenario.InStatusAsync(Core.Incidents.IncidentStatus.Closed);
        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        var period = $"from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        var trend = await _scenario.Client.GetFromJsonAsync<TrendView>($"/api/v1/analysis/trend?{period}", Json.Options);
        var total = (await Report(_scenario.Client, period)).Total;

        Assert.Equal(7, trend!.Days.Count);
        Assert.Equal(today, trend.Days[^1].Date);
        Assert.Equal((total.Received, total.Dispatched, total.Closed, total.ClosedOnTime),
            ((int)trend.Days.Sum(d => d.Received), (int)trend.Days.Sum(d => d.Dispatched), (int)trend.Days.Sum(d => d.Closed), (int)trend.Days.Sum(d => d.ClosedOnTime)));
        Assert.True(trend.Days[^1].Closed > 0);
    }

    [Fact]
    public async Task Backfill_OfIncidentsTheLedgerNeverSaw_GivesTheSameFigures()
    {
        await _scenario.InStatusAsync(Core.Incidents.IncidentStatus.Closed);
        await _scenario.InStatusAsync(Core.Incidents.IncidentStatus.InProgress);
        var before = await Report(_scenario.Client, "groupBy=department");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        await db.IndicatorCells.ExecuteDeleteAsync();
        await db.IncidentFacts.ExecuteDeleteAsync();
        Assert.Equal(0, (await Report(_scenario.Client, "groupBy=department")).Total.Received);
        var incidents = await db.Incidents.CountAsync();

        Assert.Equal(incidents, await FactBackfill.RunAsync(db, app.Services.GetRequiredService<Clocks>(), app.Time, CancellationToken.None));
        Assert.Equal(0, await FactBackfill.RunAsync(db, app.Services.GetRequiredService<Clocks>(), app.Time, CancellationToken.None));

        var after = await Report(_scenario.Client, "groupBy=department");
        Assert.Equal(JsonSerializer.Serialize(before.Rows, Json.Options), JsonSerializer.Serialize(after.Rows, Json.Options));
    }

    private static async Task<IndicatorReportView> Report(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<IndicatorReportView>($"{Url}?{query}", Json.Options))!;
}
