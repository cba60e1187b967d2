using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Zhifa.Core.Geo;
using Zhifa.Core.Incidents;
using Zhifa.Data;
using Zhifa.Server.Features.Incidents;
using Zhifa.Server.Features.Reference;
using Zhifa.Server.Features.Triage;

namespace Zhifa.Bench;

internal sealed record LifecycleResult(
    int Count,
    TimeSpan Elapsed,
    long[] Phases,
    WriteCounter PerWarmup,
    int WarmupCount,
    int RowsPerLifecycle,
    long AllocatedBytes,
    int[] Collections,
    TimeSpan CpuTime,
    TimeSpan LoadOnly,
    int WalFrames,
    TimeSpan StartUp,
    string SqliteVersion);

/// <summary>
/// Starts the platform on a fresh SQLite file, counts the writes of the warm-up life cycles, then
/// times <c>count</c> life cycles one after another and checks what they left in the database.
/// </summary>
internal static class LifecycleBench
{
    public static async Task<LifecycleResult> RunAsync(string folder, int count, int warmup, CancellationToken ct)
    {
        var counter = new WriteCounter();
        var startClock = Stopwatch.StartNew();
        using var host = await PlatformHost.StartAsync(folder, counter);
        var startUp = startClock.Elapsed;
        // The classifier trains in the background after the start; the life cycles here carry their matter
        // and never ask it, but its seconds of CPU must not fall into the warm-up or the timed run.
        await host.Services.GetRequiredService<ClueClassifier>().Ready;
        CheckScenarioPoint(host.Services.GetRequiredService<ReferenceData>());

        var lifecycle = new Lifecycle(host.Services, counter);
        counter.Enabled = true;
        for (var n = 0; n < warmup; n++)
            await lifecycle.RunAsync(ct);
        counter.Enabled = false;
        if (counter.RowWrites % warmup != 0)
            throw new InvalidOperationException($"Warm-up wrote {counter.RowWrites} rows in {warmup} life cycles: not the same for each.");

        var timed = new Lifecycle(host.Services, counter);
        var collections = Collections();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < count; n++)
            await timed.RunAsync(ct);
        clock.Stop();
        cpu = Environment.CpuUsage.TotalTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var after = Collections();

        var loadOnly = await TimeLoadsAsync(host.Services, timed.LastIncidentId, Math.Min(count, 500), ct);
        var walFrames = await Wal.FramesWrittenByAsync(Path.Combine(folder, "bench.db"), () => lifecycle.RunAsync(ct));
        var sqlite = await CheckDatabaseAsync(host.Services, warmup + count + 1, ct);
        await host.StopAsync(ct);
        return new LifecycleResult(count, clock.Elapsed, timed.Phases, counter, warmup, counter.RowWrites / warmup,
            allocated, [.. after.Zip(collections, (a, b) => a - b)], cpu, loadOnly, walFrames, startUp, sqlite);
    }

    /// <summary>The read half of an action alone: what <c>IncidentWorkflow.LoadAsync</c> costs in a fresh scope.</summary>
    private static async Task<TimeSpan> TimeLoadsAsync(IServiceProvider services, Guid id, int times, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < times; n++)
        {
            await using var scope = services.CreateAsyncScope();
            _ = await scope.ServiceProvider.GetRequiredService<IncidentWorkflow>().LoadAsync(id, ct)
                ?? throw new InvalidOperationException($"Incident {id} vanished.");
        }
        return clock.Elapsed / times;
    }

    private static int[] Collections() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    private static void CheckScenarioPoint(ReferenceData reference)
    {
        var location = reference.Grids.Locate(new GeoPoint(Lifecycle.Lat, Lifecycle.Lon));
        if (location?.TownshipCode != "330503106")
            throw new InvalidOperationException($"({Lifecycle.Lat}, {Lifecycle.Lon}) is no longer in a grid of 和孚镇: {location}.");
    }

    /// <summary>Every life cycle closed with its five timeline entries: the run did the real work.</summary>
    private static async Task<string> CheckDatabaseAsync(IServiceProvider services, int lifecycles, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZhifaDbContext>();
        var closed = await db.Incidents.CountAsync(i => i.Status == IncidentStatus.Closed, ct);
        var timeline = await db.Timeline.CountAsync(ct);
        var numbers = await db.IncidentNumberCounters.SumAsync(c => c.Last, ct);
        if (closed != lifecycles || timeline != 5 * lifecycles || numbers != lifecycles)
            throw new InvalidOperationException(
                $"Expected {lifecycles} closed incidents, {5 * lifecycles} timeline entries and numbers; found {closed}, {timeline}, {numbers}.");
        return await db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS \"Value\"").SingleAsync(ct);
    }

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
