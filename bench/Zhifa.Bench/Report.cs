using System.Diagnostics;
using System.Globalization;

namespace Zhifa.Bench;

/// <summary>The run's figures, as printed and as copied into docs/performance.md.</summary>
internal static class Report
{
    public static void Print(LifecycleResult p, int rawRows, TimeSpan raw, int rawWalFrames, IEnumerable<(string Name, string Value)> machine)
    {
        var perSecond = p.Count / p.Elapsed.TotalSeconds;
        var rawPerSecond = rawRows / raw.TotalSeconds;
        var rawLifecycles = rawPerSecond / p.RowsPerLifecycle;
        var w = p.PerWarmup;

        Console.WriteLine();
        Console.WriteLine("Zhifa life-cycle load run (report → dispatch → accept → resolve → verify, SQLite)");
        foreach (var (name, value) in machine)
            Line(name, value);
        Line("start-up", $"{p.StartUp.TotalMilliseconds:0} ms (migrate, seed, load reference data)");

        Console.WriteLine();
        Console.WriteLine($"Row writes per life cycle: {p.RowsPerLifecycle} (counted over the {p.WarmupCount} warm-up life cycles)");
        foreach (var (what, rows) in w.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            Line("  " + what, Per(rows, p.WarmupCount));
        Line("EF SaveChanges", Per(w.SaveChangesCalls, p.WarmupCount));
        Line("EF SQL commands", Per(w.Commands, p.WarmupCount) + " (plus the raw number upsert)");
        Line("EF transactions", Per(w.Transactions, p.WarmupCount));
        Line("connection opens", Per(w.ConnectionOpens, p.WarmupCount));
        Line("WAL pages written", $"{p.WalFrames} (raw limit, same {p.RowsPerLifecycle} rows: {rawWalFrames})");

        Console.WriteLine();
        Console.WriteLine($"Platform: {p.Count} life cycles, sequential, each step in a fresh DI scope");
        Line("elapsed", $"{p.Elapsed.TotalSeconds:0.000} s");
        Line("life cycles/s", $"{perSecond:0}");
        Line("ms per life cycle", $"{p.Elapsed.TotalMilliseconds / p.Count:0.000}");
        for (var i = 0; i < p.Phases.Length; i++)
        {
            var ms = p.Phases[i] * 1000.0 / Stopwatch.Frequency / p.Count;
            Line("  " + Lifecycle.PhaseNames[i], $"{ms:0.000} ms ({100.0 * p.Phases[i] / p.Phases.Sum():0}%)");
        }
        Line("  of an action: the load alone", $"{p.LoadOnly.TotalMilliseconds:0.000} ms (IncidentWorkflow.LoadAsync in a fresh scope)");
        Line("process CPU time", $"{p.CpuTime.TotalMilliseconds / p.Count:0.000} ms per life cycle ({100 * p.CpuTime / p.Elapsed:0}% of one core)");
        Line("allocated", $"{p.AllocatedBytes / 1024.0 / p.Count:0} KB per life cycle");
        Line("GCs (gen0/1/2)", string.Join("/", p.Collections));

        Console.WriteLine();
        Console.WriteLine($"Raw limit: {rawRows} prepared INSERTs, one transaction each (WAL, synchronous=NORMAL)");
        Line("elapsed", $"{raw.TotalSeconds:0.000} s");
        Line("row writes/s", $"{rawPerSecond:0}");
        Line("as life cycles/s", $"{rawLifecycles:0} (÷ {p.RowsPerLifecycle} rows)");

        Console.WriteLine();
        Line("platform ÷ raw", $"{perSecond / rawLifecycles:0.000} ({perSecond:0} ÷ {rawLifecycles:0} life cycles/s)");
        Line("target", $"≥ 300 life cycles/s here ({(perSecond >= 300 ? "met" : "NOT met")}); platform goal ≥ 1,000");
    }

    private static string Per(int total, int lifecycles) =>
        (total / (double)lifecycles).ToString("0.##", CultureInfo.InvariantCulture);

    public static void Line(string name, string value) => Console.WriteLine($"  {name,-34} {value}");
}
