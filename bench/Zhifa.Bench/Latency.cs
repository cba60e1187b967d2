namespace Zhifa.Bench;

internal static class Latency
{
    /// <summary>The nearest-rank percentile of values already sorted ascending.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
