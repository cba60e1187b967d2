using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Zhifa.Bench;

/// <summary>What the figures were measured on.</summary>
internal static class Machine
{
    public static IEnumerable<(string Name, string Value)> Facts(string sqliteVersion, string folder) =>
        Common().Append(("sqlite", sqliteVersion)).Append(("temp folder (deleted at exit)", folder));

    /// <summary>What every run prints: the CPU, the runtime and how busy the machine was.</summary>
    public static IEnumerable<(string Name, string Value)> Common()
    {
        yield return ("cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        yield return ("cpu", CpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString());
        yield return ("os", RuntimeInformation.OSDescription);
        yield return (".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.ProcessArchitecture})");
        yield return ("gc", GCSettings.IsServerGC ? "server" : "workstation");
        yield return ("load average", LoadAverage() ?? "n/a");
#if DEBUG
        yield return ("build", "DEBUG: figures are not meaningful, use -c Release");
#endif
    }

    /// <summary>1, 5 and 15 minutes: other work on the machine shows here, and in the figures.</summary>
    private static string? LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? string.Join(' ', File.ReadAllText(loadavg).Split(' ').Take(3)) : null;
    }

    private static string? CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
            return null;
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':') + 1)..].Trim();
    }
}
