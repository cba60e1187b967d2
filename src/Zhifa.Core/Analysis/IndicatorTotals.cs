namespace Zhifa.Core.Analysis;

/// <summary>
/// The additive part of the indicators: counters that sum over incidents, days and places, so that
/// the aggregates can hold them and a period's figures are their sum. Everything in
/// <see cref="IndicatorValues"/> follows from these and the open overdue count, which depends on the
/// moment of judgement and is counted apart. Subtracting an incident's old totals and adding its new
/// ones keeps an aggregate exact when the incident changes.
/// </summary>
public sealed record IndicatorTotals
{
    public long Received { get; init; }
    public long Dispatched { get; init; }
    /// <summary>Of the dispatched, those returned by a department at least once.</summary>
    public long Returned { get; init; }
    public long Closed { get; init; }
    public long ClosedOnTime { get; init; }
    /// <summary>Of the closed, those reworked at least once.</summary>
    public long Reworked { get; init; }
    /// <summary>Of the closed, those extended at least once.</summary>
    public long Extended { get; init; }
    /// <summary>Of the closed, those with a handling time, and its sum in whole seconds (whole, so that sums and differences stay exact).</summary>
    public long Handled { get; init; }
    public long HandlingSeconds { get; init; }
    public long Reports { get; init; }
    public long JoinedReports { get; init; }
    /// <summary>Closed incidents that became overdue on the day, and those that ended overdue (closed) on it: see <see cref="Indicators.OverdueSince"/>.</summary>
    public long OverdueStarted { get; init; }
    public long OverdueEnded { get; init; }
    /// <summary>Counts of the closed incidents' handling times per <see cref="HandlingBuckets"/> bucket.</summary>
    public long[] Buckets { get; init; } = new long[HandlingBuckets.Count];

    public static readonly IndicatorTotals Zero = new();

    public bool IsZero => this.Equals(Zero);

    public IndicatorTotals Plus(IndicatorTotals other, int sign = 1) => new()
    {
        Received = Received + sign * other.Received,
        Dispatched = Dispatched + sign * other.Dispatched,
        Returned = Returned + sign * other.Returned,
        Closed = Closed + sign * other.Closed,
        ClosedOnTime = ClosedOnTime + sign * other.ClosedOnTime,
        Reworked = Reworked + sign * other.Reworked,
        Extended = Extended + sign * other.Extended,
        Handled = Handled + sign * other.Handled,
        HandlingSeconds = HandlingSeconds + sign * other.HandlingSeconds,
        Reports = Reports + sign * other.Reports,
        JoinedReports = JoinedReports + sign * other.JoinedReports,
        OverdueStarted = OverdueStarted + sign * other.OverdueStarted,
        OverdueEnded = OverdueEnded + sign * other.OverdueEnded,
        Buckets = [.. Buckets.Zip(other.Buckets, (a, b) => a + sign * b)],
    };

    public IndicatorTotals Minus(IndicatorTotals other) => Plus(other, -1);

    /// <summary>
    /// The indicators of [<paramref name="from"/>, <paramref name="to"/>) from the period's totals and
    /// the open overdue count judged at its end: the same formulas as <see cref="Indicators.Compute"/>,
    /// except that the 90th percentile is the bound of its histogram bucket.
    /// </summary>
    public IndicatorValues Values(DateTimeOffset from, DateTimeOffset to, long openOverdue) => new(
        from,
        to,
        Received: (int)Received,
        Dispatched: (int)Dispatched,
        Closed: (int)Closed,
        ClosedOnTime: (int)ClosedOnTime,
        OpenOverdue: (int)openOverdue,
        Overdue: (int)(Closed - ClosedOnTime + openOverdue),
        OnTimeRate: Share(ClosedOnTime, Closed + openOverdue),
        ClosureRate: Share(Closed, Received),
        ReworkRate: Share(Reworked, Closed),
        ReturnRate: Share(Returned, Dispatched),
        ExtensionRate: Share(Extended, Closed),
        MeanHandlingMinutes: Handled == 0 ? null : HandlingSeconds / 60.0 / Handled,
        P90HandlingMinutes: HandlingBuckets.Percentile(Buckets, Indicators.HandlingPercentile),
        DuplicateShare: Share(JoinedReports, Reports));

    /// <summary>
    /// The open overdue count at a day's start t from its two parts: <paramref name="openNow"/>, the
    /// incidents open now whose overdue began before t; and the totals of every day from t's on, whose
    /// closed incidents that ended overdue on or after t, less those that only became overdue then,
    /// are the ones closed later that were open and overdue at t.
    /// </summary>
    public static long OpenOverdue(long openNow, IndicatorTotals fromJudgementDayOn) =>
        openNow + fromJudgementDayOn.OverdueEnded - fromJudgementDayOn.OverdueStarted;

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    public bool Equals(IndicatorTotals? other) =>
        other is not null && Received == other.Received && Dispatched == other.Dispatched && Returned == other.Returned
        && Closed == other.Closed && ClosedOnTime == other.ClosedOnTime && Reworked == other.Reworked && Extended == other.Extended
        && Handled == other.Handled && HandlingSeconds == other.HandlingSeconds && Reports == other.Reports
        && JoinedReports == other.JoinedReports && OverdueStarted == other.OverdueStarted && OverdueEnded == other.OverdueEnded
        && Buckets.SequenceEqual(other.Buckets);

    public override int GetHashCode() => HashCode.Combine(Received, Dispatched, Closed, HandlingSeconds, Reports);
}
