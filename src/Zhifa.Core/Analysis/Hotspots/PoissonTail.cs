namespace Zhifa.Core.Analysis.Hotspots;

/// <summary>The upper tail of the Poisson distribution, P(X ≥ k | λ), accurate far into the tail.</summary>
public static class PoissonTail
{
    /// <summary>
    /// P(X ≥ <paramref name="k"/>) for X ~ Poisson(<paramref name="lambda"/>). Above the mean the terms
    /// of the tail are summed upward from k, the first one in log space: 1 − (lower sum) would lose every
    /// digit once the tail falls below 1e-16, which is exactly where a hotspot's p-value lives. At or below
    /// the mean the tail is large and 1 − (lower sum) is exact enough.
    /// </summary>
    public static double AtLeast(int k, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (!(lambda > 0) || double.IsInfinity(lambda))
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ is a positive finite rate.");
        if (k == 0)
            return 1;
        if (k <= lambda)
            return Math.Clamp(1 - Lower(k, lambda), 0, 1);
        // The term at k, then each next one from the last: term(j + 1) = term(j) · λ / (j + 1).
        var term = Math.Exp(-lambda + k * Math.Log(lambda) - LogFactorial(k));
        var sum = 0.0;
        for (var j = k; term > 0 && term > sum * 1e-17; j++)
        {
            sum += term;
            term *= lambda / (j + 1);
        }
        return Math.Min(1, sum);
    }

    /// <summary>P(X &lt; k): the terms below k, each from the last, started in log space so a large λ does not underflow e^−λ.</summary>
    private static double Lower(int k, double lambda)
    {
        var sum = 0.0;
        for (var j = 0; j < k; j++)
            sum += Math.Exp(-lambda + j * Math.Log(lambda) - LogFactorial(j));
        return sum;
    }

    /// <summary>ln(n!) by summing logarithms: counts are small, and the sum is exact to the last digits.</summary>
    private static double LogFactorial(int n)
    {
        var sum = 0.0;
        for (var i = 2; i <= n; i++)
            sum += Math.Log(i);
        return sum;
    }
}
