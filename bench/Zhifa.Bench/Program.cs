using System.Globalization;
using Zhifa.Bench;

// dotnet run -c Release --project bench/Zhifa.Bench -- lifecycle [--count 2000] [--warmup 500]
// A load run, not a micro-benchmark: N closed loops through the server's services on SQLite,
// against the raw limit of the same number of row writes through plain ADO.NET.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length == 0 || args[0] != "lifecycle" || !TryOptions(args.AsSpan(1), out var count, out var warmup))
{
    Console.Error.WriteLine("usage: Zhifa.Bench lifecycle [--count N (default 2000)] [--warmup N (default 500)]");
    return 2;
}

var folder = Path.Combine(Path.GetTempPath(), $"zhifa-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
try
{
    var platform = await LifecycleBench.RunAsync(folder, count, warmup, CancellationToken.None);
    var rawRows = count * platform.RowsPerLifecycle;
    var raw = await RawLimit.RunAsync(Path.Combine(folder, "raw.db"), warmup * platform.RowsPerLifecycle, rawRows, platform.RowsPerLifecycle);
    Report.Print(platform, rawRows, raw.Elapsed, raw.ProbeWalFrames, Machine.Facts(platform.SqliteVersion, folder));
    return 0;
}
finally
{
    LifecycleBench.DeleteFolder(folder);
}

static bool TryOptions(ReadOnlySpan<string> options, out int count, out int warmup)
{
    // 500 warm-up life cycles (a few seconds): the tiered JIT keeps recompiling EF's hot paths for
    // that long, and with a shorter warm-up its work lands in the timed window.
    (count, warmup) = (2000, 500);
    for (var i = 0; i < options.Length; i += 2)
    {
        if (i + 1 >= options.Length || !int.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            return false;
        switch (options[i])
        {
            case "--count": count = value; break;
            case "--warmup": warmup = value; break;
            default: return false;
        }
    }
    return true;
}
