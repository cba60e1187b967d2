using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Core.Triage;
using Zhifa.Data;
using Zhifa.Server.Features.Intake;
using Zhifa.Server.Features.Reference;

namespace Zhifa.Bench;

/// <summary>
/// The duplicate check's look-up with many open incidents: fills a fresh database with
/// <c>open</c> open incidents over the city's grids, all reported within the last 72 hours (the
/// worst case: every one inside the default window), then times the look-up as intake runs it,
/// one scope per report.
/// </summary>
internal static class DedupBench
{
    private static readonly string[] Texts =
    [
        "河道内发现地笼，疑似非法捕捞", "路口有流动摊贩占道经营", "小区门口垃圾外溢无人清运", "渣土车未盖篷布沿路抛洒",
        "饭店油烟直排扰民", "夜间工地施工噪声大", "有人在田里焚烧秸秆", "电动车在楼道里充电",
    ];

    public static async Task<int> RunAsync(string folder, int open, int probes)
    {
        using var host = await PlatformHost.StartAsync(folder, new WriteCounter());
        var reference = host.Services.GetRequiredService<ReferenceData>();
        var matters = reference.Matters.Keys.Order(StringComparer.Ordinal).ToArray();
        List<GeoPoint> centres;
        await using (var scope = host.Services.CreateAsyncScope())
            centres = await scope.ServiceProvider.GetRequiredService<ZhifaDbContext>().Grids.Select(g => new GeoPoint(g.CenterLat, g.CenterLon)).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);

        var fill = Stopwatch.StartNew();
        await FillAsync(Path.Combine(folder, "bench.db"), open, matters, centres, now, random);
        Console.WriteLine($"filled {open:N0} open incidents over {centres.Count:N0} grids in {fill.Elapsed.TotalSeconds:F1} s");

        var latencies = new double[probes];
        var found = 0;
        for (var n = -probes / 4; n < probes; n++)
        {
            var probe = new DuplicateProbe(Near(centres[random.Next(centres.Count)], random), Texts[random.Next(Texts.Length)], now, matters[random.Next(matters.Length)]);
            var start = Stopwatch.GetTimestamp();
            await using var scope = host.Services.CreateAsyncScope();
            var finding = await scope.ServiceProvider.GetRequiredService<DuplicateFinder>().FindAsync(probe, [reference.Matters[probe.MatterCode!]], withUnclassified: false, CancellationToken.None);
            // The first quarter warms the JIT and the page cache and is not counted.
            if (n >= 0)
            {
                latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                found += finding.Matches.Count > 0 ? 1 : 0;
            }
        }
        Array.Sort(latencies);
        Console.WriteLine($"look-ups: {probes:N0} (one scope each, as intake), {found:N0} found candidates");
        Console.WriteLine($"latency ms: mean {latencies.Average():F2}, p50 {Latency.Percentile(latencies, 0.50):F2}, p95 {Latency.Percentile(latencies, 0.95):F2}, p99 {Latency.Percentile(latencies, 0.99):F2}, max {latencies[^1]:F2}");
        return 0;
    }

    private static async Task FillAsync(string path, int open, string[] matters, List<GeoPoint> centres, DateTimeOffset now, Random random)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Incidents" ("Id", "Number", "Status", "MatterCode", "Priority", "Summary", "Lat", "Lon", "HandlingCenterCode",
                "ReportCount", "ReworkCount", "ReturnCount", "BindingRuling", "ReportedAt", "UpdatedAt", "Version")
            VALUES ($id, $number, $status, $matter, 'Normal', $summary, $lat, $lon, '330500-ZHZX', 1, 0, 0, 0, $at, $at, 1)
            """;
        var parameters = new[] { "$id", "$number", "$status", "$matter", "$summary", "$lat", "$lon", "$at" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        var statuses = IncidentLifecycle.OpenStatuses.Select(s => s.ToString()).ToArray();
        for (var i = 0; i < open; i++)
        {
            var at = now.AddMinutes(-random.Next(72 * 60));
            var point = Near(centres[random.Next(centres.Count)], random);
            parameters[0].Value = Guid.CreateVersion7(at).ToString().ToUpperInvariant();
            parameters[1].Value = $"BENCH-{i:D8}";
            parameters[2].Value = statuses[random.Next(statuses.Length)];
            parameters[3].Value = matters[random.Next(matters.Length)];
            parameters[4].Value = Texts[random.Next(Texts.Length)];
            parameters[5].Value = point.Lat;
            parameters[6].Value = point.Lon;
            parameters[7].Value = at.UtcTicks;
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>A point within about 700 m of a grid's centre.</summary>
    private static GeoPoint Near(GeoPoint centre, Random random) =>
        new(centre.Lat + (random.NextDouble() - 0.5) * 0.0126, centre.Lon + (random.NextDouble() - 0.5) * 0.0146);
}
