using System.Globalization;
using Zhifa.Bench;
using Zhifa.Bench.Indicators;

// dotnet run -c Release --project bench/Zhifa.Bench -- lifecycle [--count 2000] [--warmup 500]
//   A load run, not a micro-benchmark: N closed loops through the server's services on SQLite,
//   against the raw limit of the same number of row writes through plain ADO.NET.
// dotnet run -c Release --project bench/Zhifa.Bench -- dedup [--open 1000000] [--probes 2000]
//   The duplicate check's look-up among that many open incidents.
// dotnet run -c Release --project bench/Zhifa.Bench -- intake [--seconds 30] [--concurrency 32] [--rate 1000]
//   Intake over HTTP against a server process of its own: throughput, then latency at a fixed rate.
// dotnet run -c Release --project bench/Zhifa.Bench -- dedup-pairs
//   Precision and recall of the duplicate check on the shipped labelled pairs.
// dotnet run -c Release --project bench/Zhifa.Bench -- classifier [--calls 5000] [--trainings 3]
//   The clue classifier: held-out accuracy, training time and the latency of one classification.
// dotnet run -c Release --project bench/Zhifa.Bench -- indicators [--incidents 10000000] [--queries 2000] [--provider postgres|sqlite]
//   The situation indicators over that many generated incidents' facts and daily aggregates
//   (PostgreSQL: ZHIFA_BENCH_POSTGRES, an admin connection string; default postgres@127.0.0.1).

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const string Usage = """
    usage: Zhifa.Bench lifecycle [--count N (default 2000)] [--warmup N (default 500)]
           Zhifa.Bench dedup [--open N (default 1000000)] [--probes N (default 2000)]
           Zhifa.Bench intake [--seconds N (default 30)] [--concurrency N (default 32)] [--rate N (default 1000)]
           Zhifa.Bench dedup-pairs
           Zhifa.Bench classifier [--calls N (default 5000)] [--trainings N (default 3)]
           Zhifa.Bench indicators [--incidents N (default 10000000)] [--queries N (default 2000)] [--provider postgres|sqlite (default postgres)]
    """;

var command = args.Length == 0 ? "" : args[0];
// The one option that is not a number: taken out before the numbers are read.
var provider = "postgres";
if (command == "indicators" && Array.IndexOf(args, "--provider") is var at and > 0 && at + 1 < args.Length)
{
    provider = args[at + 1];
    args = [.. args[..at], .. args[(at + 2)..]];
}
if (provider is not ("postgres" or "sqlite"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}
if (command == "dedup-pairs")
    return DedupPairsReport.Run();
var options = new Dictionary<string, int>(command switch
{
    "lifecycle" => [new("--count", 2000), new("--warmup", 500)],
    "dedup" => [new("--open", 1_000_000), new("--probes", 2000)],
    "intake" => [new("--seconds", 30), new("--concurrency", 32), new("--rate", 1000)],
    "classifier" => [new("--calls", 5000), new("--trainings", 3)],
    "indicators" => [new("--incidents", 10_000_000), new("--queries", 2000)],
    _ => [],
});
if (options.Count == 0 || !TryOptions(args.AsSpan(1), options))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (command == "classifier")
{
    ClassifierBench.Run(options["--calls"], options["--trainings"]);
    return 0;
}

var folder = Path.Combine(Path.GetTempPath(), $"zhifa-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
try
{
    if (command == "dedup")
        return await DedupBench.RunAsync(folder, options["--open"], options["--probes"]);
    if (command == "indicators")
        return await IndicatorBench.RunAsync(folder, provider == "postgres", options["--incidents"], options["--queries"]);
    if (command == "intake")
        return await IntakeLoad.RunAsync(folder, options["--seconds"], options["--concurrency"], options["--rate"]);
    var (count, warmup) = (options["--count"], options["--warmup"]);
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

/// <summary>Reads "--name N" pairs into the command's options; false on an unknown name or a bad number.</summary>
static bool TryOptions(ReadOnlySpan<string> given, Dictionary<string, int> options)
{
    for (var i = 0; i < given.Length; i += 2)
    {
        if (i + 1 >= given.Length || !options.ContainsKey(given[i])
            || !int.TryParse(given[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            return false;
        options[given[i]] = value;
    }
    return true;
}
