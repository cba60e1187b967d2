using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Analysis;
using Zhifa.Core.Incidents;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Deadlines;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Tests.Deadlines;
using Zhifa.Server.Tests.Support;

namespace Zhifa.Server.Tests.Analysis;

/// <summary>Tests that move the clock by days over the aggregates get a server of their own.</summary>
[CollectionDefinition(Name)]
public sealed class AnalysisCollection : ICollectionFixture<ZhifaApp>
{
    public const string Name = "analysis";
}

/// <summary>
/// The indicators the API reads from the aggregates are the formulas of docs/indicators.md over
/// every incident in the database, computed afresh from the incidents themselves: in every grouping,
/// for a period still running and for one in the past whose open overdue work has since closed.
/// </summary>
[Collection(AnalysisCollection.Name)]
public sealed class IndicatorApiTests(ZhifaApp app)
{
    private readonly Scenario _scenario = new(app);

    [Fact]
    public async Task Indicators_InEveryGroupingAndPeriod_AreTheFormulasOverEveryIncident()
    {
        var start = app.NextMonday(new TimeOnly(9, 0));
        var first = PlatformTime.LocalDate(start);
        foreach (var status in new[] { IncidentStatus.Closed, IncidentStatus.Closed, IncidentStatus.Resolved, IncidentStatus.Suspended,
                     IncidentStatus.Disputed, IncidentStatus.Rejected, IncidentStatus.Merged, IncidentStatus.Reported, IncidentStatus.Dispatched })
            await _scenario.InStatusAsync(status);
        await _scenario.WithJoinedReportAsync();
        await _scenario.ReportAsync(channel: "hotline12345");
        var late = await _scenario.InStatusAsync(IncidentStatus.InProgress);
        var stillOpen = await _scenario.InStatusAsync(IncidentStatus.InProgress);

        // Three weeks on, both in progress are long overdue; one is resolved and closed late.
        app.MoveTo(start.AddDays(20));
        await _scenario.DoAsync(late.Id, "resolve", new { result = "已清理" });
        await _scenario.DoAsync(late.Id, "verify", new { passed = true });
        await _scenario.ReportAsync();
        app.MoveTo(start.AddDays(21).AddHours(2));
        Assert.True(stillOpen.Status == IncidentStatus.InProgress);

        var today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        // Running (judged now), past (judged at its end, while the late one was still open), and the first day alone.
        await AssertEveryGroupingAndRegionAsync([(today.AddDays(-24), today), (first, first.AddDays(9)), (first, first)]);

        // Months later, whole months are read from their month cells, with days on either side.
        app.MoveTo(start.AddDays(75));
        today = PlatformTime.LocalDate(app.Time.GetUtcNow());
        var month = new DateOnly(first.Year, first.Month, 1);
        await AssertEveryGroupingAndRegionAsync([(month, today), (month.AddMonths(-1).AddDays(3), month.AddMonths(2).AddDays(-1)),
            (month.AddMonths(-1), first.AddDays(9))]);
    }

    /// <summary>The whole city, a county and a township, each read from its own level's cells, in every grouping.</summary>
    private async Task AssertEveryGroupingAndRegionAsync((DateOnly From, DateOnly To)[] periods)
    {
        var facts = await AllFactsAsync();
        var placed = facts.First(f => f.TownshipCode is not null);
        foreach (var region in new[] { null, placed.CountyCode, placed.TownshipCode })
            foreach (var (from, to) in periods)
                foreach (var groupBy in Enum.GetValues<IndicatorGrouping>())
                {
                    var report = await _scenario.Client.GetFromJsonAsync<IndicatorReportView>(
                        $"/api/v1/analysis/indicators?groupBy={groupBy.ToString().ToLowerInvariant()}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"
                        + (region is null ? "" : $"&regionCode={region}"), Json.Options);
                    var within = facts.Where(f => region is null || f.CountyCode == region || f.TownshipCode == region).ToList();
                    AssertFormulas(report!, within, groupBy, region is null, new IndicatorPeriod(from, to));
                }
    }

    private void AssertFormulas(IndicatorReportView report, List<IncidentFacts> facts, IndicatorGrouping groupBy, bool wholeCity, IndicatorPeriod period)
    {
        var now = app.Time.GetUtcNow();
        var groups = facts.GroupBy(f => KeyOf(f, groupBy, wholeCity)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var key in groups.Keys.Union(report.Rows.Select(r => r.Key)))
        {
            var group = groups.GetValueOrDefault(key) ?? [];
            var row = report.Rows.SingleOrDefault(r => r.Key == key);
            var because = $"{groupBy} '{key}' over {period.First}…{period.Last}{(wholeCity ? "" : " in " + report.RegionCode)}";
            AssertSame(Indicators.Compute(group, period.From, period.To, now), row is null ? null : Figures(row), because);
            AssertSame(Indicators.Compute(group, period.Previous.From, period.Previous.To, now), row?.Previous, because + " (previous)");
        }
        AssertSame(Indicators.Compute(facts, period.From, period.To, now), Figures(report.Total), $"{groupBy} total");
    }

    /// <summary>Equal figures; the mean to the second the aggregates keep, the 90th percentile as its histogram bucket's bound.</summary>
    private static void AssertSame(IndicatorValues exact, IndicatorFigures? read, string because)
    {
        var expected = IndicatorFigures.Of(exact) with
        {
            MeanHandlingMinutes = exact.MeanHandlingMinutes is { } mean ? Math.Round(mean, 1) : null,
            P90HandlingMinutes = exact.P90HandlingMinutes is { } p90 ? HandlingBuckets.UpperBounds[Math.Min(HandlingBuckets.Of(p90), 18)] : null,
        };
        var actual = (read ?? new IndicatorFigures(0, 0, 0, 0, 0, 0, null, null, null, null, null, null, null, null)) with
        {
            MeanHandlingMinutes = read?.MeanHandlingMinutes is { } m ? Math.Round(m, 1) : null,
        };
        Assert.True(expected == actual, $"{because}:\n expected {expected}\n   actual {actual}");
    }

    private static IndicatorFigures Figures(IndicatorRowView r) => new(r.Received, r.Dispatched, r.Closed, r.ClosedOnTime, r.OpenOverdue, r.Overdue,
        r.OnTimeRate, r.ClosureRate, r.ReworkRate, r.ReturnRate, r.ExtensionRate, r.MeanHandlingMinutes, r.P90HandlingMinutes, r.DuplicateShare);

    private static string KeyOf(IncidentFacts f, IndicatorGrouping groupBy, bool wholeCity) => groupBy switch
    {
        IndicatorGrouping.Department => IndicatorCells.KeyOf(f, IndicatorDimension.Department),
        IndicatorGrouping.Matter => IndicatorCells.KeyOf(f, IndicatorDimension.Matter),
        IndicatorGrouping.Channel => IndicatorCells.KeyOf(f, IndicatorDimension.Channel),
        _ => (wholeCity ? f.CountyCode : f.TownshipCode) ?? "",
    };

    /// <summary>Every incident's facts, counted from its rows now, not from what the ledger stored.</summary>
    private async Task<List<IncidentFacts>> AllFactsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<Clocks>().Calendar;
        var now = app.Time.GetUtcNow();
        var incidents = await db.Incidents.AsNoTracking().WithDetails().ToListAsync();
        return [.. incidents.Select(i => IncidentFacts.Of(i, now, calendar))];
    }
}
