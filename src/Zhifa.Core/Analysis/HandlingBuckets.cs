namespace Zhifa.Core.Analysis;

/// <summary>
/// The histogram in which the indicator aggregates keep handling times, so that a percentile over millions of
/// incidents is read from a few counters instead of sorting them. The bounds are whole working minutes
/// at the marks a dispatcher thinks in (half an hour, a working day of 480, a week, a month);
/// from a histogram the 90th percentile is the upper bound of the bucket that holds its rank.
/// </summary>
public static class HandlingBuckets
{
    /// <summary>Each bucket's inclusive upper bound in working minutes; the last bucket has none.</summary>
    public static readonly int[] UpperBounds =
        [30, 60, 120, 240, 480, 720, 960, 1440, 1920, 2400, 2880, 3840, 4800, 7200, 9600, 14400, 19200, 28800, 57600];

    /// <summary>Buckets in all: one per bound, and the open one above the last.</summary>
    public static int Count => UpperBounds.Length + 1;

    /// <summary>The bucket of a handling time: the first whose bound is at or above it.</summary>
    public static int Of(double minutes)
    {
        for (var i = 0; i < UpperBounds.Length; i++)
            if (minutes <= UpperBounds[i])
                return i;
        return UpperBounds.Length;
    }

    /// <summary>
    /// The nearest-rank percentile read from bucket counts: the upper bound of the bucket holding the
    /// ⌈p·n⌉-th time, so never below the exact value; the open last bucket gives its lower bound. Null for no times.
    /// </summary>
    public static double? Percentile(IReadOnlyList<long> counts, double p)
    {
        var n = counts.Sum();
        if (n == 0)
            return null;
        var rank = Math.Max((long)Math.Ceiling(Math.Round(p * n, 9)), 1);
        long seen = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            seen += counts[i];
            if (seen >= rank)
                return UpperBounds[Math.Min(i, UpperBounds.Length - 1)];
        }
        return UpperBounds[^1];
    }
}
