using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Analysis;
using Zhifa.Data.Analysis;
using Zhifa.Server.Features.Analysis;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Bench.Indicators;

/// <summary>
/// The indicators over millions of incidents: generate their facts, sum them into aggregate cells with the
/// ledger's own <see cref="IndicatorCells.Of"/>, bulk-load both tables into a database the platform's
/// start-up migrated, then time <c>IndicatorService.ReportAsync</c> and <c>IndicatorTrend.DaysAsync</c>.
/// </summary>
internal static class IndicatorBench
{
    /// <summary>The bench's now, fixed so that the data and the periods asked for are the same on every run: 10:00 in Beijing.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    private const string DefaultPostgres = "Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres";

    public static async Task<int> RunAsync(string folder, bool postgres, int incidents, int queryCount)
    {
        var admin = postgres ? Environment.GetEnvironmentVariable("ZHIFA_BENCH_POSTGRES") ?? DefaultPostgres : null;
        // ZHIFA_BENCH_DATABASE names a PostgreSQL database to keep: loaded once, queried again by later runs.
        var kept = Environment.GetEnvironmentVariable("ZHIFA_BENCH_DATABASE");
        await using var database = admin is not null && !string.IsNullOrEmpty(kept)
            ? await BenchDatabase.KeptAsync(admin, kept) : await BenchDatabase.CreateAsync(admin);
        var started = Stopwatch.GetTimestamp();
        using var host = await PlatformHost.StartAsync(folder, new WriteCounter(), database.ConnectionString, new FixedClock(Now));
        var startUp = Stopwatch.GetElapsedTime(started);
        var reference = host.Services.GetRequiredService<ReferenceData>();
        var connection = database.ConnectionString ?? $"Data Source={Path.Combine(folder, "bench.db")}";

        Console.WriteLine($"Zhifa indicators over {incidents:N0} incidents ({(postgres ? "PostgreSQL" : "SQLite")})");
        foreach (var (name, value) in Machine.Common())
            Report.Line(name, value);
        Report.Line("database", postgres ? ServerVersion(connection) : $"SQLite {SqliteVersion()}");
        Report.Line("now", $"{Now:yyyy-MM-dd HH:mm}Z; start-up (migrate, seed) {startUp.TotalSeconds:0.0} s");

        if (postgres && Loaded(connection) is var loaded and > 0)
            Report.Line("reused", $"{loaded:N0} incident facts already loaded in this database");
        else
            Load(reference, connection, postgres, incidents).Print();

        var today = IndicatorQueries.Today(Now);
        var warmUp = IndicatorQueries.Mix(reference, today, Math.Max(60, Math.Min(300, queryCount / 5)), seed: 3);
        await IndicatorQueries.RunAsync(host.Services, warmUp);
        var queries = IndicatorQueries.Mix(reference, today, queryCount);
        var times = await IndicatorQueries.RunAsync(host.Services, queries);

        Console.WriteLine();
        Console.WriteLine($"IndicatorService.ReportAsync: {queries.Count} queries after {warmUp.Count} warm-up, one DI scope each, current + previous period");
        Console.WriteLine($"  {"queries",-34} {"n",6} {"p50",8} {"p95",8} {"p99",8} {"max",8}  (ms)");
        Row("all", times);
        foreach (var kind in Enum.GetValues<PeriodKind>())
            Row("period " + kind, Select(queries, times, q => q.Kind == kind));
        foreach (var level in new[] { "city", "county", "township" })
            Row("region " + level, Select(queries, times, q => q.RegionLevel == level));
        foreach (var grouping in queries.Select(q => q.GroupBy).Distinct())
            Row("groupBy " + grouping, Select(queries, times, q => q.GroupBy == grouping));
        foreach (var days in new[] { 30, 365 })
        {
            await IndicatorQueries.TrendAsync(host.Services, reference, today, days, 10);
            Row($"IndicatorTrend.DaysAsync {days} d, city", await IndicatorQueries.TrendAsync(host.Services, reference, today, days, 100));
        }
        var p95 = Sorted(times) is var s ? Latency.Percentile(s, 0.95) : 0;
        Report.Line("target", $"p95 < 100 ms ({(p95 < 100 ? "met" : "NOT met")}: {p95:0.0} ms)");
        await host.StopAsync();
        return 0;
    }

    private static LoadFigures Load(ReferenceData reference, string connection, bool postgres, int incidents)
    {
        var figures = new LoadFigures(incidents);
        var cells = new Dictionary<IndicatorCell, long[]>();
        var counters = IndicatorCellRow.Counters.Length;
        using FactStore store = postgres ? new PostgresFactStore(connection) : new SqliteFactStore(connection);
        var total = Stopwatch.StartNew();
        long writing = 0;
        foreach (var facts in new IncidentGenerator(reference, Now, incidents).Generate())
        {
            figures.Count(facts, Now);
            // The ledger's own split of an incident into day and month cells at every level, summed per cell.
            foreach (var (cell, totals) in IndicatorCells.Of(facts))
            {
                ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, cell, out _);
                sums ??= new long[counters];
                var i = 0;
                foreach (var value in IndicatorCellRow.Values(totals))
                    sums[i++] += value;
            }
            var before = Stopwatch.GetTimestamp();
            store.Fact(IncidentFactRow.Of(facts));
            writing += Stopwatch.GetTimestamp() - before;
        }
        var flush = Stopwatch.GetTimestamp();
        store.EndFacts();
        writing += Stopwatch.GetTimestamp() - flush;
        figures.Facts = total.Elapsed;
        figures.FactWrites = Stopwatch.GetElapsedTime(0, writing);

        var days = Stopwatch.StartNew();
        // In key order: the primary key's B-tree then grows at its end.
        foreach (var (cell, sums) in cells.OrderBy(c => c.Key, AggregateWrites.KeyOrder))
            store.Day(cell, sums);
        store.EndDays();
        figures.Days = days.Elapsed;
        cells.Clear();

        var analyze = Stopwatch.StartNew();
        store.Analyze();
        figures.Analyze = analyze.Elapsed;
        figures.Sizes = [.. store.Sizes()];
        return figures;
    }

    private static void Row(string name, double[] times)
    {
        if (times.Length == 0)
            return;
        var s = Sorted(times);
        Console.WriteLine($"  {name,-34} {s.Count,6} {Latency.Percentile(s, 0.5),8:0.0} {Latency.Percentile(s, 0.95),8:0.0} {Latency.Percentile(s, 0.99),8:0.0} {s[^1],8:0.0}");
    }

    private static List<double> Sorted(double[] times) => [.. times.Order()];

    private static double[] Select(List<IndicatorQuery> queries, double[] times, Func<IndicatorQuery, bool> which) =>
        [.. queries.Select((q, i) => (q, i)).Where(x => which(x.q)).Select(x => times[x.i])];

    private static long Loaded(string connection)
    {
        using var c = new Npgsql.NpgsqlConnection(connection);
        c.Open();
        using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM \"IncidentFacts\"", c);
        return (long)count.ExecuteScalar()!;
    }

    private static string ServerVersion(string connection)
    {
        using var c = new Npgsql.NpgsqlConnection(connection);
        c.Open();
        return $"PostgreSQL {c.PostgreSqlVersion}";
    }

    private static string SqliteVersion()
    {
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        return c.ServerVersion;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
