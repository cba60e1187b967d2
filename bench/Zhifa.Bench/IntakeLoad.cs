using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Zhifa.Bench;

/// <summary>
/// Intake over HTTP from this process to a server process it starts (Release build, fresh SQLite
/// file, Development's demo hotline key): every clue goes through validation, the grid look-up,
/// the duplicate check, routing, numbering, the write, dispatch and the audit trail. Two runs:
/// closed loop (as fast as <c>concurrency</c> clients can go) for throughput, then open loop at a
/// fixed rate, timed from each request's scheduled start, for the latency a steady load sees.
/// </summary>
internal static class IntakeLoad
{
    private const string Key = "zf_demo-hotline12345-key";
    private static readonly string[] Matters = ["SR01", "SR03", "SR04", "SY01", "ZT02", "DD04", "AQ04", "SR07"];
    private static readonly string[] Texts =
    [
        "市民来电反映：路口有流动摊贩占道经营", "小区门口垃圾外溢无人清运", "河道内发现地笼，疑似非法捕捞", "建筑垃圾被偷倒在路边",
        "楼道里有电动车在充电", "消防通道被车辆堵塞", "饭店油烟直排扰民", "人行道上堆满了建材",
    ];

    /// <summary>ZHIFA_BENCH_POSTGRES (a connection string whose user may create databases) runs the server on a fresh PostgreSQL database instead.</summary>
    public static async Task<int> RunAsync(string folder, int seconds, int concurrency, int rate)
    {
        await using var database = await BenchDatabase.CreateAsync(Environment.GetEnvironmentVariable("ZHIFA_BENCH_POSTGRES"));
        Console.WriteLine($"database: {(database.ConnectionString is null ? "SQLite" : "PostgreSQL")}");
        await using var server = await ServerProcess.StartAsync(folder, database.ConnectionString);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        var points = await GridCentresAsync(client);
        // The classifier trains in the background after the server is ready; measuring before its
        // model is in would time the training, not intake.
        var trained = await ClassifierReadyAsync(client);
        Console.WriteLine($"server ready in {server.StartUp.TotalSeconds:F1} s, classifier after {trained.TotalSeconds:F1} s more; {points.Count:N0} grids to report in");

        // Warm-up, not reported: long enough for the tiered JIT to settle on the hot paths.
        await ClosedLoopAsync(client, points, TimeSpan.FromSeconds(Math.Min(10, seconds)), concurrency);
        var closed = await ClosedLoopAsync(client, points, TimeSpan.FromSeconds(seconds), concurrency);
        Report($"closed loop, {concurrency} clients", closed.Latencies, closed.Elapsed, closed.Errors);
        var open = await OpenLoopAsync(client, points, TimeSpan.FromSeconds(seconds), rate);
        Report($"open loop at {rate}/s", open.Latencies, open.Elapsed, open.Errors);
        return closed.Errors + open.Errors == 0 ? 0 : 1;
    }

    private sealed record Run(List<double> Latencies, TimeSpan Elapsed, int Errors);

    private static async Task<Run> ClosedLoopAsync(HttpClient client, List<(double Lat, double Lon)> points, TimeSpan duration, int concurrency)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var random = new Random(worker);
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                if (!await PostAsync(client, points, random))
                    Interlocked.Increment(ref errors);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        return new Run([.. latencies.SelectMany(l => l)], clock.Elapsed, errors);
    }

    private static async Task<Run> OpenLoopAsync(HttpClient client, List<(double Lat, double Lon)> points, TimeSpan duration, int rate)
    {
        var total = (int)(duration.TotalSeconds * rate);
        var latencies = new double[total];
        var errors = 0;
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>(total);
        for (var n = 0; n < total; n++)
        {
            var due = TimeSpan.FromSeconds((double)n / rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var index = n;
            var seed = random.Next();
            sends.Add(Task.Run(async () =>
            {
                if (!await PostAsync(client, points, new Random(seed)))
                    Interlocked.Increment(ref errors);
                // From when the request was due, not when it went out: a stalled server cannot hide its queue.
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(sends);
        return new Run([.. latencies], clock.Elapsed, errors);
    }

    private static async Task<bool> PostAsync(HttpClient client, List<(double Lat, double Lon)> points, Random random)
    {
        var (lat, lon) = points[random.Next(points.Count)];
        var clue = new
        {
            channel = "hotline12345",
            externalId = Guid.NewGuid().ToString("N"),
            text = Texts[random.Next(Texts.Length)],
            matterCode = random.Next(10) == 0 ? null : Matters[random.Next(Matters.Length)],
            // Within about 500 m of a grid's centre: near enough to stay on the grid, far enough to rarely repeat.
            lat = lat + (random.NextDouble() - 0.5) * 0.009,
            lon = lon + (random.NextDouble() - 0.5) * 0.01,
        };
        using var response = await client.PostAsJsonAsync("/api/v1/clues", clue);
        return response.IsSuccessStatusCode;
    }

    private static async Task<TimeSpan> ClassifierReadyAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while ((await client.PostAsJsonAsync("/api/v1/triage/classify", new { text = "路口占道经营" })).StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            await Task.Delay(250);
        return clock.Elapsed;
    }

    private static async Task<List<(double Lat, double Lon)>> GridCentresAsync(HttpClient client)
    {
        var centres = new List<(double, double)>();
        for (var page = 1; ; page++)
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/grids?pageSize=1000&page={page}"));
            var items = document.RootElement.GetProperty("items");
            foreach (var grid in items.EnumerateArray())
                centres.Add((grid.GetProperty("center").GetProperty("lat").GetDouble(), grid.GetProperty("center").GetProperty("lon").GetDouble()));
            if (items.GetArrayLength() < 1000)
                return centres;
        }
    }

    private static void Report(string run, List<double> latencies, TimeSpan elapsed, int errors)
    {
        latencies.Sort();
        double P(double p) => Latency.Percentile(latencies, p);
        Console.WriteLine($"{run}: {latencies.Count:N0} clues in {elapsed.TotalSeconds:F1} s = {latencies.Count / elapsed.TotalSeconds:N0} clues/s, {errors} errors; " +
            $"latency ms p50 {P(0.50):F1}, p95 {P(0.95):F1}, p99 {P(0.99):F1}, max {latencies[^1]:F1}");
    }
}
