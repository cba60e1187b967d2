namespace Zhifa.Core.Analysis;

/// <summary>
/// The exact formulas of the situation indicators (态势分析), over the facts of whatever incidents the
/// caller selected (a region, a department, a matter). Periods are half-open, [from, to), in instants;
/// nothing is rounded here. docs/indicators.md states every formula, its population and its edge cases.
/// </summary>
public static class Indicators
{
    /// <summary>The percentile of handling time besides the mean, by the nearest-rank method.</summary>
    public const double HandlingPercentile = 0.9;

    public static IndicatorValues Compute(IEnumerable<IncidentFacts> facts, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (to <= from)
            throw new ArgumentException($"The period must end after it starts: [{from:O}, {to:O}).", nameof(to));
        var all = facts as IReadOnlyCollection<IncidentFacts> ?? facts.ToList();
        bool In(DateTimeOffset? at) => at is { } t && t >= from && t < to;

        var received = all.Where(f => In(f.ReportedAt)).ToList();
        var dispatched = all.Where(f => In(f.DispatchedAt)).ToList();
        var closed = all.Where(f => In(f.ClosedAt)).ToList();
        // Open work is judged at the period's end, or now while the period is still running; a period
        // that has not begun has none.
        var judgedAt = to < now ? to : now;
        var openOverdue = now <= from ? 0 : all.Count(f => IsOpenOverdueAt(f, judgedAt));
        var closedOnTime = closed.Count(f => f.ClosedOnTime);
        var handling = closed.Where(f => f.HandlingMinutes is not null).Select(f => f.HandlingMinutes!.Value).ToList();

        return new IndicatorValues(
            from,
            to,
            Received: received.Count,
            Dispatched: dispatched.Count,
            Closed: closed.Count,
            ClosedOnTime: closedOnTime,
            OpenOverdue: openOverdue,
            Overdue: closed.Count - closedOnTime + openOverdue,
            OnTimeRate: Rate(closedOnTime, closed.Count + openOverdue),
            ClosureRate: Rate(closed.Count, received.Count),
            ReworkRate: Rate(closed.Count(f => f.ReworkCount > 0), closed.Count),
            ReturnRate: Rate(dispatched.Count(f => f.ReturnCount > 0), dispatched.Count),
            ExtensionRate: Rate(closed.Count(f => f.ExtensionCount > 0), closed.Count),
            MeanHandlingMinutes: handling.Count == 0 ? null : handling.Average(),
            P90HandlingMinutes: NearestRank(handling, HandlingPercentile),
            DuplicateShare: Rate(received.Sum(f => f.JoinedReports), received.Sum(f => f.Reports)));
    }

    /// <summary>The period [from, to) and the one of equal length just before it, [from − (to − from), from).</summary>
    public static IndicatorComparison Compare(IEnumerable<IncidentFacts> facts, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var all = facts as IReadOnlyCollection<IncidentFacts> ?? facts.ToList();
        var current = Compute(all, from, to, now);
        return new IndicatorComparison(current, Compute(all, from - (to - from), from, now));
    }

    /// <summary>
    /// Open at <paramref name="at"/> (reported before it, and still open now or closed only after it)
    /// and past its handle due then, without having met that due: a resolution on time awaiting
    /// verification is not overdue, a late one is until it closes.
    /// </summary>
    public static bool IsOpenOverdueAt(IncidentFacts f, DateTimeOffset at) =>
        OverdueSince(f) is { } since && since < at && (f.IsOpen || f.ClosedAt > at);

    /// <summary>
    /// The instant after which the incident counts as open and overdue for as long as it stays open:
    /// the later of its report and its handle due; null when it never does (no due, or the due met in
    /// time). The incident is open overdue at every t with since &lt; t, up to its closure (t ≤ closedAt).
    /// </summary>
    public static DateTimeOffset? OverdueSince(IncidentFacts f) =>
        f.HandleDueAt is { } due && !(f.HandleMetAt is { } metAt && metAt <= due)
            ? (due > f.ReportedAt ? due : f.ReportedAt)
            : null;

    /// <summary>
    /// The nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values
    /// at or below it, i.e. the ⌈p·n⌉-th of the values in ascending order; null for no values.
    /// </summary>
    public static double? NearestRank(IReadOnlyCollection<double> values, double p)
    {
        if (p is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is a share in (0, 1].");
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        // The share is rounded to a whole rank first so that 0.9 × 10 is rank 9, not 9.000000000000002 → 10.
        var rank = (int)Math.Ceiling(Math.Round(p * sorted.Count, 9));
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>A share, or null when there is nothing to divide by.</summary>
    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
