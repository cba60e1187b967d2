using System.Globalization;
using Zhifa.Bench;

// dotnet run -c Release --project bench/Zhifa.Bench -- lifecycle [--count 2000] [--warmup 500]
// A load run, not a micro-benchmark: N closed loops through the server's services on SQLite,
// against the raw limit of the same number of row writes through plain ADO.NET.
// dotnet run -c Release --project bench/Zhifa.Bench -- classifier [--calls 5000] [--trainings 3]
// The clue classifier: held-out accuracy, training time and the latency of one classification.

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args is ["classifier", .. var rest])
{
    if (!TryOptions(rest, new() { ["--calls"] = 5000, ["--trainings"] = 3 }, out var classifierOptions))
    {
        Console.Error.WriteLine("usage: Zhifa.Bench classifier [--calls N (default 5000)] [--trainings N (default 3)]");
        return 2;
    }
    ClassifierBench.Run(classifierOptions["--calls"], classifierOptions["--trainings"]);
    return 0;
}

// 500 warm-up life cycles (a few seconds): the tiered JIT keeps recompiling EF's hot paths for
// that long, and with a shorter warm-up its work lands in the timed window.
if (args is not ["lifecycle", .. var lifecycleArgs] || !TryOptions(lifecycleArgs, new() { ["--count"] = 2000, ["--warmup"] = 500 }, out var lifecycleOptions))
{
    Console.Error.WriteLine("usage: Zhifa.Bench lifecycle [--count N (default 2000)] [--warmup N (default 500)]");
    Console.Error.WriteLine("       Zhifa.Bench classifier [--calls N (default 5000)] [--trainings N (default 3)]");
    return 2;
}
var (count, warmup) = (lifecycleOptions["--count"], lifecycleOptions["--warmup"]);

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

/// <summary>Reads "--name N" pairs into <paramref name="defaults"/>; false on an unknown name or a value below 1.</summary>
static bool TryOptions(string[] options, Dictionary<string, int> defaults, out Dictionary<string, int> values)
{
    values = defaults;
    for (var i = 0; i < options.Length; i += 2)
    {
        if (i + 1 >= options.Length || !values.ContainsKey(options[i])
            || !int.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            return false;
        values[options[i]] = value;
    }
    return true;
}
