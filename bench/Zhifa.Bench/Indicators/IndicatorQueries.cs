using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Organization;
using Zhifa.Core.Time;
using Zhifa.Data;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Bench.Indicators;

/// <summary>One kind of query in the mix: how its period is chosen.</summary>
internal enum PeriodKind { Last7Days, Last30Days, PastMonth, PastQuarter, PastYear }

internal sealed record IndicatorQuery(IndicatorGrouping GroupBy, AnalysisRegion Region, string RegionLevel, PeriodKind Kind, IndicatorPeriod Period);

/// <summary>
/// The indicator requests an analysis page would make: every grouping, over the whole city, a county or
/// a township, for the running week and month and for a past month, quarter and year, each compared
/// with the period before it, as <c>GET /api/v1/analysis/indicators</c> answers. Each call gets its own
/// DI scope, as a request does.
/// </summary>
internal static class IndicatorQueries
{
    public static List<IndicatorQuery> Mix(ReferenceData reference, DateOnly today, int count, int seed = 7)
    {
        var random = new Random(seed);
        var counties = reference.Regions.Values.Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var townships = reference.Regions.Values.Where(r => r.Level == RegionLevel.Township).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var groupings = Enum.GetValues<IndicatorGrouping>();
        var kinds = Enum.GetValues<PeriodKind>();
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        var queries = new List<IndicatorQuery>(count);
        for (var i = 0; i < count; i++)
        {
            // Round-robin over grouping × level × period kind, so every combination is measured alike.
            var grouping = groupings[i % groupings.Length];
            var level = i / groupings.Length % 3;
            var kind = kinds[i / groupings.Length / 3 % kinds.Length];
            var (region, levelName) = level switch
            {
                0 => (AnalysisRegion.WholeCity with { Code = reference.CityCode }, "city"),
                1 => County(counties[random.Next(counties.Count)].Code),
                _ => Township(townships[random.Next(townships.Count)]),
            };
            var period = kind switch
            {
                PeriodKind.Last7Days => new IndicatorPeriod(today.AddDays(-6), today),
                PeriodKind.Last30Days => new IndicatorPeriod(today.AddDays(-29), today),
                PeriodKind.PastMonth => Months(monthStart.AddMonths(-1 - random.Next(12)), 1),
                PeriodKind.PastQuarter => Months(quarterStart.AddMonths(-3 * (1 + random.Next(4))), 3),
                _ => new IndicatorPeriod(new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            };
            queries.Add(new IndicatorQuery(grouping, region, levelName, kind, period));
        }
        return queries;
    }

    /// <summary>Runs each query in a fresh scope; the elapsed milliseconds of each.</summary>
    public static async Task<double[]> RunAsync(IServiceProvider services, IReadOnlyList<IndicatorQuery> queries)
    {
        var times = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var q = queries[i];
            var started = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IndicatorService>().ReportAsync(q.GroupBy, q.Region, q.Period, CancellationToken.None);
            }
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return times;
    }

    /// <summary>The trend of the last <paramref name="days"/> days over the whole city, <paramref name="repeat"/> times.</summary>
    public static async Task<double[]> TrendAsync(IServiceProvider services, ReferenceData reference, DateOnly today, int days, int repeat)
    {
        var times = new double[repeat];
        var period = new IndicatorPeriod(today.AddDays(1 - days), today);
        for (var i = 0; i < repeat; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using (var scope = services.CreateAsyncScope())
                await IndicatorTrend.DaysAsync(scope.ServiceProvider.GetRequiredService<ZhifaDbContext>(),
                    AnalysisRegion.WholeCity with { Code = reference.CityCode }, period, CancellationToken.None);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return times;
    }

    private static (AnalysisRegion, string) County(string code) => (new AnalysisRegion(code, code, null), "county");

    private static (AnalysisRegion, string) Township(Region township) => (new AnalysisRegion(township.Code, township.ParentCode, township.Code), "township");

    private static IndicatorPeriod Months(DateOnly first, int months) => new(first, first.AddMonths(months).AddDays(-1));

    /// <summary>Today in Beijing at the bench's now.</summary>
    public static DateOnly Today(DateTimeOffset now) => PlatformTime.LocalDate(now);
}
