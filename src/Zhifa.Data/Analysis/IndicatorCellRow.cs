using Zhifa.Core.Analysis;

namespace Zhifa.Data.Analysis;

/// <summary>
/// One row of the indicator aggregates (日汇总, 月汇总): the <see cref="IndicatorTotals"/> of one
/// <see cref="IndicatorCell"/>, a day's or a month's at a township, a county or the city. Kept by the
/// indicator ledger on every change of an incident, in the change's own transaction, by adding
/// differences; a period's indicators are the sum of its months and remaining days (<see cref="IndicatorSpans"/>).
/// </summary>
public sealed class IndicatorCellRow
{
    public IndicatorDimension Dimension { get; set; }
    public string CountyCode { get; set; } = "";
    public string TownshipCode { get; set; } = "";
    public IndicatorGrain Grain { get; set; }
    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Day { get; set; }
    public string Key { get; set; } = "";
    public long Received { get; set; }
    public long Dispatched { get; set; }
    public long Returned { get; set; }
    public long Closed { get; set; }
    public long ClosedOnTime { get; set; }
    public long Reworked { get; set; }
    public long Extended { get; set; }
    public long Handled { get; set; }
    public long HandlingSeconds { get; set; }
    public long Reports { get; set; }
    public long JoinedReports { get; set; }
    public long OverdueStarted { get; set; }
    public long OverdueEnded { get; set; }
    public long B00 { get; set; }
    public long B01 { get; set; }
    public long B02 { get; set; }
    public long B03 { get; set; }
    public long B04 { get; set; }
    public long B05 { get; set; }
    public long B06 { get; set; }
    public long B07 { get; set; }
    public long B08 { get; set; }
    public long B09 { get; set; }
    public long B10 { get; set; }
    public long B11 { get; set; }
    public long B12 { get; set; }
    public long B13 { get; set; }
    public long B14 { get; set; }
    public long B15 { get; set; }
    public long B16 { get; set; }
    public long B17 { get; set; }
    public long B18 { get; set; }
    public long B19 { get; set; }

    /// <summary>The counter columns in table order, for the ledger's upsert.</summary>
    public static readonly string[] Counters = [nameof(Received), nameof(Dispatched), nameof(Returned), nameof(Closed), nameof(ClosedOnTime), nameof(Reworked), nameof(Extended), nameof(Handled), nameof(HandlingSeconds), nameof(Reports), nameof(JoinedReports), nameof(OverdueStarted), nameof(OverdueEnded), nameof(B00), nameof(B01), nameof(B02), nameof(B03), nameof(B04), nameof(B05), nameof(B06), nameof(B07), nameof(B08), nameof(B09), nameof(B10), nameof(B11), nameof(B12), nameof(B13), nameof(B14), nameof(B15), nameof(B16), nameof(B17), nameof(B18), nameof(B19)];

    public IndicatorTotals Totals() => new()
    {
        Received = Received,
        Dispatched = Dispatched,
        Returned = Returned,
        Closed = Closed,
        ClosedOnTime = ClosedOnTime,
        Reworked = Reworked,
        Extended = Extended,
        Handled = Handled,
        HandlingSeconds = HandlingSeconds,
        Reports = Reports,
        JoinedReports = JoinedReports,
        OverdueStarted = OverdueStarted,
        OverdueEnded = OverdueEnded,
        Buckets = [B00, B01, B02, B03, B04, B05, B06, B07, B08, B09, B10, B11, B12, B13, B14, B15, B16, B17, B18, B19],
    };

    /// <summary>The counter values in the order of <see cref="Counters"/>.</summary>
    public static IEnumerable<long> Values(IndicatorTotals t) =>
        [t.Received, t.Dispatched, t.Returned, t.Closed, t.ClosedOnTime, t.Reworked, t.Extended, t.Handled, t.HandlingSeconds,
         t.Reports, t.JoinedReports, t.OverdueStarted, t.OverdueEnded, .. t.Buckets];
}
